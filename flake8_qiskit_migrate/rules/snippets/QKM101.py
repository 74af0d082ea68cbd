# QKM101: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, execute
from qiskit_aer import AerSimulator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
counts = execute(circuit, AerSimulator(), shots=1000).result().get_counts()

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = AerSimulator()
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
result = SamplerV2().run([isa_circuit], shots=1000).result()
counts = result[0].data.meas.get_counts()
