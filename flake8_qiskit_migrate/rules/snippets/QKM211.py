# QKM211: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers.fake_provider import FakeManila

backend = FakeManila()

# --- use instead ---
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
