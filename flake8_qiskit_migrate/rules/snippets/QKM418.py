# QKM418: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.providers.fake_provider import GenericBackendV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = GenericBackendV2(num_qubits=2, seed=1)
run_options = {"max_parallel_threads": 1}
job = backend.run(circuit, shots=100, **run_options)

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
isa_circuit = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
sampler = BackendSamplerV2(backend=backend, options={"run_options": {"max_parallel_threads": 1}})
counts = sampler.run([isa_circuit], shots=100).result()[0].data.meas.get_counts()
