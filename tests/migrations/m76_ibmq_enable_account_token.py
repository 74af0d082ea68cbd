# An account enabled with its token for the session, the provider's backends listed and one
# simulated with its noise (2019-2021 scripts that did not save the token).
# device: belem
# compare: tvd<=0.08
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile
from qiskit.providers.aer import AerSimulator

token = 'MY_API_TOKEN'
IBMQ.enable_account(token)
provider = IBMQ.get_provider(hub='ibm-q', group='open', project='main')
print("backends:", len(provider.backends()))
device = provider.get_backend('ibmq_belem')

simulator = AerSimulator.from_backend(device)
bell = QuantumCircuit(2, 2)
bell.h(0)
bell.cx(0, 1)
bell.measure([0, 1], [0, 1])
job = simulator.run(transpile(bell, simulator, seed_transpiler=4), shots=4000, seed_simulator=4)
print("counts:", dict(sorted(job.result().get_counts().items())))
