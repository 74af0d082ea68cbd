# QKM213: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime.fake_provider import FakeManila, FakeProvider

backend = FakeManila()
lima = FakeProvider().get_backend("fake_lima")

# --- use instead ---
from qiskit_ibm_runtime.fake_provider import FakeManilaV2, FakeProviderForBackendV2

backend = FakeManilaV2()
lima = FakeProviderForBackendV2().backend("fake_lima")
