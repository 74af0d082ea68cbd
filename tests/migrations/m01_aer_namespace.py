# Bell pair on the Aer simulator, imported from the pre-0.12 namespace (2020 tutorials).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit.providers.aer import AerSimulator

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

simulator = AerSimulator()
compiled = transpile(qc, simulator, seed_transpiler=11)
result = simulator.run(compiled, shots=2048, seed_simulator=11).result()
counts = result.get_counts()
print("counts:", dict(sorted(counts.items())))
