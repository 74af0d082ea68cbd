# device: belem
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

service = QiskitRuntimeService()
backend = service.backend("ibmq_belem")

bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])

flip = QuantumCircuit(2, 2)
flip.x(1)
flip.measure([0, 1], [0, 1])

pm = generate_preset_pass_manager(backend=backend, seed_transpiler=5)
result = Sampler(mode=backend).run(pm.run([bell, flip]), shots=3000).result()
print("bell:", dict(sorted(result[0].data.c.get_counts().items())))
print("flip:", dict(sorted(result[1].data.c.get_counts().items())))
