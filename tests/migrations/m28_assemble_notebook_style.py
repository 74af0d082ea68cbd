# A textbook chapter run as a script: the same `qobj` name in every cell, statevectors and
# unitaries saved on aer_simulator, a Qobj built inline, counts read by circuit.
# compare: close
# remaining: QKM103
from qiskit import QuantumCircuit, Aer, assemble
from math import pi

sim = Aer.get_backend('aer_simulator')

# Cell: a statevector
qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.save_statevector()
qobj = assemble(qc)
final_state = sim.run(qobj).result().get_statevector()
print("statevector:", [complex(round(a.real, 6), round(a.imag, 6)) for a in final_state])

# Cell: a unitary
qc = QuantumCircuit(2)
qc.h(0)
qc.cp(pi / 4, 0, 1)
qc.save_unitary()
qobj = assemble(qc)
unitary = sim.run(qobj).result().get_unitary()
print("unitary_00:", complex(round(unitary[0][0].real, 6), round(unitary[0][0].imag, 6)))
print("unitary_33:", complex(round(unitary[3][3].real, 6), round(unitary[3][3].imag, 6)))

# Cell: counts of a half adder
qc_ha = QuantumCircuit(4, 2)
qc_ha.x(0)
qc_ha.x(1)
qc_ha.cx(0, 2)
qc_ha.cx(1, 2)
qc_ha.ccx(0, 1, 3)
qc_ha.measure(2, 0)
qc_ha.measure(3, 1)
qobj = assemble(qc_ha)  # Assemble circuit into a Qobj that can be run
counts = sim.run(qobj).result().get_counts(qc_ha)
print("half_adder:", dict(sorted(counts.items())))

# Cell: the Qobj built in the run call
qc = QuantumCircuit(1, 1)
qc.x(0)
qc.measure(0, 0)
job = sim.run(assemble(qc, shots=100))
print("one:", dict(sorted(job.result().get_counts().items())))
