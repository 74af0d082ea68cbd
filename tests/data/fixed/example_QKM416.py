from qiskit import QuantumCircuit, transpile
from qiskit.providers.fake_provider import GenericBackendV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = GenericBackendV2(num_qubits=2, seed=1)
job = backend.run(transpile(circuit, backend, optimization_level=3, seed_transpiler=11), shots=100)
