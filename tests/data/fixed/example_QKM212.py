from qiskit import QuantumCircuit, execute

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
job = execute(circuit, backend)
