from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

grover = QuantumCircuit(2)
grover.h([0, 1])
grover.cz(0, 1)
grover.h([0, 1])
grover.z([0, 1])
grover.cz(0, 1)
grover.h([0, 1])
grover.measure_all()

sampler = StatevectorSampler(seed=123)
job = sampler.run([grover], shots=2000)
counts = job.result()[0].data.meas.get_counts()
probabilities = {key: count / 2000 for key, count in counts.items()}
print("probabilities:", {key: round(value, 6) for key, value in sorted(probabilities.items())})
