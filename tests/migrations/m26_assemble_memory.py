# Quantum key distribution, the textbook's way: one shot a qubit, read from the memory.
# compare: exact
# remaining: QKM103 QKM401 QKM402 QKM417
import numpy as np
from qiskit import QuantumCircuit, Aer, assemble

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

aer_sim = Aer.get_backend('aer_simulator')
measurements = []
for q in range(n):
    qobj = assemble(message[q], shots=1, memory=True, seed_simulator=q)
    result = aer_sim.run(qobj).result()
    measured_bit = int(result.get_memory()[0])
    measurements.append(measured_bit)
print("bits:", [int(b) for b in bits])
print("measured:", measurements)
