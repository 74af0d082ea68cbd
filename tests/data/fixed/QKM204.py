# QKM204: IBMQ account calls.
from qiskit import IBMQ  # QKM203: 20
from qiskit.providers.ibmq import IBMQ as LegacyIBMQ  # QKM202: 35
import qiskit
from qiskit_ibm_runtime import QiskitRuntimeService

IBMQ.save_account("token")  # QKM204: 1
QiskitRuntimeService()  # QKM204: 1
x = LegacyIBMQ.enable_account("token")  # QKM204: 5
qiskit.IBMQ.delete_account()  # QKM203: 1, QKM204: 1
account = IBMQ  # ok: an alias is followed, not reported
account.active_account()  # QKM204: 1
IBMQ.load_accounts  # ok: not called, and no such account call


class Service:
    def load_account(self):
        pass


Service().load_account()  # ok: a user class
