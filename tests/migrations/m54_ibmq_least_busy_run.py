# least_busy over the open devices, then backend.run with a shots variable (2021 textbook style).
# device: nairobi
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, ClassicalRegister, QuantumCircuit, QuantumRegister, transpile
from qiskit.providers.ibmq import least_busy
from qiskit.tools.monitor import job_monitor

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q")
backend = least_busy(provider.backends(simulator=False, operational=True))

qr = QuantumRegister(3, "q")
cr = ClassicalRegister(3, "result")
circuit = QuantumCircuit(qr, cr)
circuit.x(qr[0])
circuit.x(qr[2])
circuit.measure(qr, cr)

shots = 1024
transpiled_circuit = transpile(circuit, backend, optimization_level=3, seed_transpiler=5)
job = backend.run(transpiled_circuit, shots=shots)
job_monitor(job, interval=2)
answer = job.result().get_counts(circuit)
print("answer:", dict(sorted(answer.items())))
