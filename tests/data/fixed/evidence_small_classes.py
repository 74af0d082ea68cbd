# Evidence outside the expression: loops, containers, provider runtimes, names of backends,
# names bound to literals, every import path of a V1 name, two changes on one line.
import os

from qiskit import IBMQ  # QKM203: 20
from qiskit.primitives.sampler import Sampler  # QKM301: 39
from qiskit.primitives.backend_estimator import BackendEstimator  # QKM302: 49
from qiskit.primitives.base.base_estimator import BaseEstimator  # QKM303: 51
from qiskit_aer import AerSimulator
from qiskit_aer.primitives.estimator import Estimator as AerEstimator  # QKM304: 45
from qiskit_ibm_provider import IBMProvider  # QKM201: 33
from qiskit_ibm_runtime import QiskitRuntimeService, Session

provider = IBMQ.load_account()  # QKM204: 12
for backend in provider.backends():  # QKM205: 16
    backend.run(circuit, shots=10)  # QKM102: 5, QKM401: 26

service = QiskitRuntimeService()
backends = [service.backend(name) for name in names]
backends[0].run(circuit)  # QKM102: 1
jobs = [device.run(circuit) for device in service.backends()]  # QKM102: 9
simulators = [AerSimulator(), AerSimulator(method="automatic")]  # one kind (a statevector one is another)
simulators[1].run(circuit, noise_model=noise)  # QKM103: 1, QKM417: 28

provider.runtime.run("circuit-runner", options, inputs)  # QKM503: 1
provider.runtime.run(program_id="sampler", inputs=inputs)  # QKM503: 1


class Experiment:
    def __init__(self):
        self.provider = IBMQ.get_provider(hub="ibm-q")  # QKM205: 25

    def submit(self, inputs):
        return self.provider.runtime.run(program_id="sampler", inputs=inputs)  # QKM503: 16


ibm_backend = IBMProvider().get_backend("ibm_kyoto")  # QKM207: 15
Session(backend=ibm_backend.name)  # QKM415: 17, QKM707: 17
Session(backend=service.backend("ibm_kyoto").name)  # QKM415: 17

CHANNEL = "ibm_quantum"
INSTANCE = "ibm-q/open/main"
SIMULATOR = "ibmq_qasm_simulator"
QiskitRuntimeService(channel=CHANNEL, instance=INSTANCE)  # QKM501: 22, QKM502: 39


def connect():
    simulator_name = SIMULATOR
    return service.backend(simulator_name)  # QKM504: 28


name = os.environ.get("QISKIT_BACKEND", "ibm_brisbane")
Session(backend=name)  # QKM415: 17
fallback = None or "ibm_kyoto"
Session(fallback)  # QKM415: 9

estimator = BackendEstimator(ibm_backend)  # QKM302: 13
estimator.run([qc], [obs]).result().values  # QKM307: 1, QKM308: 1
sampler = Sampler()  # QKM301: 11
sampler.run([qc], [values]).result().metadata  # QKM307: 1, QKM308: 1
AerEstimator().run([qc], [obs])  # QKM304: 1, QKM307: 1


class MyEstimator(BaseEstimator):  # QKM303: 19
    pass


MyEstimator().run([qc], [obs]).result().values  # QKM307: 1, QKM308: 1


# -- traps -------------------------------------------------------------------------------------
for backend in get_things():
    backend.run([(circuit,)])  # ok: the V2 PUB shape
for item in provider.backends():  # QKM205: 13
    item.status()  # ok: not a run
channel = "ibm_quantum_platform"
QiskitRuntimeService(channel=channel)  # ok: the current channel
channel = "ibm_quantum"
channel = make_channel()
QiskitRuntimeService(channel=channel)  # ok: rebound to an unknown value
label = "ibmq_qasm_simulator"
print(label)  # ok: not given to a backend lookup
Session(backend=service.backend(os.environ.get("BACKEND", "ibm_kyoto")))  # ok: an object
mixed = [AerSimulator(), service.backend("ibm_kyoto")]
mixed[0].run(circuit)  # ok: the elements differ
