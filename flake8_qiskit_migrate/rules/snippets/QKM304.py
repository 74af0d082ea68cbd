# QKM304: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_aer.primitives import Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
quasi_dists = Sampler().run(circuit).result().quasi_dists

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
result = SamplerV2().run([circuit], shots=1000).result()
counts = result[0].data.meas.get_counts()
