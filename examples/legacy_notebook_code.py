"""Legacy Qiskit code as it appears in many tutorials: run `flake8 --select QKM examples/`."""

from qiskit import IBMQ, QuantumCircuit
from qiskit.primitives import Sampler
from qiskit_ibm_provider import IBMProvider

IBMQ.load_account()
provider = IBMQ.get_provider(hub="ibm-q")
backend = provider.get_backend("ibmq_qasm_simulator")

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()

sampler = Sampler()
quasi_dists = sampler.run(circuit).result().quasi_dists

ibm_provider = IBMProvider(instance="ibm-q/open/main")
