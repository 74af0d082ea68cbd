# `tqc = transpile(qc, sim)` then `sim.run(tqc)`: the register comes from `qc` through the
# transpiled name; `qc`, `tqc` and `counts` are rebound for a second experiment.
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator

qasm_sim = AerSimulator()

qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure(range(3), range(3))
tqc = transpile(qc, qasm_sim, seed_transpiler=5)
counts = qasm_sim.run(tqc, shots=3000, seed_simulator=21).result().get_counts()
print("ghz:", dict(sorted(counts.items())))

qc = QuantumCircuit(2, 2)
qc.ry(1.1, 0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])
tqc = transpile(qc, qasm_sim, seed_transpiler=5)
result = qasm_sim.run(tqc, shots=3000, seed_simulator=22).result()
counts = result.get_counts(qc)
print("ry:", dict(sorted(counts.items())))
