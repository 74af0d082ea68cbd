# Regression corpus: a 2023 Qiskit Runtime VQE (V1 Options, sessions, Estimator the V1 way, and
# helper functions that receive the primitive as a parameter).
import numpy as np
from scipy.optimize import minimize
from qiskit.circuit.library import EfficientSU2
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import Estimator, Options, QiskitRuntimeService, Session  # QKM407: 43

service = QiskitRuntimeService(channel="ibm_quantum")  # QKM501: 32
backend = service.backend("ibmq_qasm_simulator")  # QKM504: 27

hamiltonian = SparsePauliOp.from_list([("YZ", 0.3980), ("ZI", -0.3980), ("ZZ", -0.0113), ("XX", 0.1810)])
ansatz = EfficientSU2(hamiltonian.num_qubits)

options = Options()  # QKM407: 11
options.optimization_level = 3  # QKM409: 1
options.resilience_level = 1  # QKM410: 1
options.execution.shots = 2000  # QKM408: 1


def cost_func(params, ansatz, hamiltonian, estimator):
    energy = estimator.run(ansatz, hamiltonian, parameter_values=params).result().values[0]  # QKM309: 14, QKM308: 14
    return energy


def gradient_free(estimator, x0):
    job = estimator.run([ansatz], [hamiltonian], [x0])  # QKM309: 11
    return job.result().values[0]  # QKM308: 12


x0 = 2 * np.pi * np.random.random(ansatz.num_parameters)
with Session(service=service, backend=backend) as session:  # QKM414: 14
    estimator = Estimator(session=session, options=options)  # QKM306: 17, QKM412: 27
    result = minimize(cost_func, x0, args=(ansatz, hamiltonian, estimator), method="COBYLA")  # ok
    direct = estimator.run(ansatz, hamiltonian, result.x)  # QKM307: 14
    print(direct.result().values, gradient_free(estimator, x0))  # QKM308: 11
