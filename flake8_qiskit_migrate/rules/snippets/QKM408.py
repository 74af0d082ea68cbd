# QKM408: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options

options = Options()
options.execution.shots = 1000

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
sampler = Sampler(mode=backend)
sampler.options.default_shots = 1000
result = sampler.run([isa_circuit]).result()
