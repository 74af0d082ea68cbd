# `from qiskit import *` with the simulator from qiskit_aer (2023 notebooks): registers made
# from the star import, one classical register without a name, the counts read at once.
# compare: tvd<=0.05
# remaining: none
from qiskit import *
from qiskit_aer import AerSimulator

q = QuantumRegister(3)
c = ClassicalRegister(3)
ghz = QuantumCircuit(q, c)
ghz.h(q[0])
ghz.cx(q[0], q[1])
ghz.cx(q[1], q[2])
ghz.measure(q, c)

simulator = AerSimulator()
counts = execute(ghz, simulator, shots=4000, seed_simulator=5).result().get_counts()
print("ghz:", dict(sorted(counts.items())))
