# QKM306: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import EstimatorV1, QiskitRuntimeService

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")
backend = QiskitRuntimeService().backend("ibm_brisbane")
values = EstimatorV1(backend=backend).run(circuit, observable).result().values

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_estimator import Estimator

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")
# Local testing mode; on IBM hardware: QiskitRuntimeService() and a real backend name.
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
isa_observable = observable.apply_layout(isa_circuit.layout)
result = Estimator(mode=backend).run([(isa_circuit, isa_observable)]).result()
expectation_value = result[0].data.evs
