from math import pi

from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit_aer.primitives import SamplerV2

angle = Parameter("angle")
rotation = QuantumCircuit(2)
rotation.ry(angle, 0)
rotation.cx(0, 1)
rotation.measure_all()

sampler = SamplerV2(default_shots=4000, seed=42)
result = sampler.run([(rotation, [0.0]), (rotation, [pi / 2]), (rotation, [pi])]).result()


def probabilities(index, as_bits):
    bits = result[index].data.meas
    counts = bits.get_counts() if as_bits else bits.get_int_counts()
    return {key: round(n / bits.num_shots, 6) for key, n in sorted(counts.items())}


print("zero:", probabilities(0, True))
print("half:", probabilities(1, True))
print("flipped:", probabilities(2, False))
