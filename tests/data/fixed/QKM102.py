# QKM102: run on a proven IBM Quantum backend.
from qiskit_ibm_runtime import QiskitRuntimeService, IBMBackend
from qiskit_ibm_provider import IBMProvider  # QKM201: 33

service = QiskitRuntimeService()
backend = service.backend("ibm_brisbane")
job = backend.run(circuit)  # QKM102: 7
service.least_busy(simulator=False).run(circuit)  # QKM102: 1
service.backend("ibm_x").run(  # QKM102: 1
    circuit,
    shots=100,  # QKM401: 5
)
first = service.backends()[0]
first.run(circuit)  # QKM102: 1
for candidate in service.backends():
    candidate.run(circuit)  # QKM102: 5
legacy = QiskitRuntimeService().get_backend("ibm_x")  # QKM207: 10
legacy.run(circuit, dynamic=True)  # QKM102: 1, QKM404: 21


class Experiment:
    def __init__(self):
        self.device = QiskitRuntimeService().backend("ibm_x")

    def go(self):
        return self.device.run(circuit)  # QKM102: 16


def typed(target: IBMBackend):
    return target.run(circuit)  # QKM102: 12


job.result()  # ok: not a run
service.run(program_id="x")  # QKM503: 1; ok: a program run, not a backend run
