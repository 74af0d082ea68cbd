# Regression corpus: a 2019-style tutorial notebook converted to a script (star imports, the
# IBMQ provider, execute with options, the legacy job monitor).
import numpy as np
from qiskit import *  # ok: the names it binds are reported where used
from qiskit.visualization import plot_histogram  # ok: still in Qiskit
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import QiskitRuntimeService

service = QiskitRuntimeService()  # was IBMQ.get_provider(hub="ibm-q"): instance= now takes an IBM Cloud CRN or name  # QKM203: 1, QKM204: 1
device = service.backend("ibmq_16_melbourne")  # QKM205: 10


def oracle(circuit, marked):
    for qubit, bit in enumerate(reversed(marked)):
        if bit == "0":
            circuit.x(qubit)
    circuit.h(2)
    circuit.ccx(0, 1, 2)
    circuit.h(2)
    return circuit


qr = QuantumRegister(3)
cr = ClassicalRegister(3)
grover = QuantumCircuit(qr, cr)
grover.h(qr)
oracle(grover, "101")
grover.measure(qr, cr)

simulator = AerSimulator()  # QKM107: 13, QKM111: 13
counts = execute(grover, simulator, shots=1024).result().get_counts()  # QKM101: 10, QKM401: 37
plot_histogram(counts)

statevector = Aer.get_backend("statevector_simulator")  # QKM111: 15 (Aer was reported at its first use)
state = execute(grover.remove_final_measurements(inplace=False), statevector).result()  # QKM101: 9

job = execute(grover, backend=device, shots=8192, optimization_level=3)  # QKM101: 7, QKM401: 39, QKM416: 51
hardware_counts = job.result().get_counts(grover)
angles = np.linspace(0, np.pi, 10)
