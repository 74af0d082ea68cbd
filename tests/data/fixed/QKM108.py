# QKM108: qiskit.BasicAer.
from qiskit.providers.basic_provider import BasicSimulator  # QKM108: 20
import qiskit as q

BasicSimulator().run(circuit)  # QKM103: 1
q.BasicAer  # QKM108: 1
from qiskit.providers.basic_provider import BasicProvider  # ok: the replacement
