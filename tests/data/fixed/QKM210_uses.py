# QKM210: a moved module is one finding at its import, however often its names are used.
from qiskit_aer.noise import NoiseModel, depolarizing_error  # QKM210: 40, QKM210: 52
from qiskit_aer import noise  # QKM210: 34
import qiskit_aer as pa  # QKM210: 8
import qiskit
from qiskit import providers

models = []
models.append(NoiseModel())  # ok: fixed by the import
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
models.append(NoiseModel())
error = depolarizing_error(0.1, 1)  # ok: fixed by the import
model = noise.NoiseModel.from_backend(backend)  # ok: fixed by the import
chained = pa.noise.NoiseModel()  # QKM210: 11 (the alias spells the old module)
pa.AerSimulator(); pa.AerSimulator()  # QKM210: 1, QKM210: 20
spelled = qiskit.providers.aer.AerSimulator()  # QKM210: 11
partial = providers.aer.noise.NoiseModel()  # QKM210: 11


class MyModel(NoiseModel):  # ok: fixed by the import
    pass


class Other(pa.noise.NoiseModel):  # QKM210: 13
    pass
