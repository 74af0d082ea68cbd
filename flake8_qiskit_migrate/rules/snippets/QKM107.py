# QKM107: the example of the old code, then what to use instead (run by the tests).
from qiskit import Aer

backend = Aer.get_backend("aer_simulator")

# --- use instead ---
from qiskit_aer import AerSimulator

backend = AerSimulator()
