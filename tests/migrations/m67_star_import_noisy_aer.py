# The textbook's hardware chapters (2020-2022): a star import for the circuit and Aer, the
# error functions from qiskit.providers.aer's standard_errors module, a noisy seeded run.
# compare: tvd<=0.05
# remaining: none
from qiskit import *
from qiskit.providers.aer.noise import NoiseModel
from qiskit.providers.aer.noise.errors.standard_errors import depolarizing_error, thermal_relaxation_error

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.05, 1), ['x', 'h'])
noise_model.add_all_qubit_quantum_error(thermal_relaxation_error(50e3, 70e3, 100).tensor(
    thermal_relaxation_error(50e3, 70e3, 100)), ['cx'])

qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])

sim = Aer.get_backend('aer_simulator')
job = sim.run(transpile(qc, sim), shots=4000, noise_model=noise_model, seed_simulator=5)
counts = job.result().get_counts()
print("counts:", dict(sorted(counts.items())))
