from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

sampler = StatevectorSampler()
bits = sampler.run([ghz]).result()[0].data.meas
shots = bits.num_shots
print("outcomes:", sorted(bits.get_int_counts()))
print("integers:", {key: round(n / shots, 6) for key, n in sorted(bits.get_int_counts().items())})
print("bitstrings:", {key: round(n / shots, 6) for key, n in sorted(bits.get_counts().items())})
print("plain:", {key: round(n / shots, 6) for key, n in sorted(bits.get_int_counts().items())})
counts = bits.get_int_counts()
print("ends:", {"000": round(counts[0] / shots, 6), "111": round(counts[7] / shots, 6)})
