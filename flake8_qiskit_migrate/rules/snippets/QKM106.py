# QKM106: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.utils import QuantumInstance
from qiskit_aer import AerSimulator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
quantum_instance = QuantumInstance(AerSimulator(), shots=1000)
result = quantum_instance.execute(circuit)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import BackendSamplerV2
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = AerSimulator()
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
result = BackendSamplerV2(backend=backend).run([isa_circuit], shots=1000).result()
