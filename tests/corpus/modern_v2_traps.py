# Regression corpus: current V2 code and look-alikes that must stay silent.
import asyncio
import subprocess

from flask import Flask
from qiskit import QuantumCircuit
from qiskit.primitives import StatevectorEstimator, StatevectorSampler
from qiskit.quantum_info import SparsePauliOp
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_aer.noise import NoiseModel
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2, EstimatorV2, Session

app = Flask(__name__)
circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
observable = SparsePauliOp("ZZ")


def sample(sampler, circuits, shots=1024):
    return sampler.run([(c,) for c in circuits], shots=shots).result()  # ok: V2 PUBs


def expectation(estimator, circuit, observable, values):
    return estimator.run([(circuit, observable, values)]).result()[0].data.evs  # ok: V2


def run_on(backend, circuit):
    pm = generate_preset_pass_manager(optimization_level=1, backend=backend)
    return SamplerV2(mode=backend).run([pm.run(circuit)], shots=100)  # ok: V2 on any backend


service = QiskitRuntimeService()
backend = service.least_busy(operational=True, simulator=False)
with Session(backend=backend) as session:
    sampler = SamplerV2(mode=session)
    sampler.run([circuit], shots=10)  # QKM320: 18 (untranspiled, on hardware); ok: a V2 sampler with V2 shots
    estimator = EstimatorV2(mode=session)
    estimator.options.default_precision = 0.01
    estimator.run([(circuit.remove_final_measurements(inplace=False), observable)])  # ok

StatevectorSampler().run([circuit], shots=10)  # ok
StatevectorEstimator().run([(circuit, observable)])  # ok
sim = AerSimulator(noise_model=NoiseModel(), method="statevector")  # ok: simulator options at construction
subprocess.run(["echo", "backend"], check=True)  # ok
asyncio.run(asyncio.sleep(0))  # ok
app.run(debug=True)  # ok
