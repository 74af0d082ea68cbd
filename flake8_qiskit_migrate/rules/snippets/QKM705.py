# QKM705: the example of the old code, then what to use instead (run by the tests).
from qiskit.ignis.mitigation.measurement import CompleteMeasFitter, complete_meas_cal

calibrations, labels = complete_meas_cal(qr=circuit.qregs[0])
fitter = CompleteMeasFitter(execute(calibrations, backend).result(), labels)
mitigated = fitter.filter.apply(counts)

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.quantum_info import SparsePauliOp
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit.transpiler import generate_preset_pass_manager

# For counts, mthree (pip install qiskit-addon-mthree) calibrates and corrects readout errors;
# for expectation values, the Runtime Estimator mitigates them (TREX).
backend = FakeManilaV2()
circuit = QuantumCircuit(1)
circuit.x(0)
isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
estimator = Estimator(mode=backend)
estimator.options.resilience_level = 1
result = estimator.run([(isa, SparsePauliOp("Z").apply_layout(isa.layout))]).result()
print(result[0].data.evs)
