# V1 reference Sampler: exact quasi-probabilities of a Bell circuit (2023).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import Sampler

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.measure_all()

sampler = Sampler()
result = sampler.run(qc).result()
quasi = result.quasi_dists[0]
print("quasi:", {key: round(value, 6) for key, value in sorted(quasi.items())})
