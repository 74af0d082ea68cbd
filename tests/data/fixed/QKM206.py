# QKM206: IBMProvider account calls.
from qiskit_ibm_provider import IBMProvider  # QKM201: 33

IBMProvider.save_account(token="t")  # QKM206: 1
IBMProvider.saved_accounts()  # QKM206: 1
IBMProvider.delete_account()  # QKM206: 1
QiskitRuntimeService().active_account()  # QKM206: 1, QKM207: 1
from qiskit_ibm_runtime import QiskitRuntimeService
QiskitRuntimeService.save_account(token="t")  # ok: the replacement
