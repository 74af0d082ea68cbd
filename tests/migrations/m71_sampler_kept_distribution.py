# V1 Sampler's exact quasi-distribution kept in a name, read as integers, bitstrings and a dict
# (2023 teaching notebooks). V2 samples: a tolerance on the distributions.
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

sampler = Sampler()
result = sampler.run(ghz).result()
dist = result.quasi_dists[0]
print("outcomes:", sorted(dist))
print("integers:", {key: round(value, 6) for key, value in sorted(dist.items())})
print("bitstrings:", {key: round(value, 6)
                        for key, value in sorted(dist.binary_probabilities().items())})
probabilities = dict(dist)
print("plain:", {key: round(value, 6) for key, value in sorted(probabilities.items())})
print("ends:", {"000": round(dist[0], 6), "111": round(dist[7], 6)})
