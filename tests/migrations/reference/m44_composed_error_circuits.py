from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

sim = AerSimulator()
encode = QuantumCircuit(3)
encode.cx(0, 1)
encode.cx(0, 2)
error = QuantumCircuit(3)
error.x(1)
decode = QuantumCircuit(3)
decode.cx(0, 2)
decode.cx(0, 1)
decode.ccx(2, 1, 0)

qc = QuantumCircuit(3)
qc.h(0)
qc = qc.compose(encode)
qc = qc.compose(error).compose(decode)
qc.measure_all()
job = BackendSamplerV2(backend=sim, options={"seed_simulator": 51}).run([qc], shots=2500)
counts = job.result()[0].data.meas.get_counts()
print("corrected:", dict(sorted(counts.items())))
