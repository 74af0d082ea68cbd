from qiskit import QuantumCircuit
from qiskit.primitives import BackendEstimatorV2, BackendSamplerV2
from qiskit.quantum_info import SparsePauliOp
from qiskit_aer import AerSimulator

backend = AerSimulator()
flipped = QuantumCircuit(2)
flipped.x([0, 1])
flipped.measure_all()

sampler = BackendSamplerV2(backend=backend)
counts = sampler.run([flipped], shots=500).result()[0].data.meas.get_int_counts()
print("flipped:", {key: round(count / 500, 6) for key, count in sorted(counts.items())})

bell = QuantumCircuit(2)
bell.h(0)
bell.cx(0, 1)
estimator = BackendEstimatorV2(backend=backend)
result = estimator.run([(bell, SparsePauliOp("ZZ")), (bell, SparsePauliOp("XX"))]).result()
print("bell:", [round(float(pub.data.evs), 6) for pub in result])
