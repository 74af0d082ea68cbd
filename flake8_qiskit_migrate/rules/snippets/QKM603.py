# QKM603: the example of the old code, then what to use instead (run by the tests).
from qiskit_ibm_runtime import NoiseLearner


def learn(backend, circuits):
    learner = NoiseLearner(mode=backend)
    learner.options.num_randomizations = 64
    return learner.run(circuits).result()

# --- use instead ---
from qiskit_ibm_runtime import NoiseLearnerV3
from qiskit_ibm_runtime.executor_estimator import Estimator
from qiskit_ibm_runtime.options_models import NoiseLearnerV3Options


def learn(backend, pubs):
    """Learn the noise of the PUBs' layers, then give it to the Estimator (PEA or PEC).
    NoiseLearnerV3 has no local testing mode: this runs against IBM hardware."""
    estimator = Estimator(mode=backend)
    estimator.options.resilience.pec_mitigation = True
    layers = estimator.find_unique_layers(pubs)
    learner = NoiseLearnerV3(mode=backend, options=NoiseLearnerV3Options(num_randomizations=64))
    maps = learner.run(layers).result().to_pauli_lindblad_maps()
    estimator.options.resilience.layer_noise_model = zip(layers, maps)
    return estimator.run(pubs)


options = NoiseLearnerV3Options(num_randomizations=64)
