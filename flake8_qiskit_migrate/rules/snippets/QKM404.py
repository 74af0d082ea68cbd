# QKM404: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().backend("ibm_brisbane")
job = backend.run(circuit, dynamic=True)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2, 2)
circuit.h(0)
circuit.measure(0, 0)
with circuit.if_test((circuit.clbits[0], 1)):
    circuit.x(1)
circuit.measure(1, 1)
result = SamplerV2().run([circuit]).result()
counts = result[0].data.c.get_counts()
