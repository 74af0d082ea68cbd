# Regression corpus: 2022 algorithms code (QuantumInstance with its options, V1 reference
# primitives, quasi-distributions, a fake backend from qiskit.providers.fake_provider).
from qiskit_aer import Aer  # QKM107: 20
from qiskit.circuit import Parameter, QuantumCircuit
from qiskit.primitives import Sampler  # QKM301: 31
from qiskit_ibm_runtime.fake_provider import FakeManilaV2 as FakeManila  # QKM211: 44
from qiskit.utils import QuantumInstance  # QKM106: 26

backend = Aer.get_backend("aer_simulator")
quantum_instance = QuantumInstance(  # QKM106: 20
    backend,
    shots=4096,  # QKM401: 5
    seed_simulator=7,  # QKM417: 5
    seed_transpiler=7,  # QKM416: 5
    noise_model=None,  # QKM417: 5
)
noisy_instance = QuantumInstance(FakeManila(), shots=1000)  # QKM106: 18, QKM401: 48

gamma = Parameter("gamma")
qaoa = QuantumCircuit(2)
qaoa.h([0, 1])
qaoa.rzz(gamma, 0, 1)
qaoa.measure_all()

sampler = Sampler()  # QKM301: 11
job = sampler.run([qaoa, qaoa], [[0.1], [0.2]])  # QKM307: 7
distributions = job.result().quasi_dists  # QKM308: 17
best = max(distributions[0], key=distributions[0].get)


def sample_energy(sampler, circuit, values):
    result = sampler.run(circuit, values).result()  # QKM309: 14
    return result.quasi_dists[0]  # QKM308: 12


fake = FakeManila()  # ok: the import was reported
fake.run(qaoa.assign_parameters([0.3]))  # QKM103: 1
