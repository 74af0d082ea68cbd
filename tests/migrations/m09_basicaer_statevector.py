# BasicAer's "statevector_simulator" for a superposition.
# compare: close
# remaining: none
import numpy as np
from qiskit import BasicAer, QuantumCircuit, execute

qc = QuantumCircuit(3)
qc.h(0)
qc.cx(0, 1)
qc.ry(0.3, 2)

simulator = BasicAer.get_backend("statevector_simulator")
vector = execute(qc, simulator).result().get_statevector()
print("state:", np.round(np.asarray(vector), 6).tolist())
