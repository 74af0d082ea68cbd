import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit.quantum_info import Statevector
from qiskit_aer import AerSimulator

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)

state = Statevector(bell)
print("state:", np.round(np.asarray(state), 6).tolist())

measured = QuantumCircuit(2, 2)
measured.h(0)
measured.cx(0, 1)
measured.measure([0, 1], [0, 1])

backend = AerSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 11})
result = sampler.run([transpile(measured, backend)], shots=1000).result()
counts = result[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
