# QKM709: the example of the old code, then what to use instead (run by the tests).
import time

from qiskit.providers import JobStatus
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

backend = QiskitRuntimeService().least_busy(operational=True)
job = SamplerV2(mode=backend).run([isa_circuit])
while job.status() != JobStatus.DONE:
    time.sleep(5)

# --- use instead ---
import time

from qiskit import QuantumCircuit
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_ibm_runtime.executor_sampler import Sampler
from qiskit_ibm_runtime.fake_provider import FakeManilaV2

backend = FakeManilaV2()  # on hardware: QiskitRuntimeService().least_busy(operational=True)
circuit = QuantumCircuit(1)
circuit.h(0)
circuit.measure_all()
isa_circuit = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
job = Sampler(mode=backend).run([isa_circuit])
while not job.in_final_state():  # job.status() == "DONE" on hardware, the enum locally
    time.sleep(0.1)
print(job.result()[0].data.meas.get_counts())
