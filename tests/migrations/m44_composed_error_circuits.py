# An encoded circuit composed with an error and a decoder (`a.compose(b)` keeps the registers
# of `a`), measured with `measure_all`, each run on the `qasm_simulator`.
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit
from qiskit_aer import Aer

sim = Aer.get_backend("qasm_simulator")
encode = QuantumCircuit(3)
encode.cx(0, 1)
encode.cx(0, 2)
error = QuantumCircuit(3)
error.x(1)
decode = QuantumCircuit(3)
decode.cx(0, 2)
decode.cx(0, 1)
decode.ccx(2, 1, 0)

qc = QuantumCircuit(3)
qc.h(0)
qc = qc.compose(encode)
qc = qc.compose(error).compose(decode)
qc.measure_all()
job = sim.run(qc, shots=2500, seed_simulator=51)
counts = job.result().get_counts()
print("corrected:", dict(sorted(counts.items())))
