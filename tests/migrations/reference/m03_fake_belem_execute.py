from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_ibm_runtime.fake_provider import FakeBelemV2

backend = FakeBelemV2()

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 1234})
job = sampler.run([transpile(qc, backend, seed_transpiler=1234, optimization_level=1)], shots=4000)
counts = job.result()[0].data.c.get_counts()
print("backend:", backend.num_qubits)
print("counts:", dict(sorted(counts.items())))
