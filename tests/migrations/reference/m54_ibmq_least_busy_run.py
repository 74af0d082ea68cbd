# device: nairobi
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

service = QiskitRuntimeService()
backend = service.least_busy(simulator=False, operational=True)

qr = QuantumRegister(3, "q")
cr = ClassicalRegister(3, "result")
circuit = QuantumCircuit(qr, cr)
circuit.x(qr[0])
circuit.x(qr[2])
circuit.measure(qr, cr)

pm = generate_preset_pass_manager(backend=backend, optimization_level=3, seed_transpiler=5)
job = Sampler(mode=backend).run([pm.run(circuit)], shots=1024)
answer = job.result()[0].data.result.get_counts()
print("answer:", dict(sorted(answer.items())))
