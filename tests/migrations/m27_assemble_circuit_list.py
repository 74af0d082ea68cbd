# Several circuits in one Qobj, counts read by circuit (textbook hello-qiskit style).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, Aer, transpile, assemble

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

ghz = QuantumCircuit(2, 2)
ghz.x(0)
ghz.h(1)
ghz.measure([0, 1], [0, 1])

aer_sim = Aer.get_backend('aer_simulator')
t_qcs = transpile([bell, ghz], aer_sim)
shots = 3000
qobj = assemble(t_qcs, shots=shots, seed_simulator=21)
result = aer_sim.run(qobj).result()
print("bell:", dict(sorted(result.get_counts(0).items())))
print("ghz:", dict(sorted(result.get_counts(1).items())))
