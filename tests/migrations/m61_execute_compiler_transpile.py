# The 2021 textbook header (`transpile` from `qiskit.compiler`, `execute` from `qiskit`), a
# Grover iteration on two qubits run with `execute` and its counts read in a later statement.
# compare: exact
# remaining: none
from qiskit import Aer, ClassicalRegister, QuantumCircuit, QuantumRegister, execute
from qiskit.compiler import assemble, transpile

qr = QuantumRegister(2, "q")
cr = ClassicalRegister(2, "out")
grover = QuantumCircuit(qr, cr)
grover.h(qr)
grover.cz(0, 1)
grover.h(qr)
grover.z(qr)
grover.cz(0, 1)
grover.h(qr)
grover.measure(qr, cr)

sim = Aer.get_backend("aer_simulator")
print("depth:", transpile(grover, sim, optimization_level=0).depth())
job = execute(grover, sim, shots=1000, seed_simulator=3, optimization_level=0)
result = job.result()
print("counts:", dict(sorted(result.get_counts(grover).items())))
