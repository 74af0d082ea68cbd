# QKM420: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import Options
from qiskit_ibm_runtime.options import ExecutionOptions, ResilienceOptions

options = Options(execution=ExecutionOptions(shots=1000),
                  resilience=ResilienceOptions(noise_factors=(1, 3, 5)))

# --- use instead ---
from qiskit_ibm_runtime.options_models import EstimatorOptions

options = EstimatorOptions(default_shots=1000)
options.resilience.zne_mitigation = True
options.resilience.zne.noise_factors = (1, 3, 5)
