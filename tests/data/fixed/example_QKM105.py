from qiskit import QuantumCircuit
from qiskit_ibm_provider import IBMProvider
from qiskit_ibm_runtime import QiskitRuntimeService

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().get_backend("ibm_brisbane")
with backend.open_session() as session:
    job = backend.run(circuit)
