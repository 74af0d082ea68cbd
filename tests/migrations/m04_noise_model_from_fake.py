# Aer noise model built from a fake device (2021 noise studies).
# compare: tvd<=0.08
# remaining: none
from qiskit import QuantumCircuit, transpile
from qiskit.providers.aer import AerSimulator
from qiskit.providers.aer.noise import NoiseModel
from qiskit.providers.fake_provider import FakeLima

device = FakeLima()
noise_model = NoiseModel.from_backend(device)
simulator = AerSimulator(noise_model=noise_model)

circuit = QuantumCircuit(3)
circuit.x(0)
circuit.cx(0, 1)
circuit.cx(1, 2)
circuit.measure_all()

tqc = transpile(circuit, device, seed_transpiler=5)
counts = simulator.run(tqc, shots=4000, seed_simulator=5).result().get_counts()
print("counts:", dict(sorted(counts.items())))
