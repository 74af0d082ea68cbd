from qiskit import *
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

q = QuantumRegister(3)
c = ClassicalRegister(3)
ghz = QuantumCircuit(q, c)
ghz.h(q[0])
ghz.cx(q[0], q[1])
ghz.cx(q[1], q[2])
ghz.measure(q, c)

simulator = AerSimulator()
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 5})
result = sampler.run([transpile(ghz, simulator)], shots=4000).result()
print("ghz:", dict(sorted(result[0].join_data().get_counts().items())))
