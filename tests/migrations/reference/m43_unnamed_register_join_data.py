from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

qr = QuantumRegister(3)
cr = ClassicalRegister(3)
circuit = QuantumCircuit(qr, cr)
circuit.h(qr[0])
circuit.cx(qr[0], qr[1])
circuit.rx(0.9, qr[2])
circuit.measure(qr, cr)
simulator = AerSimulator()
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 41})
job = sampler.run([transpile(circuit, simulator, seed_transpiler=2)], shots=4000)
print("counts:", dict(sorted(job.result()[0].join_data().get_counts().items())))
