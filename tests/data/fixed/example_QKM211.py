from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila

backend = FakeManila()
