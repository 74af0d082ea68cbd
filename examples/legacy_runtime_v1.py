"""Qiskit Runtime code written for the V1 primitives (qiskit-ibm-runtime < 0.28)."""

from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime import Estimator, Options, QiskitRuntimeService, Session

service = QiskitRuntimeService(channel="ibm_quantum", instance="ibm-q/open/main")

circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
observable = SparsePauliOp("ZZ")

options = Options(optimization_level=3, resilience_level=1)
options.execution.shots = 4000

with Session(service=service, backend="ibm_brisbane") as session:
    estimator = Estimator(session=session, options=options)
    job = estimator.run(circuit, observable)
    print(job.result().values)
