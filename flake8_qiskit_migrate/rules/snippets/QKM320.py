# QKM320: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().least_busy(operational=True, simulator=False)
job = SamplerV2(mode=backend).run([circuit])

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit_ibm_runtime.executor_sampler import Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
# Local testing mode; on IBM hardware: QiskitRuntimeService() and service.least_busy(...).
service = QiskitRuntimeService(channel="local")
backend = service.backend("fake_manila")
pm = generate_preset_pass_manager(optimization_level=1, backend=backend)
isa = pm.run(circuit)
counts = Sampler(mode=backend).run([isa], shots=100).result()[0].data.meas.get_counts()
