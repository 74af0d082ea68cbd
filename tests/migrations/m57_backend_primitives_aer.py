# BackendSampler and BackendEstimator wrapping AerSimulator (2023 scripts), deterministic circuits.
# compare: close
# remaining: none
from qiskit import QuantumCircuit
from qiskit.primitives import BackendEstimator, BackendSampler
from qiskit.quantum_info import SparsePauliOp
from qiskit_aer import AerSimulator

backend = AerSimulator()
flipped = QuantumCircuit(2)
flipped.x([0, 1])
flipped.measure_all()

sampler = BackendSampler(backend)
result = sampler.run(flipped, shots=500).result()
print("flipped:", {key: round(value, 6) for key, value in sorted(result.quasi_dists[0].items())})

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
estimator = BackendEstimator(backend=backend)
job = estimator.run([bell, bell], [SparsePauliOp("ZZ"), SparsePauliOp("XX")])
print("bell:", [round(float(v), 6) for v in job.result().values])
