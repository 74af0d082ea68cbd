# QKM417: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, depolarizing_error

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.01, 2), ["cx"])
job = AerSimulator().run(circuit, noise_model=noise_model, method="density_matrix",
                         seed_simulator=7)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit_aer.noise import NoiseModel, depolarizing_error
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.01, 2), ["cx"])
sampler = SamplerV2(seed=7, options={
    "backend_options": {"noise_model": noise_model, "method": "density_matrix"}})
counts = sampler.run([circuit], shots=100).result()[0].data.meas.get_counts()
