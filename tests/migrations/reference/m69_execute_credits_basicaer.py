from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.basic_provider import BasicSimulator
from qiskit_aer import AerSimulator

q = QuantumRegister(3, "q")
c = ClassicalRegister(3, "c")
ghz = QuantumCircuit(q, c)
ghz.h(q[0])
ghz.cx(q[0], q[1])
ghz.cx(q[1], q[2])
ghz.measure(q, c)

aer = AerSimulator()
basic = BasicSimulator()
aer_counts = BackendSamplerV2(backend=aer, options={"seed_simulator": 11}).run(
    [transpile(ghz, aer)], shots=1024).result()[0].data.c.get_counts()
basic_counts = BackendSamplerV2(backend=basic, options={"seed_simulator": 11}).run(
    [transpile(ghz, basic)], shots=1024).result()[0].data.c.get_counts()
print("aer:", dict(sorted(aer_counts.items())))
print("basic:", dict(sorted(basic_counts.items())))
print("same_keys:", sorted(aer_counts) == sorted(basic_counts))
