from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorSampler

phi = Parameter("phi")
interferometer = QuantumCircuit(1)
interferometer.h(0)
interferometer.p(phi, 0)
interferometer.h(0)
interferometer.measure_all()

phases = [[0.0], [1.0471975511965976], [3.141592653589793]]
sampler = StatevectorSampler(default_shots=2000, seed=5)
result = sampler.run([(interferometer, phase) for phase in phases]).result()


def distribution(index, as_bits):
    bits = result[index].data.meas
    counts = bits.get_counts() if as_bits else bits.get_int_counts()
    return {key: n / bits.num_shots for key, n in counts.items()}


print("phase_0:", distribution(0, True))
print("phase_60:", {key: round(value, 6) for key, value in sorted(distribution(1, True).items())})
ints = distribution(1, False)
print("zero_60:", {"0": round(ints.get(0, 0.0), 6), "1": round(ints.get(1, 0.0), 6)})
print("phase_180:", distribution(2, False))
