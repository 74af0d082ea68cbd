# QKM702: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers import BackendV1
from qiskit.providers.models import BackendConfiguration


class MyBackend(BackendV1):
    def configuration(self) -> BackendConfiguration:
        return self._configuration

# --- use instead ---
from qiskit.circuit.library import CXGate, Measure, RZGate, SXGate
from qiskit.circuit import Parameter
from qiskit.providers import BackendV2, Options
from qiskit.transpiler import Target


class MyBackend(BackendV2):
    def __init__(self) -> None:
        super().__init__(name="my_backend")
        self._target = Target(num_qubits=2)
        self._target.add_instruction(SXGate(), {(0,): None, (1,): None})
        self._target.add_instruction(RZGate(Parameter("theta")), {(0,): None, (1,): None})
        self._target.add_instruction(CXGate(), {(0, 1): None})
        self._target.add_instruction(Measure(), {(0,): None, (1,): None})

    @property
    def target(self) -> Target:
        return self._target

    @property
    def max_circuits(self) -> None:
        return None

    @classmethod
    def _default_options(cls) -> Options:
        return Options(shots=1024)

    def run(self, run_input, **options):  # type: ignore[no-untyped-def]
        raise NotImplementedError("use BackendSamplerV2(backend=MyBackend())")


print(MyBackend().num_qubits, MyBackend().operation_names)
