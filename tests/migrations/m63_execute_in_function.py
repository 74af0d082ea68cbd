# A classical gate checked one shot at a time inside a function (the textbook's exercises):
# `execute` with shots=1 and memory=True, the one outcome read from the memory.
# compare: exact
# remaining: none
from qiskit import Aer, ClassicalRegister, QuantumCircuit, QuantumRegister, execute


def xor(first, second):
    q = QuantumRegister(2)
    c = ClassicalRegister(1)
    qc = QuantumCircuit(q, c)
    if first == "1":
        qc.x(q[0])
    if second == "1":
        qc.x(q[1])
    qc.cx(q[0], q[1])
    qc.measure(q[1], c[0])
    backend = Aer.get_backend("aer_simulator")
    job = execute(qc, backend, shots=1, memory=True)
    return job.result().get_memory()[0]


for inputs in ["00", "01", "10", "11"]:
    print(f"xor_{inputs}:", xor(inputs[0], inputs[1]))
