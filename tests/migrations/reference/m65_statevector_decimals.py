from qiskit import QuantumCircuit
from qiskit.quantum_info import Operator, Statevector

circ = QuantumCircuit(3)
circ.h(0)
circ.cx(0, 1)
circ.cx(0, 2)
circ.draw()

outputstate = Statevector(Statevector(circ).data.round(3))
print("printed:", repr(str(outputstate)))
print("type:", repr(type(outputstate).__name__))

rotation = QuantumCircuit(2)
rotation.ry(0.3, 0)
rotation.cx(0, 1)

unitary = Operator(Operator(rotation).data.round(3))
print("unitary:", unitary.data.tolist())
print("type:", repr(type(unitary).__name__))
print("dims:", [unitary.input_dims(), unitary.output_dims()])
