# QKM212: qiskit.tools job monitors.
import qiskit.tools.jupyter  # QKM212: 8
from qiskit.tools import parallel_map  # ok: a different tool

