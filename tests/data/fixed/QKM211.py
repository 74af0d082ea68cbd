# QKM211: device fakes from qiskit.providers.fake_provider.
from qiskit.providers.fake_provider import GenericBackendV2  # QKM211: 44
from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila
from qiskit_ibm_runtime.fake_provider import FakeProviderForBackendV2 as FP  # QKM211: 44
from qiskit_ibm_runtime.fake_provider import FakeManilaV2  # ok: the replacement
import qiskit.providers.fake_provider as fp

fp.FakeSherbrooke()  # QKM211: 1
fp.GenericBackendV2(5)  # ok: still in Qiskit
from qiskit_ibm_runtime.fake_provider import FakeVigoV2 as FakeVigo  # QKM211: 44
from qiskit_ibm_runtime.fake_provider import FakeSantiagoV2 as FakeSantiago  # QKM211: 30
from qiskit_ibm_runtime.fake_provider import FakeAthensV2 as Athens  # QKM211: 39

vigo = FakeVigo()  # ok: fixed by the import
vigo.run(circuit)  # QKM103: 1
FakeSantiago().run(circuit, shots=10)  # QKM103: 1, QKM401: 29
Athens().run(circuit)  # QKM103: 1
from qiskit.providers.fake_provider import Fake5QV1, Fake127QPulseV1  # QKM211: 44, QKM211: 54
from qiskit.providers.fake_provider import FakeOpenPulse2Q  # QKM211: 44


class Fake20QV1:  # ok: the user's own class
    pass


Fake20QV1()  # ok
