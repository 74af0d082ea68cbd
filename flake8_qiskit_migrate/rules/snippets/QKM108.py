# QKM108: the example of the old code, then what to use instead (run by the tests).
from qiskit import BasicAer

backend = BasicAer.get_backend("qasm_simulator")

# --- use instead ---
from qiskit.providers.basic_provider import BasicSimulator

backend = BasicSimulator()
