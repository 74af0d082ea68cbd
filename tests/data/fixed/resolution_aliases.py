# import a.b as c, from a import b as c, attribute chains and simple assignments.
import qiskit.primitives as qp
import qiskit.primitives
from qiskit import primitives as prim_mod
import qiskit_aer.primitives as aer_prims

qp.Sampler()  # QKM301: 1
qiskit.primitives.Estimator()  # QKM301: 1
prim_mod.BackendSamplerV2(backend=backend)  # QKM302: 1
aer_prims.Estimator()  # QKM304: 1
Alias = qp.Estimator  # QKM301: 9
Again = Alias
Again()  # QKM301: 1
with_walrus = (W := aer_prims.Sampler)  # QKM304: 21; ok: the walrus binds W
W()  # QKM304: 1
aer_prims.SamplerV2()  # ok: V2
