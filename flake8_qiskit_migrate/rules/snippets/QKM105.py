# QKM105: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_ibm_provider import IBMProvider

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = IBMProvider().get_backend("ibm_brisbane")
with backend.open_session() as session:
    job = backend.run(circuit)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService, Session
from qiskit_ibm_runtime.executor_sampler import Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
with Session(backend=backend) as session:
    result = Sampler(mode=session).run([isa_circuit]).result()
