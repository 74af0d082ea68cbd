import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.providers.basic_provider import BasicSimulator
from qiskit.quantum_info import Statevector
from qiskit.primitives import BackendSamplerV2

circ = QuantumCircuit(2, 2)
circ.h(0)
circ.cx(0, 1)
circ.measure([0, 1], [0, 1])

backend = BasicSimulator()
result = BackendSamplerV2(backend=backend, options={"seed_simulator": 11}).run([transpile(circ, backend)], shots=1000).result()
print("counts:", dict(sorted(result[0].data.c.get_counts().items())))

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
bell.ry(0.2, 1)

psi = Statevector(bell).data.round(3)
print("printed:", repr(str(psi)))
print("type:", repr(type(psi).__name__))
print("probabilities:", np.round(np.abs(psi) ** 2, 6).tolist())
