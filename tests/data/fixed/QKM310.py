# QKM310: V2 primitive results read the V1 way.
from qiskit import QuantumCircuit
from qiskit.primitives import PrimitiveResult, StatevectorEstimator, StatevectorSampler
from qiskit_aer import AerSimulator
from qiskit_ibm_runtime import RuntimeJobV2
from qiskit_ibm_runtime.executor_sampler import SamplerV2
from qiskit.primitives import BackendSamplerV2

circuit = QuantumCircuit(2)
circuit.measure_all()
result = StatevectorSampler().run([circuit]).result()
result.get_counts()  # QKM310: 1
result[0].get_counts()  # QKM310: 1
result[0].data.get_counts()  # QKM310: 1
result.get_memory()  # QKM310: 1
for pub in result:
    pub.get_counts(0)  # QKM310: 5
result[0].data.meas.get_counts()  # ok: the V2 read
result[0].data.meas.get_bitstrings()  # ok: the V2 read
result[0].join_data().get_counts()  # ok: a BitArray
result[0].metadata["shots"]  # ok: a PUB result's metadata is a dictionary
result.metadata["version"]  # ok: the job's metadata, a dictionary
result.metadata[0]  # QKM310: 1
print(result.metadata)  # ok: valid, whatever the code expects of it
for entry in result.metadata:  # QKM310: 14
    print(entry)
shots = [entry["shots"] for entry in result.metadata]  # QKM310: 38
result[0].data.values()  # ok: DataBin is a mapping
estimated = StatevectorEstimator().run([(QuantumCircuit(2), "ZZ")]).result()
estimated.values  # QKM310: 1
estimated[0].values[0]  # QKM310: 1
estimated[0].data.evs  # ok: the V2 field
BackendSamplerV2(backend=AerSimulator()).run([circuit]).result()[0].data.meas.get_counts()  # QKM103: 1; ok: a V1 Result has counts


def wait(job: RuntimeJobV2) -> dict[str, int]:
    return job.result().get_counts()  # QKM310: 12


def read(result: PrimitiveResult) -> None:
    print(result.values)  # QKM310: 11


runtime = SamplerV2(mode=AerSimulator())
counts = runtime.run([circuit]).result()[0].data.get_counts()  # QKM310: 10


class Tally:
    def get_counts(self) -> dict[str, int]:
        return {}


Tally().get_counts()  # ok: a class of the module


from qiskit_ibm_runtime.executor_sampler import Sampler as ClientSampler

ClientSampler(mode=AerSimulator()).run([circuit]).result().get_counts()  # QKM310: 1
