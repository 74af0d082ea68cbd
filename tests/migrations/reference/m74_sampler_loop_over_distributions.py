from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler

plus = QuantumCircuit(1)
plus.h(0)
plus.measure_all()
one = QuantumCircuit(1)
one.x(0)
one.measure_all()

sampler = StatevectorSampler(seed=21)
result = sampler.run([plus, one], shots=3000).result()
for label, pub in zip(["plus", "one"], result):
    bits = pub.data.meas
    print(f"{label}_bits:", {key: round(n / bits.num_shots, 6)
                             for key, n in sorted(bits.get_counts().items())})
    print(f"{label}_ints:", {key: round(n / bits.num_shots, 6)
                             for key, n in sorted(bits.get_int_counts().items())})
