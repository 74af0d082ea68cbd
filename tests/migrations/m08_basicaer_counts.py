# BasicAer's "qasm_simulator" (the pure-Python simulator of the 2019 docs).
# compare: tvd<=0.05
# remaining: none
from qiskit import BasicAer, QuantumCircuit, execute

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.h(1)
qc.cz(0, 1)
qc.h(1)
qc.measure([0, 1], [0, 1])

backend = BasicAer.get_backend("qasm_simulator")
counts = execute(qc, backend, shots=1000, seed_simulator=3, seed_transpiler=3).result().get_counts()
print("counts:", dict(sorted(counts.items())))
