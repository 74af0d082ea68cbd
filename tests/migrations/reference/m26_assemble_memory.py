import numpy as np
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator

np.random.seed(seed=3)
n = 12
bits = np.random.randint(2, size=n)
bases = np.random.randint(2, size=n)

message = []
for i in range(n):
    qc = QuantumCircuit(1, 1)
    if bits[i] == 1:
        qc.x(0)
    if bases[i] == 1:
        qc.h(0)
    qc.measure(0, 0)
    message.append(qc)

aer_sim = AerSimulator()
measurements = []
for q in range(n):
    result = aer_sim.run(message[q], shots=1, memory=True, seed_simulator=q).result()
    measurements.append(int(result.get_memory()[0]))
print("bits:", [int(b) for b in bits])
print("measured:", measurements)
