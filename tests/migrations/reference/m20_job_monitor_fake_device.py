from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_ibm_runtime.fake_provider import FakeLimaV2

backend = FakeLimaV2()
qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 2})
job = sampler.run([transpile(qc, backend, seed_transpiler=2)], shots=4000)
print("counts:", dict(sorted(job.result()[0].data.c.get_counts().items())))
