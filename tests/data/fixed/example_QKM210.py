from qiskit_aer import AerSimulator

backend = AerSimulator()
