from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, ReadoutError, depolarizing_error
from qiskit_aer.primitives import SamplerV2

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.04, 1), ["h", "x"])
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.08, 2), ["cx"])
noise_model.add_all_qubit_readout_error(ReadoutError([[0.9, 0.1], [0.2, 0.8]]))

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])
sampler = SamplerV2(options={"backend_options": {"noise_model": noise_model}})
counts = sampler.run([qc], shots=10000).result()[0].data.c.get_counts()
print("noisy_bell:", dict(sorted(counts.items())))
