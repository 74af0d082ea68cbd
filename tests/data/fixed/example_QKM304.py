from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2 as Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
quasi_dists = [{k: n / pub.join_data().num_shots for k, n in pub.join_data().get_int_counts().items()} for pub in Sampler().run([circuit]).result()]
