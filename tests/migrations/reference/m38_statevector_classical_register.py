import numpy as np
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.quantum_info import Statevector

q = QuantumRegister(2, "q")
c = ClassicalRegister(2, "c")
qc = QuantumCircuit(q, c)
qc.ry(0.8, 0)
qc.cx(0, 1)
qc.barrier()

outputstate = Statevector(qc)
print("state:", np.round(np.asarray(outputstate), 6).tolist())
print("equivalent:", Statevector(outputstate).equiv(Statevector.from_label("00")))

qc.rx(0.3, 1)
outputstate = Statevector(qc)
print("after_rx:", np.round(np.asarray(outputstate), 6).tolist())
