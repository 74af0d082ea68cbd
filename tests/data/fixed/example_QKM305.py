from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV1

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().backend("ibm_brisbane")
quasi_dists = SamplerV1(mode=backend).run(circuit).result().quasi_dists
