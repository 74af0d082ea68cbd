# Registers made without names (`ClassicalRegister(3)` is named by a counter: `c0`, `c1`...).
# compare: tvd<=0.05
# remaining: none
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit_aer import AerSimulator

qr = QuantumRegister(3)
cr = ClassicalRegister(3)
circuit = QuantumCircuit(qr, cr)
circuit.h(qr[0])
circuit.cx(qr[0], qr[1])
circuit.rx(0.9, qr[2])
circuit.measure(qr, cr)
simulator = AerSimulator()
job = simulator.run(transpile(circuit, simulator, seed_transpiler=2), shots=4000,
                    seed_simulator=41)
print("counts:", dict(sorted(job.result().get_counts().items())))
