from qiskit_aer import Aer

backend = Aer.get_backend("aer_simulator")
