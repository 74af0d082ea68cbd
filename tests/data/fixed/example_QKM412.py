from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, Session
from qiskit_ibm_runtime.executor_sampler import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().backend("ibm_brisbane")
with Session(backend=backend) as session:
    sampler = SamplerV2(mode=session)
