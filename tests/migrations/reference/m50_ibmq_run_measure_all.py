# device: nairobi
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

service = QiskitRuntimeService()
backend = service.backend("ibm_nairobi")

ghz = QuantumCircuit(3)
ghz.h(0)
ghz.cx(0, 1)
ghz.cx(1, 2)
ghz.measure_all()

pm = generate_preset_pass_manager(backend=backend, optimization_level=1, seed_transpiler=11)
job = Sampler(mode=backend).run([pm.run(ghz)], shots=4000)
counts = job.result()[0].data.meas.get_counts()
print("counts:", dict(sorted(counts.items())))
