# settings: explicit=QKM602
# QKM602: server-side options with no home in the client-side primitives (selected by name).
from qiskit_ibm_runtime.executor_estimator import EstimatorV2
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.options_models import EstimatorOptions
from qiskit_ibm_runtime.options_models import SamplerOptions

estimator = EstimatorV2(mode=backend, options={
    "seed_estimator": 42,  # QKM602: 5
    "resilience": {"measure_noise_learning": {"shots_per_randomization": 100}},  # QKM602: 47
    "resilience_level": 1,  # ok: still an option
})
estimator.options.resilience.layer_noise_learning.max_layers_to_learn = 4  # QKM602: 1
estimator.options.seed_estimator = 7  # QKM602: 1
estimator.options.resilience.zne.amplifier = "pea"  # ok: still an option (needs explicit learning)
sampler = SamplerV2(mode=backend)
sampler.options.simulator.noise_model = noise  # QKM602: 1
sampler.options.simulator.seed_simulator = 1  # ok: still an option
options = EstimatorOptions(seed_estimator=3, simulator={"coupling_map": cmap})  # QKM602: 28, QKM602: 57
options.resilience.layer_noise_learning = None  # QKM602: 1
SamplerOptions().simulator.basis_gates = ["cx"]  # QKM602: 1
other.options.seed_estimator = 1  # ok: not a Runtime primitive
from qiskit_ibm_runtime.executor_estimator import Estimator as ClientEstimator
from qiskit_ibm_runtime.options_models import EstimatorOptions as ClientOptions

client = ClientEstimator(mode=backend, options={"seed_estimator": 1})  # QKM602: 49
client.options.seed_estimator = 2  # QKM602: 1 (rejected by the client-side class too)
ClientOptions(seed_estimator=3)  # QKM602: 15
client.options.resilience.layer_noise_model = maps  # ok: the client-side field
