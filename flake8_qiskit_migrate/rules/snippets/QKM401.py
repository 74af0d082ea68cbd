# QKM401: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_aer import AerSimulator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
counts = AerSimulator().run(circuit, shots=4000).result().get_counts()

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = SamplerV2()
result = sampler.run([circuit], shots=4000).result()
counts = result[0].data.meas.get_counts()
