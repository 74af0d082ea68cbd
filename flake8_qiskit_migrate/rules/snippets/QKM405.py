# QKM405: the example of the old code, then what to use instead (run by the tests).
from qiskit import QuantumCircuit, execute
from qiskit.circuit import Parameter
from qiskit_aer import AerSimulator

theta = Parameter("theta")
circuit = QuantumCircuit(1)
circuit.rx(theta, 0)
circuit.measure_all()
job = execute(circuit, AerSimulator(), parameter_binds=[{theta: 0.5}, {theta: 1.0}])

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.circuit import Parameter
from qiskit.primitives import StatevectorSampler

theta = Parameter("theta")
circuit = QuantumCircuit(1)
circuit.rx(theta, 0)
circuit.measure_all()
result = StatevectorSampler().run([(circuit, [[0.5], [1.0]])]).result()
counts_per_value = [result[0].data.meas[i].get_counts() for i in range(2)]
