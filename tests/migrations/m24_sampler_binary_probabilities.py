# V1 Sampler with shots and seed as run options, binary probabilities (2023 Grover demo).
# compare: exact
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

grover = QuantumCircuit(2)
grover.h([0, 1])
grover.cz(0, 1)
grover.h([0, 1])
grover.z([0, 1])
grover.cz(0, 1)
grover.h([0, 1])
grover.measure_all()

sampler = Sampler()
job = sampler.run(grover, shots=2000, seed=123)
probabilities = job.result().quasi_dists[0].binary_probabilities()
print("probabilities:", {key: round(value, 6) for key, value in sorted(probabilities.items())})
