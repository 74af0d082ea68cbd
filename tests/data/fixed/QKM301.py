# QKM301: V1 reference primitives.
from qiskit.primitives import StatevectorSampler as Sampler, Estimator  # QKM301: 31, QKM301: 40
from qiskit.primitives import StatevectorSampler, StatevectorEstimator  # ok: V2
from qiskit.primitives.sampler import Sampler as RefSampler  # QKM301: 39
import qiskit.primitives as prims
import qiskit

sampler = Sampler()  # QKM301: 11
estimator = Estimator(options={"shots": 10})  # QKM301: 13
prims.StatevectorSampler()  # QKM301: 1
qiskit.primitives.StatevectorEstimator  # QKM301: 1
S = Sampler  # ok: an alias is followed, the import was reported
S()  # QKM301: 1
StatevectorSampler()  # ok: V2
prims.StatevectorEstimator()  # ok: V2


def run(Sampler):
    return Sampler()  # ok: the parameter shadows the import


class Holder:
    Sampler = StatevectorSampler

    def make(self):
        return Sampler()  # QKM301: 16
