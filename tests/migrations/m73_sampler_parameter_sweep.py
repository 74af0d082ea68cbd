# V1 reference Sampler on a parameter sweep: one circuit repeated with [qc] * n, the values in a
# named list, each distribution kept in the same name cell after cell (2023 notebooks).
# compare: tvd<=0.06
# remaining: none
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import Sampler

phi = Parameter("phi")
interferometer = QuantumCircuit(1)
interferometer.h(0)
interferometer.p(phi, 0)
interferometer.h(0)
interferometer.measure_all()

phases = [[0.0], [1.0471975511965976], [3.141592653589793]]
circuits = [interferometer] * 3
sampler = Sampler(options={"shots": 2000, "seed": 5})
job = sampler.run(circuits, parameter_values=phases)
result = job.result()

dist = result.quasi_dists[0]
print("phase_0:", dist.binary_probabilities())
dist = result.quasi_dists[1]
print("phase_60:", {key: round(value, 6) for key, value in sorted(dist.binary_probabilities().items())})
print("zero_60:", {"0": round(dist.get(0, 0.0), 6), "1": round(dist.get(1, 0.0), 6)})
dist = result.quasi_dists[2]
print("phase_180:", dict(dist))
