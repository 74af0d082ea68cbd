# A noisy run through `execute`: a noise model and a seed given to execute, two circuits in
# one call, counts read by circuit (2021 error-mitigation notebooks).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, execute
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
result = execute([zero, one], sim, shots=4000, noise_model=noise_model, seed_simulator=9,
                 basis_gates=["x", "cx", "measure"]).result()
print("zero:", dict(sorted(result.get_counts(zero).items())))
print("one:", dict(sorted(result.get_counts(one).items())))
