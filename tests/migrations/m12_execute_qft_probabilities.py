# QFT on a basis state: an `execute` program whose distribution is uniform (2020).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit, execute
from qiskit.circuit.library import QFT
from qiskit_aer import Aer

qc = QuantumCircuit(3)
qc.x(1)
qc.append(QFT(3), range(3))
qc.measure_all()

backend = Aer.get_backend("aer_simulator")
counts = execute(qc, backend, shots=4000, seed_simulator=17, seed_transpiler=17).result().get_counts()
print("outcomes:", len(counts))
print("counts:", dict(sorted(counts.items())))
