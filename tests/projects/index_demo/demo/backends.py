from qiskit.primitives import BaseSamplerV2
from qiskit.providers import BackendV2
from qiskit_aer import AerSimulator


class Device(BackendV2):
    """A test backend: a subclass of a backend."""


class NoisySimulator(AerSimulator):
    pass


class FastDevice(Device):
    """A subclass of a subclass, in the same module."""


class MySampler(BaseSamplerV2):
    """A subclass of a V2 primitive: its run takes PUBs."""


def make_simulator():
    simulator = NoisySimulator()
    return simulator


def make_device() -> BackendV2:
    return build_somehow()


SIMULATOR = AerSimulator()
