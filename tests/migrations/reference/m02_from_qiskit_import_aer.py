from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

ghz = QuantumCircuit(3, 3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure(range(3), range(3))

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 7})
job = sampler.run([transpile(ghz, backend, seed_transpiler=7)], shots=2000)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
