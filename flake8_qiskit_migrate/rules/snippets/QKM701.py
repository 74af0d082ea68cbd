# QKM701: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, assemble, transpile
from qiskit.providers.fake_provider import GenericBackendV2

backend = GenericBackendV2(2)
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.measure_all()
qobj = assemble(transpile(circuit, backend), shots=100)

# --- use instead ---
import io

from qiskit import QuantumCircuit, qpy, transpile
from qiskit.primitives import BackendSamplerV2
from qiskit.providers.fake_provider import GenericBackendV2

backend = GenericBackendV2(2)
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.measure_all()
isa_circuit = transpile(circuit, backend)
result = BackendSamplerV2(backend=backend).run([isa_circuit], shots=100).result()
buffer = io.BytesIO()
qpy.dump(isa_circuit, buffer)  # to store or send the circuit itself
