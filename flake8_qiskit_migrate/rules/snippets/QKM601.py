# QKM601: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
result = SamplerV2(mode=backend).run([isa_circuit], shots=1000).result()

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
result = Sampler(mode=backend).run([isa_circuit], shots=1000).result()
counts = result[0].data.meas.get_counts()
