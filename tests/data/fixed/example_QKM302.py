from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2 as BackendSampler
from qiskit.providers.fake_provider import GenericBackendV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = BackendSampler(backend=GenericBackendV2(2))
quasi_dists = sampler.run(circuit).result().quasi_dists
