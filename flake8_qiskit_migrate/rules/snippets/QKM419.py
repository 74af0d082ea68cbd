# QKM419: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, transpile
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
isa = transpile(circuit, basis_gates=["cx", "rz", "sx"],
                backend_properties=backend.properties(), timing_constraints=None)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
