# A 2019 tutorial's habit: `max_credits=` passed to `execute` on a local simulator (it mattered
# only on the IBM Q devices), with BasicAer and Aer side by side, counts compared.
# compare: tvd<=0.05
# remaining: none
from qiskit import Aer, BasicAer, ClassicalRegister, QuantumCircuit, QuantumRegister, execute

q = QuantumRegister(3, "q")
c = ClassicalRegister(3, "c")
ghz = QuantumCircuit(q, c)
ghz.h(q[0])
ghz.cx(q[0], q[1])
ghz.cx(q[1], q[2])
ghz.measure(q, c)

aer = Aer.get_backend("qasm_simulator")
basic = BasicAer.get_backend("qasm_simulator")
aer_counts = execute(ghz, aer, shots=1024, max_credits=10, seed_simulator=11).result().get_counts()
basic_counts = execute(ghz, backend=basic, shots=1024, max_credits=3,
                       seed_simulator=11).result().get_counts(ghz)
print("aer:", dict(sorted(aer_counts.items())))
print("basic:", dict(sorted(basic_counts.items())))
print("same_keys:", sorted(aer_counts) == sorted(basic_counts))
