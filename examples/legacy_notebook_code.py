"""Legacy Qiskit code as it appears in many tutorials: run `flake8 --select QKM examples/`."""

from qiskit import IBMQ, QuantumCircuit, execute
from qiskit.primitives import Sampler
from qiskit_aer import AerSimulator
from qiskit_ibm_provider import IBMProvider

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q")
backend = provider.get_backend("ibmq_qasm_simulator")

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()

counts = execute(circuit, backend, shots=1024).result().get_counts()
job = backend.run(circuit, shots=1024, memory=True)
local_counts = AerSimulator().run(circuit).result().get_counts()

sampler = Sampler()
quasi_dists = sampler.run(circuit).result().quasi_dists

ibm_provider = IBMProvider(instance="ibm-q/open/main")
