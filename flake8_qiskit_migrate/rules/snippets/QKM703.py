# QKM703: the example of the old code, then what to use instead (run by the tests).
from qiskit.providers import convert_to_target

target = convert_to_target(backend.configuration(), backend.properties())

# --- use instead ---
from qiskit.transpiler import CouplingMap, Target

target = Target.from_configuration(["rz", "sx", "x", "cx"], num_qubits=2,
                                   coupling_map=CouplingMap([[0, 1], [1, 0]]))
print(target.num_qubits)
