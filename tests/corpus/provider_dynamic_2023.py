# Regression corpus: 2023 qiskit-ibm-provider code (IBMProvider, dynamic circuits, run options
# on a backend held by a class, and the accounts API).
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_provider import IBMProvider, least_busy  # QKM201: 33, QKM201: 46

IBMProvider.save_account(token="MY_TOKEN")  # QKM206: 1
provider = IBMProvider(instance="ibm-q/open/main")  # QKM207: 12
backend = least_busy(provider.backends(dynamic_circuits=True))  # QKM209: 11, QKM207: 22


class Experiment:
    def __init__(self, backend, shots=1000):
        self.backend = backend
        self.shots = shots

    def submit(self, circuits):
        isa = transpile(circuits, self.backend)
        return self.backend.run(isa, shots=self.shots, dynamic=True, job_tags=["exp"])  # QKM104: 16, QKM401: 38, QKM404: 56, QKM402: 70


teleport = QuantumCircuit(3, 3)
teleport.h(1)
teleport.cx(1, 2)
teleport.measure(0, 0)
with teleport.if_test((teleport.clbits[0], 1)):
    teleport.x(2)
experiment = Experiment(provider.get_backend("ibm_lagos"))  # QKM207: 25
job = experiment.submit([teleport])  # ok: a method of the module's own class
direct = provider.get_backend("ibm_perth")  # QKM207: 10
direct.run(teleport, shots=100, dynamic=True, job_tags=["x"], rep_delay=0.0001)  # QKM102: 1, QKM401: 22, QKM404: 33, QKM402: 47, QKM402: 63
