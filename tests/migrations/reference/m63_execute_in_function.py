from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit_aer import AerSimulator


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
    backend = AerSimulator()
    job = BackendSamplerV2(backend=backend).run([transpile(qc, backend)], shots=1)
    return job.result()[0].join_data().get_bitstrings()[0]


for inputs in ["00", "01", "10", "11"]:
    print(f"xor_{inputs}:", xor(inputs[0], inputs[1]))
