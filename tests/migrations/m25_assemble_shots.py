# The Qiskit textbook's simulator cell (2021-2023): transpile, assemble with shots, run the Qobj.
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, Aer, assemble, transpile

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.ry(0.9, 2)
qc.measure([0, 1, 2], [0, 1, 2])

aer_sim = Aer.get_backend('aer_simulator')
t_qc = transpile(qc, aer_sim)
qobj = assemble(t_qc, shots=8192, seed_simulator=5)
result = aer_sim.run(qobj).result()
counts = result.get_counts()
print("counts:", dict(sorted(counts.items())))
