# QKM417: simulator options of execute / backend.run / QuantumInstance.
from qiskit import transpile  # QKM107: 20, QKM101: 25
from qiskit_aer import Aer
from qiskit.utils import QuantumInstance  # QKM106: 26
from qiskit_aer import AerSimulator
from qiskit_aer.primitives import SamplerV2

sim = AerSimulator()
sim.run(circuit, method="matrix_product_state", noise_model=nm)  # QKM103: 1, QKM417: 18, QKM417: 49
sim.run(transpile(circuit, sim), seed_simulator=42, shots=10)  # QKM101: 1, QKM417: 23, QKM401: 42
sim.run(circuit, max_parallel_threads=2, fusion_enable=False)  # QKM103: 1, QKM417: 18, QKM417: 42
sim.run(circuit, extended_stabilizer_approximation_error=0.1)  # QKM103: 1, QKM417: 18
QuantumInstance(sim, noise_model=nm, backend_options={"method": "mps"})  # QKM106: 1, QKM417: 22, QKM417: 38
AerSimulator(method="statevector", noise_model=nm)  # ok: the new home
SamplerV2(options={"backend_options": {"noise_model": nm}}, seed=1)  # ok: Aer's V2 primitive
runner.run(circuit, noise_model=nm)  # ok: the receiver is not a backend
