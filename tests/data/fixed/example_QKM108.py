from qiskit.providers.basic_provider import BasicSimulator

backend = BasicSimulator()
