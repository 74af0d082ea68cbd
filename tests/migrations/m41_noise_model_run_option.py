# A noise model given to `run` (the textbook's measurement-error chapter style).
# compare: tvd<=0.05
# remaining: none
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel, ReadoutError, depolarizing_error

noise_model = NoiseModel()
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.04, 1), ["h", "x"])
noise_model.add_all_qubit_quantum_error(depolarizing_error(0.08, 2), ["cx"])
noise_model.add_all_qubit_readout_error(ReadoutError([[0.9, 0.1], [0.2, 0.8]]))

aer_sim = AerSimulator()
qc = QuantumCircuit(2, 2)
qc.h(0)
qc.cx(0, 1)
qc.measure([0, 1], [0, 1])
counts = aer_sim.run(qc, noise_model=noise_model, shots=10000,
                     seed_simulator=31).result().get_counts()
print("noisy_bell:", dict(sorted(counts.items())))
