# `measure_all` (register "meas") and `backend.run` on the Aer simulator (2023).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.cx(0, 2)
qc.measure_all()

sim = AerSimulator()
result = sim.run(transpile(qc, sim), shots=2000, seed_simulator=99).result()
print("counts:", dict(sorted(result.get_counts().items())))
