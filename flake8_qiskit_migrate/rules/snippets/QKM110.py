# QKM110: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSampler
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit.transpiler import PassManager

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = BackendSampler(GenericBackendV2(2), skip_transpilation=True,
                         bound_pass_manager=PassManager())

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit.transpiler import generate_preset_pass_manager

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = GenericBackendV2(num_qubits=2, seed=1)
pass_manager = generate_preset_pass_manager(backend=backend, optimization_level=2)
result = BackendSamplerV2(backend=backend).run([pass_manager.run(circuit)]).result()
