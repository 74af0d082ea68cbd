from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, depolarizing_error

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.05, 1), ["x"])
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.1, 2), ["cx"])

zero = QuantumCircuit(2, 2)
zero.measure([0, 1], [0, 1])
one = QuantumCircuit(2, 2)
one.x(0)
one.cx(0, 1)
one.measure([0, 1], [0, 1])

sim = AerSimulator()
sampler = BackendSamplerV2(backend=sim, options={
    "seed_simulator": 9, "run_options": {"noise_model": noise_model}})
circuits = transpile([zero, one], sim, basis_gates=["x", "cx", "measure"])
result = sampler.run(circuits, shots=4000).result()
print("zero:", dict(sorted(result[0].data.c.get_counts().items())))
print("one:", dict(sorted(result[1].data.c.get_counts().items())))
