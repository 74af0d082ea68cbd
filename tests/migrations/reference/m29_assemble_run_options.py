from qiskit import QuantumCircuit, transpile
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
counts = aer_sim.run(t_qc, seed_simulator=9, noise_model=noise_model, shots=4000).result(
    ).get_counts()
print("noisy:", dict(sorted(counts.items())))
print("shots:", sum(counts.values()))
answer = aer_sim.run(t_qc, seed_simulator=4).result().get_counts()
print("ideal:", dict(sorted(answer.items())))
