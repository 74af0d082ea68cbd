from qiskit import QuantumCircuit, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

ghz = QuantumCircuit(2, 2)
ghz.x(0)
ghz.h(1)
ghz.measure([0, 1], [0, 1])

aer_sim = AerSimulator()
t_qcs = transpile([bell, ghz], aer_sim)
result = BackendSamplerV2(backend=aer_sim, options={"seed_simulator": 21}).run(
    t_qcs, shots=3000).result()
print("bell:", dict(sorted(result[0].data.c.get_counts().items())))
print("ghz:", dict(sorted(result[1].data.c.get_counts().items())))
