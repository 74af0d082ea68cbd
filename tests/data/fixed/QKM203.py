# QKM203: the qiskit.IBMQ entry point.
from qiskit import IBMQ  # QKM203: 20
import qiskit
import qiskit as qk

qiskit.IBMQ  # QKM203: 1
print(qk.IBMQ)  # QKM203: 7
IBMQ  # ok: reported at its import
qiskit.QuantumCircuit  # ok


def f(IBMQ):
    return IBMQ.providers()  # ok: a parameter shadows the import
