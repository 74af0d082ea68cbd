# V1 reference Sampler with seeded shots on a list of circuits, a loop over the quasi-
# distributions reading bitstrings and integer outcomes (2023 teaching scripts).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

plus = QuantumCircuit(1)
plus.h(0)
plus.measure_all()
one = QuantumCircuit(1)
one.x(0)
one.measure_all()

sampler = Sampler()
result = sampler.run([plus, one], shots=3000, seed=21).result()
labels = ["plus", "one"]
index = 0
for quasi in result.quasi_dists:
    print(f"{labels[index]}_bits:", {key: round(value, 6)
                                     for key, value in sorted(quasi.binary_probabilities().items())})
    print(f"{labels[index]}_ints:", {key: round(value, 6) for key, value in sorted(quasi.items())})
    index += 1
