from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, depolarizing_error

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.05, 2), ['cx'])

aer_sim = AerSimulator()
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.cx(0, 1)
qc.cx(0, 2)
qc.measure([0, 1, 2], [0, 1, 2])
t_qc = transpile(qc, aer_sim)
noisy = BackendSamplerV2(backend=aer_sim, options={
    "seed_simulator": 9, "run_options": {"noise_model": noise_model}})
counts = noisy.run([t_qc], shots=4000).result()[0].data.c.get_counts()
print("noisy:", dict(sorted(counts.items())))
print("shots:", sum(counts.values()))
ideal = BackendSamplerV2(backend=aer_sim, options={"seed_simulator": 4})
answer = ideal.run([t_qc]).result()[0].data.c.get_counts()
print("ideal:", dict(sorted(answer.items())))
