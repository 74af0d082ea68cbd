# QKM307: V1 call shapes on values known to be primitives.
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorSampler, StatevectorEstimator
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit_ibm_runtime.executor_estimator import EstimatorV2

circuit = QuantumCircuit(2)
sampler = StatevectorSampler()
estimator = EstimatorV2(mode=backend)
sampler.run(circuit)  # QKM307: 1
sampler.run([circuit], [[0.1]])  # QKM307: 1
estimator.run([circuit] * 2, [obs_a, obs_b])  # QKM307: 1
estimator.run(circuits=[circuit], observables=[obs])  # QKM307: 1
SamplerV2(mode=backend).run(circuit, parameter_values=[1.0])  # QKM307: 1
sampler.run([(circuit,)])  # ok: a list of PUBs
sampler.run([circuit], shots=100)  # ok: a circuit is a valid PUB
estimator.run([(circuit, obs)], precision=0.01)  # ok
StatevectorEstimator().run(pubs)  # ok: a variable of PUBs
