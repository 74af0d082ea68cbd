from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.measure_all()

sampler = StatevectorSampler()
result = sampler.run([qc]).result()
counts = result[0].data.meas.get_counts()
quasi = {key: count / result[0].data.meas.num_shots for key, count in counts.items()}
print("quasi:", {key: round(value, 6) for key, value in sorted(quasi.items())})
