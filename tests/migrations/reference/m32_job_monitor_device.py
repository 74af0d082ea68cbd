from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
rabi = QuantumCircuit(1, 1)
rabi.rx(1.2, 0)
rabi.measure(0, 0)

sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 3})
rabi_job = sampler.run([transpile(rabi, backend, seed_transpiler=3)], shots=4000)
result = rabi_job.result()
print("counts:", dict(sorted(result[0].data.c.get_counts().items())))
