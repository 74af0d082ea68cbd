# The getting-started tutorial's shape (2020-2023): a star import, the statevector and unitary
# simulators, each result read rounded (get_statevector(circ, decimals=3)) and printed.
# compare: close
# remaining: none
from qiskit import *

circ = QuantumCircuit(3)
circ.h(0)
circ.cx(0, 1)
circ.cx(0, 2)
circ.draw()

backend = Aer.get_backend('statevector_simulator')
job = backend.run(circ)
result = job.result()
outputstate = result.get_statevector(circ, decimals=3)
print("printed:", repr(str(outputstate)))
print("type:", repr(type(outputstate).__name__))

rotation = QuantumCircuit(2)
rotation.ry(0.3, 0)
rotation.cx(0, 1)

backend = Aer.get_backend('unitary_simulator')
job = backend.run(rotation)
result = job.result()
unitary = result.get_unitary(rotation, decimals=3)
print("unitary:", unitary.data.tolist())
print("type:", repr(type(unitary).__name__))
print("dims:", [unitary.input_dims(), unitary.output_dims()])
