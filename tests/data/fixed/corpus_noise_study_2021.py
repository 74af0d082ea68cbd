# Regression corpus: a 2021 noise study (the qiskit.providers.aer namespace, V1 fake backends,
# helpers that take a backend as a parameter, execute with simulator and transpiler options).
from qiskit import QuantumCircuit, transpile  # QKM101: 47
from qiskit_aer import AerSimulator, QasmSimulator  # QKM210: 34, QKM210: 48
from qiskit_aer.noise import (
    NoiseModel,  # QKM210: 5
    ReadoutError,  # QKM210: 5
    depolarizing_error,  # QKM210: 5
    thermal_relaxation_error,  # QKM210: 5
)
from qiskit_ibm_runtime.fake_provider import FakeVigoV2 as FakeVigo, FakeSantiagoV2 as FakeSantiago  # QKM211: 30, QKM211: 40


def ghz(n):
    circuit = QuantumCircuit(n, n)
    circuit.h(0)
    for i in range(n - 1):
        circuit.cx(i, i + 1)
    circuit.measure(range(n), range(n))
    return circuit


def build_noise(p1, p2, readout):
    model = NoiseModel()
    model.add_all_qubit_quantum_error(depolarizing_error(p1, 1), ["u1", "u2", "u3"])
    model.add_all_qubit_quantum_error(depolarizing_error(p2, 2), ["cx"])
    model.add_all_qubit_readout_error(ReadoutError([[1 - readout, readout], [readout, 1 - readout]]))
    model.add_all_qubit_quantum_error(thermal_relaxation_error(50e3, 70e3, 100), ["id"])
    return model


def run_counts(backend, circuits, shots=2048):
    job = backend.run(transpile(circuits, backend), shots=shots)  # QKM104: 11, QKM401: 53
    return job.result().get_counts()


vigo = FakeVigo()
vigo_noise = NoiseModel.from_backend(vigo)  # ok: the module was reported at its import
sim = AerSimulator(noise_model=vigo_noise)
ideal = QasmSimulator()
results = {}
for p in (0.001, 0.01, 0.05):
    model = build_noise(p, 10 * p, 0.02)
    results[p] = ideal.run(  # QKM101: 18
        transpile(ghz(3), ideal, basis_gates=model.basis_gates, coupling_map=vigo.configuration().coupling_map),
        noise_model=model,  # QKM417: 9
        seed_simulator=42,  # QKM417: 9
        shots=4096,  # QKM401: 9
    ).result().get_counts()

santiago = FakeSantiago()
device_counts = santiago.run(transpile(ghz(3), santiago), shots=1024).result()  # QKM103: 17, QKM401: 59
noisy_counts = run_counts(sim, [ghz(2), ghz(3)])
sim.run(ghz(2), method="density_matrix").result()  # QKM103: 1, QKM417: 17
