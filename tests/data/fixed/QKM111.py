# QKM111: the legacy Aer simulators, and what QKM103 advises on them.
from qiskit_aer import Aer, AerProvider, AerSimulator  # ok: the replacement
from qiskit_aer import StatevectorSimulator, QasmSimulator  # QKM111: 24, QKM111: 46
from qiskit_aer.backends import UnitarySimulator as US  # QKM111: 33
import qiskit_aer

state = Aer.get_backend("statevector_simulator")  # QKM111: 9
state.run(circuit)  # QKM103: 1
Aer.get_backend(name="unitary_simulator").run(circuit)  # QKM111: 1, QKM103: 1
AerSimulator()  # QKM111: 1
Aer.get_backend("aer_simulator")  # ok: the AerSimulator
Aer.get_backend("aer_simulator_statevector")  # ok: an AerSimulator with a method
Aer.get_backend(backend_name)  # ok: not known
StatevectorSimulator().run(circuit)  # QKM111: 1, QKM103: 1
qiskit_aer.QasmSimulator()  # QKM111: 1
US()  # QKM111: 1
AerSimulator(method="statevector").run(circuit)  # QKM103: 1
AerSimulator()  # ok


class QasmSimulator:  # ok: the user's own class shadows the import
    def get_backend(self, name):
        return name


QasmSimulator()  # ok
QasmSimulator().get_backend("qasm_simulator")  # ok: not Aer's
from mysim import UnitarySimulator

UnitarySimulator()  # ok: another package
