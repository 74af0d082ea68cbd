from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

base = QuantumCircuit(2)
base.h(0)
base.cx(0, 1)

qc = base.copy()
qc.measure_all()
job = BackendSamplerV2(backend=AerSimulator(), options={"seed_simulator": 11}).run([qc], shots=2000)
print("bell:", dict(sorted(job.result()[0].data.meas.get_counts().items())))

qc = base.copy()
qc.x(1)
qc.measure_all()
job = BackendSamplerV2(backend=AerSimulator(), options={"seed_simulator": 12}).run([qc], shots=2000)
print("flipped:", dict(sorted(job.result()[0].data.meas.get_counts().items())))
