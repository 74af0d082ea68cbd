from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel
from qiskit_aer.noise.errors.standard_errors import depolarizing_error, thermal_relaxation_error
from qiskit.primitives import BackendSamplerV2

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.05, 1), ['x', 'h'])
noise_model.add_all_qubit_quantum_error(thermal_relaxation_error(50e3, 70e3, 100).tensor(
    thermal_relaxation_error(50e3, 70e3, 100)), ['cx'])

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sim = AerSimulator()
job = BackendSamplerV2(backend=sim, options={"seed_simulator": 5, "run_options": {"noise_model": noise_model}}).run([transpile(qc, sim)], shots=4000)
counts = job.result()[0].data.c.get_counts()
print("counts:", dict(sorted(counts.items())))
