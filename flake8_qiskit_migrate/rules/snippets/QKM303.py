# QKM303: the example of the old code, then what to use instead (run by the tests).
from qiskit.primitives import BaseSampler


class MySampler(BaseSampler):
    def _call(self, circuits, parameter_values, **run_options):
        raise NotImplementedError

# --- use instead ---
from qiskit import QuantumCircuit
from qiskit.primitives import BaseSamplerV2, StatevectorSampler


class MySampler(BaseSamplerV2):
    """A V2 sampler that delegates to the reference implementation."""

    def __init__(self):
        self._inner = StatevectorSampler()

    def run(self, pubs, *, shots=None):
        return self._inner.run(pubs, shots=shots)


circuit = QuantumCircuit(2)
circuit.h(0)
circuit.cx(0, 1)
circuit.measure_all()
result = MySampler().run([circuit]).result()
