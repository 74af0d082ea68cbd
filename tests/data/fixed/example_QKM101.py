from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
counts = AerSimulator().run(transpile(circuit, AerSimulator()), shots=1000).result().get_counts()
