# Listing the providers and the provider's backends before picking one (2021 challenge ex4).
# device: belem
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile
from qiskit.providers.aer import AerSimulator

IBMQ.load_account()
IBMQ.providers() # see a list of providers you have access to
hub_name = 'ibm-q'
provider = IBMQ.get_provider(hub=hub_name, group='open', project='main')
print("backends:", len(provider.backends()))
backend = provider.get_backend('ibmq_belem')

simulator = AerSimulator.from_backend(backend)
qc = QuantumCircuit(3, 3)
qc.x(0)
qc.cx(0, 2)
qc.measure([0, 1, 2], [0, 1, 2])
job = simulator.run(transpile(qc, simulator, seed_transpiler=9), shots=4000, seed_simulator=9)
print("counts:", dict(sorted(job.result().get_counts().items())))
