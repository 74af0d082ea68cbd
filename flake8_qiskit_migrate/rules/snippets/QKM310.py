# QKM310: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
result = StatevectorSampler().run([circuit]).result()
counts = result.get_counts()

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
result = StatevectorSampler().run([circuit], shots=100).result()
counts = result[0].data.meas.get_counts()
