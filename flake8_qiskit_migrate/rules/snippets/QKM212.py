# QKM212: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, execute
from qiskit.tools.monitor import job_monitor

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
job = execute(circuit, backend)
job_monitor(job)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit_aer.primitives import SamplerV2

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
job = SamplerV2().run([circuit])
status = job.status()
result = job.result()
