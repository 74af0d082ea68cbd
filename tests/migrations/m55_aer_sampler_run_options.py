# Aer's V1 Sampler with shots and seed as run options, results kept and read later (2023).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit
from qiskit_aer.primitives import Sampler

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

sampler = Sampler(run_options={"shots": 4000, "seed": 11})
job = sampler.run(ghz)
result = job.result()
dist = result.quasi_dists[0]
print("ghz:", {key: round(value, 6) for key, value in sorted(dist.items())})
bits = sampler.run([ghz]).result().quasi_dists[0].binary_probabilities()
print("bits:", sorted(bits))
