import numpy as np
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.basic_provider import BasicSimulator
from qiskit.quantum_info import Statevector

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)

meas = QuantumCircuit(2, 2)
meas.measure([0, 1], [0, 1])
circ = bell.compose(meas)

backend = BasicSimulator()
sampler = BackendSamplerV2(backend=backend, options={"seed_simulator": 8})
result = sampler.run([transpile(circ, backend)], shots=1000).result()
print("counts:", dict(sorted(result[0].data.c.get_counts().items())))

psi = Statevector(bell).data
print("state:", np.round(psi, 6).tolist())
print("type:", repr(type(psi).__name__))
