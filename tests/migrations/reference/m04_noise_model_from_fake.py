from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel
from qiskit_ibm_runtime.fake_provider import FakeLimaV2

device = FakeLimaV2()
noise_model = NoiseModel.from_backend(device)
simulator = AerSimulator(noise_model=noise_model)

circuit = QuantumCircuit(3)
circuit.x(0)
circuit.cx(0, 1)
circuit.cx(1, 2)
circuit.measure_all()

tqc = transpile(circuit, device, seed_transpiler=5)
sampler = BackendSamplerV2(backend=simulator, options={"seed_simulator": 5})
counts = sampler.run([tqc], shots=4000).result()[0].data.meas.get_counts()
print("counts:", dict(sorted(counts.items())))
