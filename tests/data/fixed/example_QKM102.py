from qiskit import QuantumCircuit
from qiskit_ibm_runtime import QiskitRuntimeService
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime.executor_sampler import Sampler

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
backend = QiskitRuntimeService().backend("ibm_brisbane")
isa_circuit = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
counts = Sampler(mode=backend).run([isa_circuit], shots=1000).result()[0].data.meas.get_counts()
