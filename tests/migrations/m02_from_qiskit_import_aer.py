# GHZ state with `from qiskit import Aer` and the "aer_simulator" backend name (2021).
# compare: tvd<=0.05
# remaining: none
from qiskit import Aer, QuantumCircuit, execute

ghz = QuantumCircuit(3, 3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure(range(3), range(3))

backend = Aer.get_backend("aer_simulator")
job = execute(ghz, backend, shots=2000, seed_simulator=7, seed_transpiler=7)
counts = job.result().get_counts(ghz)
print("counts:", dict(sorted(counts.items())))
