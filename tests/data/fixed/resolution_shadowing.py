# Local rebinding shadows an import, in module, function, class and comprehension scopes.
from qiskit.primitives import StatevectorSampler as Sampler  # QKM301: 31

Sampler()  # QKM301: 1


def uses_global():
    return Sampler()  # QKM301: 12


def local_rebinding():
    Sampler = dict
    return Sampler()  # ok: a local


class Shim:
    def Sampler(self):  # ok: a method named like the class
        return 1


def lambdas():
    return (lambda Sampler: Sampler())(dict)  # ok: a lambda parameter


print([Sampler() for Sampler in (dict, list)])  # ok: a comprehension target
Sampler = None
Sampler()  # ok: rebound at module level
counter = 0


def scoped():
    global counter
    counter += 1

    def inner():
        nonlocal_value = {"a": 1, **{}}
        return nonlocal_value
    return inner  # ok: global, nonlocal and dict unpacking walk without trouble
