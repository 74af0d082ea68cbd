# QKM109: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers.basicaer import QasmSimulatorPy

backend = QasmSimulatorPy()

# --- use instead ---
from qiskit.providers.basic_provider import BasicProvider

backend = BasicProvider().get_backend("basic_simulator")
