# settings: qiskit=>=1.0,<1.2
# QKM211 with a Qiskit 1.0/1.1 target: the BackendV1 fakes of Qiskit 1.x are not deprecated yet.
from qiskit.providers.fake_provider import Fake5QV1, Fake27QPulseV1  # ok: deprecated in 1.2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila  # QKM211: 44
from qiskit.providers.fake_provider import GenericBackendV2  # ok
