# QKM409: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options

options = Options(optimization_level=3)
options.transpilation.skip_transpilation = True

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
pass_manager = generate_preset_pass_manager(backend=backend, optimization_level=3)
isa_circuit = pass_manager.run(circuit)
result = Sampler(mode=backend).run([isa_circuit]).result()
