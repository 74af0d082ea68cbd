from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.compiler import transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qr = QuantumRegister(2, "q")
cr = ClassicalRegister(2, "out")
grover = QuantumCircuit(qr, cr)
grover.h(qr)
grover.cz(0, 1)
grover.h(qr)
grover.z(qr)
grover.cz(0, 1)
grover.h(qr)
grover.measure(qr, cr)

sim = AerSimulator()
print("depth:", transpile(grover, sim, optimization_level=0).depth())
sampler = BackendSamplerV2(backend=sim, options={"seed_simulator": 3})
result = sampler.run([transpile(grover, sim, optimization_level=0)], shots=1000).result()
print("counts:", dict(sorted(result[0].data.out.get_counts().items())))
