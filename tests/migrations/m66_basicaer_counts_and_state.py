# BasicAer's QASM and statevector simulators in one tutorial (the 2019-2021 plotting and
# getting-started notebooks): seeded counts, then a Bell state read rounded and printed.
# compare: tvd<=0.05
# remaining: none
import numpy as np
from qiskit import BasicAer, QuantumCircuit, transpile

circ = QuantumCircuit(2, 2)
circ.h(0)
circ.cx(0, 1)
circ.measure([0, 1], [0, 1])

backend = BasicAer.get_backend('qasm_simulator')
result = backend.run(transpile(circ, backend), shots=1000, seed_simulator=11).result()
print("counts:", dict(sorted(result.get_counts(circ).items())))

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.ry(0.2, 1)

backend = BasicAer.get_backend('statevector_simulator')
result = backend.run(transpile(bell, backend)).result()
psi = result.get_statevector(bell, decimals=3)
print("printed:", repr(str(psi)))
print("type:", repr(type(psi).__name__))
print("probabilities:", np.round(np.abs(psi) ** 2, 6).tolist())
