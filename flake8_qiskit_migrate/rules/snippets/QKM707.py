# QKM707: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers.fake_provider import GenericBackendV2

backend = GenericBackendV2(5)
print(backend.name(), backend.configuration().n_qubits)
t1 = backend.properties().t1(0)

# --- use instead ---
from qiskit.providers.fake_provider import GenericBackendV2

backend = GenericBackendV2(5)
print(backend.name, backend.num_qubits, backend.coupling_map, backend.operation_names)
t1 = backend.target.qubit_properties[0].t1
