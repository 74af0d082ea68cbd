from qiskit import QuantumCircuit, transpile
from qiskit.circuit import Parameter
from qiskit_aer import AerSimulator

theta = Parameter("theta")
circuit = QuantumCircuit(1)
circuit.rx(theta, 0)
circuit.measure_all()
job = AerSimulator().run(transpile(circuit, AerSimulator()), parameter_binds=[{theta: 0.5}, {theta: 1.0}])
