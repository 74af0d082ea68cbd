# Aer's V1 Sampler with seeded run options, a parameterised circuit repeated in a named list with
# its parameter values, each distribution kept and read as bitstrings (2023 research scripts).
# compare: tvd<=0.06
# remaining: none
from math import pi

from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit_aer.primitives import Sampler

angle = Parameter("angle")
rotation = QuantumCircuit(2)
rotation.ry(angle, 0)
rotation.cx(0, 1)
rotation.measure_all()

circuits = [rotation] * 3
values = [[0.0], [pi / 2], [pi]]
sampler = Sampler(run_options={"shots": 4000, "seed": 42})
result = sampler.run(circuits, values).result()
first = result.quasi_dists[0]
print("zero:", first.binary_probabilities())
middle = result.quasi_dists[1]
print("half:", {key: round(value, 6)
                      for key, value in sorted(middle.binary_probabilities().items())})
last = result.quasi_dists[2]
print("flipped:", {key: round(value, 6) for key, value in sorted(last.items())})
