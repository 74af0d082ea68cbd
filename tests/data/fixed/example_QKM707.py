from qiskit.providers.fake_provider import GenericBackendV2

backend = GenericBackendV2(5)
print(backend.name, backend.configuration().n_qubits)
t1 = backend.properties().t1(0)
