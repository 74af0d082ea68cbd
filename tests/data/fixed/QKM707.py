# QKM707: BackendV1 accessors on backends proven to be V2.
from qiskit.providers.basic_provider import BasicSimulator
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

generic = GenericBackendV2(5)
generic.configuration().n_qubits  # QKM707: 1
generic.properties().t1(0)  # QKM707: 1
generic.defaults()  # QKM707: 1
generic.max_shots  # QKM707: 1
generic.name  # QKM707: 1
generic.name  # ok: the V2 attribute
generic.target.qubit_properties  # ok
BasicSimulator().configuration()  # QKM707: 1
simulator = AerSimulator()
simulator.name  # QKM707: 1
simulator.max_experiments  # QKM707: 1
simulator.configuration()  # ok: AerSimulator still answers it
simulator.properties()  # ok: likewise
fake = FakeManilaV2()
fake.name  # QKM707: 1
fake.configuration().basis_gates  # ok: the runtime's fakes still answer it
fake.properties()  # ok
backend = QiskitRuntimeService().backend("ibm_x")
backend.name  # QKM707: 1
backend.configuration()  # ok: IBMBackend still answers it
print(backend.name)  # ok


class Device:
    def configuration(self) -> dict[str, int]:
        return {}

    def name(self) -> str:
        return "device"


Device().configuration()  # ok: a class of the module
Device().name()  # ok


def describe(device) -> str:  # type: ignore[no-untyped-def]
    return device.name()  # ok: not proven to be a V2 backend
from qiskit.providers.ibmq import least_busy  # QKM202: 35

least_busy(candidates).name()  # QKM209: 1; ok: IBMQ backends were BackendV1
