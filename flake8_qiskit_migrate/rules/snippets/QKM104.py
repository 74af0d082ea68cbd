# QKM104: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit


def sample(backend, circuit: QuantumCircuit) -> dict:
    return backend.run(circuit).result().get_counts()

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit.transpiler import generate_preset_pass_manager


def sample(backend, circuit: QuantumCircuit) -> dict:
    isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
    result = BackendSamplerV2(backend=backend).run([isa_circuit]).result()
    return result[0].data.meas.get_counts()


circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
counts = sample(GenericBackendV2(num_qubits=2, seed=1), circuit)
