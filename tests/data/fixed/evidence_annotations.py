# Type annotations are evidence: an annotation naming a Qiskit class gives the value its kind.
from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Sequence, Union

from qiskit.providers import BackendV2
from qiskit.primitives import BaseSamplerV2
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import IBMBackend, QiskitRuntimeService, Session
from qiskit_ibm_runtime.executor_sampler import SamplerV2

if TYPE_CHECKING:
    from qiskit.primitives import Estimator  # QKM301: 35
    from qiskit.primitives.base import BaseSampler  # QKM303: 40


def run_on(backend: BackendV2, circuit):
    return backend.run(circuit, shots=100)  # QKM103: 12, QKM401: 33


def run_ibm(device: Optional[IBMBackend], circuit):
    return device.run(circuit, memory=True)  # QKM102: 12, QKM402: 32


def run_union(target: Union[IBMBackend, None], circuit):
    return target.run(circuit)  # QKM102: 12


def run_pipe(target: IBMBackend | None, circuit):
    return target.run(circuit)  # QKM102: 12


def run_quoted(target: "IBMBackend", circuit):
    return target.run(circuit)  # QKM102: 12


def run_many(targets: Sequence[IBMBackend], circuit):
    return targets[0].run(circuit)  # QKM102: 12


def sample(sampler: BaseSampler, circuits, values):
    return sampler.run(circuits, values).result().quasi_dists  # QKM307: 12, QKM308: 12


def energy(estimator: "Estimator", circuit, observable):
    return estimator.run(circuit, observable).result().values  # QKM307: 12, QKM308: 12


class Runner:
    backend: IBMBackend  # a declared attribute of the instances

    def __init__(self, service: QiskitRuntimeService):
        self._sim: AerSimulator = make_simulator()
        self._maybe: Optional[IBMBackend] = None

    def go(self, circuit):
        self._sim.run(circuit)  # QKM103: 9
        self._maybe.run(circuit)  # QKM102: 9
        return self.backend.run(circuit)  # QKM102: 16


local: IBMBackend = make_backend()
local.run(circuit)  # QKM102: 1
later: IBMBackend
later = make_backend()
later.run(circuit)  # QKM102: 1


def open_session(backend_name: str, mode_name: Optional[str] = None):
    with Session(backend=backend_name) as session:  # QKM415: 26
        SamplerV2(mode=session)  # ok: a session object
    SamplerV2(mode_name)  # QKM415: 15


def by_default(name="ibm_brisbane"):
    Session(backend=name)  # QKM415: 21


# -- traps -------------------------------------------------------------------------------------
def run(backend_name: str, circuit):  # a user's own run, not a session
    return submit(backend=backend_name, circuit=circuit)  # ok: not a Session


def labelled(label: str, service: QiskitRuntimeService):
    Session(backend=service.backend(label))  # ok: a backend object


def either(backend: str | IBMBackend):
    Session(backend=backend)  # ok: may be an object


class Backend:  # a project class that subclasses nothing from Qiskit
    def run(self, circuit, shots=1):
        return circuit


def mine(backend: Backend, circuit):
    backend.run(circuit, shots=10)  # ok: proven to be a class of the module


def v2(sampler: BaseSamplerV2, circuits, values):
    sampler.run(circuits, values)  # ok: a V2 base class, possibly the user's own signature


def not_typed(backend: int, circuit):
    backend.run(circuit)  # QKM104: 5 (an unknown class: the name decides)
