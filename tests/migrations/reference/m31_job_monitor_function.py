from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator


def run(circuit, backend, shots):
    sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 5})
    job = sampler.run([transpile(circuit, backend, seed_transpiler=5)], shots=shots)
    return job.result()[0].data.c.get_counts()


qc = QuantumCircuit(3, 3)
qc.h(0)
qc.cx(0, 1)
qc.cx(1, 2)
qc.measure(range(3), range(3))
print("ghz:", dict(sorted(run(qc, AerSimulator(), 2000).items())))
