# A notebook exported as a script: the account loaded in the first cell, loaded again with the
# providers listed, a get_provider(...) shown but not kept, the device from the first provider.
# device: lima
# compare: exact
# remaining: none
from qiskit import IBMQ, QuantumCircuit, transpile

provider = IBMQ.load_account()

# In[2]:
IBMQ.load_account()
IBMQ.providers()

# In[3]:
IBMQ.get_provider(hub='ibm-q', group='open', project='main')
device = provider.get_backend('ibmq_lima')

qc = QuantumCircuit(2)
qc.h(0)
qc.cx(0, 1)
qc.measure_all()
mapped = transpile(qc, device, optimization_level=0, seed_transpiler=2)
print("qubits:", mapped.num_qubits)
print("ops:", dict(sorted(mapped.count_ops().items())))
