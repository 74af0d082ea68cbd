# QKM505: the example of the old code, then what to use instead (run by the tests).
from qiskit.circuit.library import XGate
from qiskit.transpiler import PassManager
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit_ibm_runtime.transpiler.passes.scheduling import (
    ALAPScheduleAnalysis, DynamicCircuitInstructionDurations, PadDynamicalDecoupling)

backend = FakeManilaV2()
durations = DynamicCircuitInstructionDurations.from_backend(backend)
dd = PassManager([ALAPScheduleAnalysis(durations),
                  PadDynamicalDecoupling(durations, [XGate(), XGate()])])

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.circuit.library import XGate
from qiskit.transpiler import PassManager, generate_preset_pass_manager
from qiskit_ibm_runtime.fake_provider import FakeManilaV2
from qiskit_ibm_runtime.transpiler.passes.scheduling import (
    ALAPScheduleAnalysis, PadDynamicalDecoupling)

backend = FakeManilaV2()
dd = PassManager([ALAPScheduleAnalysis(target=backend.target),
                  PadDynamicalDecoupling(dd_sequences=[XGate(), XGate()],
                                         target=backend.target)])
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
isa = generate_preset_pass_manager(optimization_level=1, backend=backend).run(circuit)
scheduled = dd.run(isa)
