from math import pi

from qiskit import QuantumCircuit
from qiskit.quantum_info import Operator, Statevector
from qiskit_aer import AerSimulator
from qiskit.primitives import BackendSamplerV2

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
final_state = Statevector(qc)
print("statevector:", [complex(round(a.real, 6), round(a.imag, 6)) for a in final_state])

qc = QuantumCircuit(2)
qc.h(0)
qc.cp(pi / 4, 0, 1)
unitary = Operator(qc).data
print("unitary_00:", complex(round(unitary[0][0].real, 6), round(unitary[0][0].imag, 6)))
print("unitary_33:", complex(round(unitary[3][3].real, 6), round(unitary[3][3].imag, 6)))

sim = AerSimulator()
qc_ha = QuantumCircuit(4, 2)
qc_ha.x(0)
qc_ha.x(1)
qc_ha.cx(0, 2)
qc_ha.cx(1, 2)
qc_ha.ccx(0, 1, 3)
qc_ha.measure(2, 0)
qc_ha.measure(3, 1)
counts = sim.run(qc_ha).result().get_counts(qc_ha)  # still supported on a local simulator
print("half_adder:", dict(sorted(counts.items())))

qc = QuantumCircuit(1, 1)
qc.x(0)
qc.measure(0, 0)
job = BackendSamplerV2(backend=sim).run([qc], shots=100)
print("one:", dict(sorted(job.result()[0].data.c.get_counts().items())))
