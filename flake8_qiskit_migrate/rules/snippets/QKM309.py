# QKM309: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit


def energy(estimator, ansatz: QuantumCircuit, hamiltonian, params):
    job = estimator.run(ansatz, hamiltonian, parameter_values=params)
    return job.result().values[0]

# --- use instead ---
from qiskit.circuit.library import real_amplitudes
from qiskit.primitives import StatevectorEstimator
from qiskit.quantum_info import SparsePauliOp


def energy(estimator, ansatz, hamiltonian, params):
    job = estimator.run([(ansatz, hamiltonian, params)])
    return job.result()[0].data.evs


ansatz = real_amplitudes(2, reps=1)
value = energy(StatevectorEstimator(), ansatz, SparsePauliOp("ZZ"), [0.1] * ansatz.num_parameters)
