# QKM111: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_aer import Aer

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
backend = Aer.get_backend("statevector_simulator")
state = backend.run(circuit).result().get_statevector()

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.quantum_info import Statevector

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
state = Statevector(circuit)
