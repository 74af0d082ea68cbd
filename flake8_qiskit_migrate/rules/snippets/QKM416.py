# QKM416: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, execute
from qiskit.providers.fake_provider import GenericBackendV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = GenericBackendV2(num_qubits=2, seed=1)
job = execute(circuit, backend, optimization_level=3, seed_transpiler=11, shots=100)

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
pass_manager = generate_preset_pass_manager(optimization_level=3, backend=backend, seed_transpiler=11)
isa_circuit = pass_manager.run(circuit)
job = BackendSamplerV2(backend=backend).run([isa_circuit], shots=100)
counts = job.result()[0].data.meas.get_counts()
