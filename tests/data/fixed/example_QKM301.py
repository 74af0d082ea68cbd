from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler as Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = Sampler()
quasi_dists = sampler.run(circuit, shots=100).result().quasi_dists
