from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler as Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = Sampler()
quasi_dists = [{k: n / pub.join_data().num_shots for k, n in pub.join_data().get_int_counts().items()} for pub in sampler.run([circuit], shots=100).result()]
