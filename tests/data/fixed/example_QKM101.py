from qiskit import QuantumCircuit, transpile
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
counts = BackendSamplerV2(backend=AerSimulator()).run([transpile(circuit, AerSimulator())], shots=1000).result()[0].data.meas.get_counts()
