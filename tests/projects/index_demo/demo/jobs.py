from demo import Device as Reexported
from demo.backends import FastDevice, MySampler, make_device, make_simulator
from qiskit import QuantumCircuit
from thirdparty import Remote

from . import backends
from .backends import SIMULATOR, Device
from .devices import Backend

circuit = QuantumCircuit(1)


class LabDevice(Device):
    pass


Device().run(circuit, shots=10)
Reexported().run(circuit, shots=10)
FastDevice().run(circuit, shots=10)
LabDevice().run(circuit, shots=10)
make_simulator().run(circuit, shots=10)
make_device().run(circuit, shots=10)
SIMULATOR.run(circuit, shots=10)
backends.SIMULATOR.run(circuit, shots=10)
MySampler().run(pubs, shots=10)
backend = Backend()
backend.run(circuit, shots=10)
remote_backend = Remote()
remote_backend.run(circuit, shots=10)
