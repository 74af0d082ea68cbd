# QKM409: V1 transpilation options.
from qiskit_ibm_runtime import Options  # QKM407: 32
from qiskit_ibm_runtime.executor_estimator import Estimator

options = Options(optimization_level=3, transpilation={"skip_transpilation": True})  # QKM407: 11, QKM409: 19, QKM409: 41
options.optimization_level = 1  # QKM409: 1
options.transpilation.skip_transpilation = True  # QKM409: 1
options.transpilation.initial_layout = [0, 1]  # QKM409: 1
estimator = Estimator(mode=backend)
estimator.options.optimization_level = 1  # QKM409: 1
estimator.options.default_precision = 0.01  # ok
Estimator(mode=backend, options={"optimization_level": 1})  # QKM409: 34
