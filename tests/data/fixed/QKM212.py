# QKM212: qiskit.tools job monitors.
from qiskit.tools import parallel_map  # ok: a different tool

