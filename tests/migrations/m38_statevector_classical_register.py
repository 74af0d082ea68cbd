# A circuit with registers (a classical one never measured) read from the statevector
# simulator twice, through job and result names, before and after more gates; the module
# imports Statevector already.
# compare: close
# remaining: none
import numpy as np
from qiskit import Aer, ClassicalRegister, QuantumCircuit, QuantumRegister, execute
from qiskit.quantum_info import Statevector

q = QuantumRegister(2, "q")
c = ClassicalRegister(2, "c")
qc = QuantumCircuit(q, c)
qc.ry(0.8, 0)
qc.cx(0, 1)
qc.barrier()

backend = Aer.get_backend('statevector_simulator')
job = execute(qc, backend)
result = job.result()
outputstate = result.get_statevector(qc)
print("state:", np.round(np.asarray(outputstate), 6).tolist())
print("equivalent:", Statevector(outputstate).equiv(Statevector.from_label("00")))

qc.rx(0.3, 1)
job = execute(qc, backend)
result = job.result()
outputstate = result.get_statevector(qc)
print("after_rx:", np.round(np.asarray(outputstate), 6).tolist())
