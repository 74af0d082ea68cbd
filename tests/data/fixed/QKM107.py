# QKM107: qiskit.Aer.
from qiskit_aer import Aer  # QKM107: 20
import qiskit
from qiskit_aer import AerSimulator

backend = Aer.get_backend("aer_simulator")
backend.run(circuit)  # QKM103: 1
AerSimulator()  # QKM107: 1, QKM111: 1
from qiskit_aer import Aer as AerProvider  # ok: the qiskit_aer drop-in
