# QKM308: V1 result fields.
import qiskit
from qiskit.primitives import Estimator, StatevectorEstimator  # QKM301: 31

result = sampler.run(circuits).result()
print(result.quasi_dists[0])  # QKM308: 7
job = Estimator().run(circuit, observable)  # QKM301: 7, QKM307: 7
values = job.result().values  # QKM308: 10
meta = job.result().metadata  # QKM308: 8
v2 = StatevectorEstimator().run([(circuit, observable)]).result()
v2[0].data.evs  # ok: the V2 field
v2.metadata  # ok: a V2 PrimitiveResult has metadata too
{"a": 1}.values()  # ok: a dict's values
from qiskit_ibm_runtime.executor_estimator import Estimator as RuntimeEstimator
legacy = RuntimeEstimator(mode=session)  # QKM306: 10, QKM412: 27
legacy.run(circuit, observable).result().values  # QKM307: 1, QKM308: 1
RuntimeEstimator(mode=session).run([(circuit, observable)]).result()[0].data.evs  # ok: V2
