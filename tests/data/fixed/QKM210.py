# QKM210: the qiskit.providers.aer namespace.
from qiskit_aer import AerSimulator  # QKM210: 34
from qiskit_aer.noise import NoiseModel  # QKM210: 40
import qiskit_aer as aer  # QKM210: 8
from qiskit_aer import AerSimulator  # ok: the replacement
