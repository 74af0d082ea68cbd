# QKM411: set_options on primitives.
from qiskit_ibm_runtime.executor_sampler import Sampler
from qiskit.primitives import StatevectorSampler

sampler = Sampler(mode=backend)
sampler.set_options(shots=2000)  # QKM411: 1
StatevectorSampler().set_options(x=1)  # QKM411: 1
widget.set_options(color="red")  # ok: not a primitive
sampler.options.update(default_shots=2000)  # ok
