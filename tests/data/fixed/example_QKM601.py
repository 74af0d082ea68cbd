from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
result = SamplerV2(mode=backend).run([isa_circuit], shots=1000).result()
