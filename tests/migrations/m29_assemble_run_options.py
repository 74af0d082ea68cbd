# Noisy runs of the textbook's error-correction chapter: the run's own shots win over the
# Qobj's, a Qobj assembled for the simulator itself, the qiskit.compiler import.
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, Aer, transpile
from qiskit.compiler import assemble
from qiskit_aer.noise import NoiseModel, depolarizing_error

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.05, 2), ['cx'])

aer_sim = Aer.get_backend('aer_simulator')
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.cx(0, 1)
qc.cx(0, 2)
qc.measure([0, 1, 2], [0, 1, 2])
t_qc = transpile(qc, aer_sim)
qobj = assemble(t_qc, shots=1000, seed_simulator=9)
counts = aer_sim.run(qobj, noise_model=noise_model, shots=4000).result().get_counts()
print("noisy:", dict(sorted(counts.items())))
print("shots:", sum(counts.values()))

qobj = assemble(t_qc, aer_sim, seed_simulator=4)
results = aer_sim.run(qobj).result()
answer = results.get_counts()
print("ideal:", dict(sorted(answer.items())))
