# QKM302: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSampler
from qiskit.providers.fake_provider import GenericBackendV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
sampler = BackendSampler(GenericBackendV2(2))
quasi_dists = sampler.run(circuit).result().quasi_dists

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
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
result = BackendSamplerV2(backend=backend).run([isa_circuit]).result()
counts = result[0].data.meas.get_counts()
