from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

sampler = SamplerV2(default_shots=4000, seed=11)
counts = sampler.run([ghz]).result()[0].data.meas.get_counts()
dist = {int(key, 2): count / 4000 for key, count in counts.items()}
print("ghz:", {key: round(value, 6) for key, value in sorted(dist.items())})
print("bits:", sorted(counts))
