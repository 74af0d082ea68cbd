# QKM210: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers.aer import AerSimulator

backend = AerSimulator()

# --- use instead ---
from qiskit_aer import AerSimulator

backend = AerSimulator()
