# QKM708: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
shots = min(backend.max_shots, 4000)
schedules = backend.defaults().instruction_schedule_map

# --- use instead ---
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
shots = 4000  # the service documents its limits; there is no per-backend attribute
print(backend.target.operation_names, backend.max_circuits)
