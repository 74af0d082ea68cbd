# A simulator made in the call that runs (`Aer.get_backend("qasm_simulator").run(qc)`), the
# circuit copied from a base one and measured, `qc` and `job` rebound as in notebook cells.
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit
from qiskit_aer import Aer

base = QuantumCircuit(2)
base.h(0)
base.cx(0, 1)

qc = base.copy()
qc.measure_all()
job = Aer.get_backend("qasm_simulator").run(qc, shots=2000, seed_simulator=11)
print("bell:", dict(sorted(job.result().get_counts().items())))

qc = base.copy()
qc.x(1)
qc.measure_all()
job = Aer.get_backend("qasm_simulator").run(qc, shots=2000, seed_simulator=12)
print("flipped:", dict(sorted(job.result().get_counts().items())))
