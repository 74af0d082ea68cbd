"""Fixes at the import for names whose module moved: ``qiskit.providers.aer`` -> ``qiskit_aer``
(QKM210), ``qiskit.Aer`` -> ``qiskit_aer.Aer`` (QKM107), the V1 fake devices -> their V2
classes in ``qiskit_ibm_runtime.fake_provider`` (QKM211), and ``BasicAer``'s QASM simulator
-> ``BasicSimulator`` (QKM108).

A name is moved only where its new home is known to hold it (the tables below, which a test
keeps equal to the installed packages); the code keeps the name it binds, so no use changes.
"""

from __future__ import annotations

import ast
from typing import Callable

from ..edits import (Edit, Fix, SourceText, add_import, binds, import_after, import_needed,
                     imports_name, item_removal, moved_from_import, parents_of, per_module)
from ..nodes import nodes
from ..registry import REGISTRY, Context
from . import execution  # noqa: F401  (registers QKM107 and QKM108 first)
from .exact_states import exact_state_fix
from .legacy_simulators import LEGACY_NAMES, literal_text
from .providers import RUNTIME_FAKES, fake_successor
from .unused_imports import drop_unused

OLD_AER = "qiskit.providers.aer"
# The public names of qiskit-aer 0.18's public modules (classes, functions and submodules).
AER_NAMES: dict[str, frozenset[str]] = {module: frozenset(names.split()) for module, names in {
    "qiskit_aer": "Aer AerError AerJob AerProvider AerSimulator QasmSimulator "
    "StatevectorSimulator UnitarySimulator backends jobs library noise primitives quantum_info "
    "utils",
    "qiskit_aer.noise": "LocalNoisePass NoiseModel PauliError PauliLindbladError QuantumError "
    "ReadoutError RelaxationNoisePass amplitude_damping_error coherent_unitary_error "
    "depolarizing_error device errors kraus_error mixed_unitary_error passes pauli_error "
    "phase_amplitude_damping_error phase_damping_error reset_error thermal_relaxation_error "
    "noise_model",
    "qiskit_aer.noise.errors": "PauliError PauliLindbladError QuantumError ReadoutError "
    "amplitude_damping_error coherent_unitary_error depolarizing_error kraus_error "
    "mixed_unitary_error pauli_error phase_amplitude_damping_error phase_damping_error "
    "reset_error standard_errors thermal_relaxation_error quantum_error readout_error",
    # The noise package's own modules, which legacy code imported from too.
    "qiskit_aer.noise.noise_model": "AerJSONEncoder BaseQuantumError NoiseError NoiseModel "
    "QuantumError QuantumErrorLocation ReadoutError RelaxationNoisePass "
    "basic_device_gate_errors basic_device_readout_errors",
    "qiskit_aer.noise.errors.quantum_error": "BaseQuantumError NoiseError QuantumError",
    "qiskit_aer.noise.errors.readout_error": "NoiseError ReadoutError",
    "qiskit_aer.noise.device": "basic_device_gate_errors basic_device_readout_errors "
    "gate_error_values gate_length_values gate_param_values readout_error_values "
    "thermal_relaxation_values models",
    "qiskit_aer.noise.device.models": "NoiseError ReadoutError basic_device_gate_errors "
    "basic_device_readout_errors depolarizing_error gate_param_values readout_error_values "
    "thermal_relaxation_error thermal_relaxation_values",
    # The module the textbook's notebooks imported the error functions from.
    "qiskit_aer.noise.errors.standard_errors": "NoiseError QuantumError amplitude_damping_error "
    "coherent_unitary_error depolarizing_error kraus_error mixed_unitary_error pauli_error "
    "phase_amplitude_damping_error phase_damping_error reset_error thermal_relaxation_error",
    "qiskit_aer.library": "SaveAmplitudes SaveAmplitudesSquared SaveClifford SaveDensityMatrix "
    "SaveExpectationValue SaveExpectationValueVariance SaveMatrixProductState SaveProbabilities "
    "SaveProbabilitiesDict SaveStabilizer SaveState SaveStatevector SaveStatevectorDict "
    "SaveSuperOp SaveUnitary SetDensityMatrix SetMatrixProductState SetStabilizer "
    "SetStatevector SetSuperOp SetUnitary save_amplitudes save_amplitudes_squared save_clifford "
    "save_density_matrix save_expectation_value save_expectation_value_variance "
    "save_matrix_product_state save_probabilities save_probabilities_dict save_stabilizer "
    "save_state save_statevector save_statevector_dict save_superop save_unitary "
    "set_density_matrix set_matrix_product_state set_stabilizer set_statevector set_superop "
    "set_unitary",
    "qiskit_aer.primitives": "Estimator EstimatorV2 Sampler SamplerV2",
    "qiskit_aer.quantum_info": "AerDensityMatrix AerStatevector",
    "qiskit_aer.utils": "approximate_noise_model approximate_quantum_error insert_noise "
    "transform_noise_model transpile_noise_model transpile_quantum_error",
    "qiskit_aer.backends": "AerSimulator QasmSimulator StatevectorSimulator UnitarySimulator",
}.items()}
# What code written for a V1 fake calls that a V2 fake lacks: ``backend.name()`` (a string
# attribute now), ``defaults()`` (pulse defaults, gone), ``time_alive``; and the V1 fake
# provider's ``get_backend`` (the V2 one has ``backend(name)``).
_V1_ONLY = frozenset({"defaults", "time_alive"})
_V1_PROVIDER_ONLY = frozenset({"get_backend"})


def _aer_target(path: str) -> tuple[str, str] | None:
    """The (module, name) of a ``qiskit.providers.aer`` name under ``qiskit_aer``, if it is
    there."""
    if not (path == OLD_AER or path.startswith(OLD_AER + ".")):
        return None
    module, _, name = ("qiskit_aer" + path[len(OLD_AER):]).rpartition(".")
    return (module, name) if name in AER_NAMES.get(module, ()) else None


def _aer_entry_target(path: str) -> tuple[str, str] | None:
    return ("qiskit_aer", "Aer") if path == "qiskit.Aer" else None


def _fake_target(path: str) -> tuple[str, str] | None:
    """The V2 device fake of ``qiskit_ibm_runtime.fake_provider`` that succeeds a V1 one."""
    module, _, name = fake_successor(path).rpartition(".")
    return (module, name) if name in RUNTIME_FAKES else None


@per_module  # asked at every fake of a module
def _calls_v1_only(source: SourceText, module: ast.Module, provider: bool) -> bool:
    """Whether the module uses what only a V1 fake backend (or ``provider``) has."""
    only = _V1_ONLY | _V1_PROVIDER_ONLY if provider else _V1_ONLY
    found = nodes(module)
    return any(node.attr in only for node in found.of(ast.Attribute)) or any(
        isinstance(node.func, ast.Attribute) and node.func.attr == "name" and not node.args
        and not node.keywords for node in found.of(ast.Call))


Target = Callable[[str], "tuple[str, str] | None"]


def _import_fixer(code: str, target: Target) -> None:
    """Register the fix of ``code``: the name imported from its new module (``from``-imports,
    ``import old.module as alias``) or, for ``qiskit.Aer`` spelled through ``import qiskit``,
    reached through ``qiskit_aer``."""
    @REGISTRY.fixer(code)
    def fix(ctx: Context, node: ast.AST, name: str) -> Fix | None:
        source, module, statement = ctx.source, ctx.module, ctx.import_statement
        if source is None or module is None or code == "QKM211" and _calls_v1_only(
                source, module, name.endswith(".FakeProvider")):
            return None
        if isinstance(node, ast.alias) and isinstance(statement, ast.ImportFrom):
            moves = {a.name: t for a in statement.names
                     if (t := target(f"{statement.module}.{a.name}")) is not None}
            return moved_from_import(source, statement, node, moves)
        if isinstance(node, ast.alias) and isinstance(statement, ast.Import):
            return _moved_module(source, node)
        if isinstance(node, ast.Attribute) and target(name) == ("qiskit_aer", "Aer") and (
                isinstance(node.value, ast.Name) and ctx.qualify(node.value) == "qiskit"):
            edits = [source.replace(node.value, "qiskit_aer")]
            if not _imports_module(module, "qiskit_aer"):
                edits.append(add_import(source, module, "import qiskit_aer"))
            return tuple(edits)
        if isinstance(node, ast.Attribute) and code == "QKM210":
            return _through_alias(source, module, node)
        if isinstance(node, ast.Name) and code == "QKM107":
            return _aer_after_star(source, module)
        return None


_import_fixer("QKM210", _aer_target)
_import_fixer("QKM107", _aer_entry_target)
_import_fixer("QKM211", _fake_target)


@per_module  # the same edit for every use
def _aer_after_star(source: SourceText, module: ast.Module) -> Fix | None:
    """``Aer`` bound by the module's one ``from qiskit import *``: ``from qiskit_aer import
    Aer`` right after it (the same object; it rebinds the name on the legacy releases too),
    where the module binds ``Aer`` nowhere else and some use of it stays a use of the
    provider (``Aer.get_backend("aer_simulator")``): the legacy simulators' fixes (QKM111)
    replace the others, which would leave the import unused."""
    stars = [s for s in module.body if isinstance(s, ast.ImportFrom) and s.module == "qiskit"
             and not s.level and any(a.name == "*" for a in s.names)]
    uses = [n for n in nodes(module).of(ast.Name) if n.id == "Aer"]
    parents = parents_of(source, module)
    if len(stars) != 1 or binds(module, "Aer") or all(_legacy_backend(parents, n) for n in uses):
        return None
    added = import_after(source, stars[0], "from qiskit_aer import Aer")
    return None if added is None else (added,)


def _legacy_backend(parents: dict[int, ast.AST], use: ast.Name) -> bool:
    """Whether the use is ``Aer.get_backend("<legacy simulator>")``."""
    attribute = parents.get(id(use))
    call = parents.get(id(attribute))
    return isinstance(call, ast.Call) and call.func is attribute and len(call.args) == 1 and (
        literal_text(call.args[0]) in LEGACY_NAMES)


def _imports_module(module: ast.Module, name: str) -> bool:
    return any(isinstance(s, ast.Import) and any(a.name == name and not a.asname for a in s.names)
               for s in module.body)


def _moved_module(source: SourceText, alias: ast.alias) -> Fix | None:
    """``import qiskit.providers.aer.noise as noise`` -> ``import qiskit_aer.noise as noise``:
    only with an alias (a bare ``import a.b`` binds ``a``, which other code may use)."""
    new = "qiskit_aer" + alias.name[len(OLD_AER):]
    if alias.asname is None or not alias.name.startswith(OLD_AER) or new not in AER_NAMES:
        return None
    row, column = source.start(alias)
    if source.segment((row, column), (row, column + len(alias.name))) != alias.name:
        return None
    return (Edit(row, column, row, column + len(alias.name), new),)


def _through_alias(source: SourceText, module: ast.Module, node: ast.Attribute) -> Fix | None:
    """A use reached through ``import qiskit.providers.aer... as alias``: fixed by the same
    edit as that import."""
    root = node.value
    while isinstance(root, ast.Attribute):
        root = root.value
    for statement in nodes(module).of(ast.Import):
        if isinstance(root, ast.Name):
            for alias in statement.names:
                if alias.asname == root.id:
                    return _moved_module(source, alias)
    return None


BASIC_SIMULATOR = "qiskit.providers.basic_provider"


def _exact_state(ctx: Context, calls: list[ast.Call]) -> Fix | None:
    """The exact migration of the first of ``BasicAer``'s statevector or unitary simulators
    (the module's other uses of the name being ``get_backend`` calls): each such fix is whole
    on its own, and a check after it offers the next (the QASM simulator's last)."""
    others = [c for c in calls if literal_text(c.args[0]) != "qasm_simulator"]
    return exact_state_fix(ctx, others[0]) if others else None


def _basic_use(ctx: Context, node: ast.AST) -> Fix | None:
    """A use of ``BasicAer`` that no import of the module names (``from qiskit import *``, or
    ``qiskit.BasicAer``), fixed on its own: ``BasicAer.get_backend("qasm_simulator")`` ->
    ``BasicSimulator()``, its import added after the module's imports; a statevector or
    unitary simulator -> its jobs' exact values (``exact_states``)."""
    source, module = ctx.source, ctx.module
    if source is None or module is None:
        return None
    parents = parents_of(source, module)
    attribute, call = parents.get(id(node)), None
    if isinstance(attribute, ast.Attribute) and attribute.attr == "get_backend":
        call = parents.get(id(attribute))
    if not (isinstance(call, ast.Call) and call.func is attribute and len(call.args) == 1
            and not call.keywords):
        return None
    if literal_text(call.args[0]) != "qasm_simulator":
        return exact_state_fix(ctx, call)
    needed = import_needed(module, (BASIC_SIMULATOR,), "BasicSimulator", call)
    if needed is None:
        return None
    edits = [source.replace(call, "BasicSimulator()")]
    if needed:
        edits.append(add_import(source, module, f"from {BASIC_SIMULATOR} import BasicSimulator"))
    return tuple(edits)


@REGISTRY.fixer("QKM108")
def _to_basic_simulator(ctx: Context, node: ast.AST, name: str) -> Fix | None:
    """``from qiskit import BasicAer`` with ``BasicAer.get_backend("qasm_simulator")`` ->
    ``BasicSimulator()`` and its import, at the import: only where every use of the name is
    that call (the statevector and unitary simulators have no ``BasicSimulator`` form: their
    one job becomes ``Statevector`` / ``Operator``, ``exact_states``); an import never used
    goes (as ruff's F401); a use through a star import or ``qiskit.BasicAer`` is fixed where
    it is."""
    source, module, statement = ctx.source, ctx.module, ctx.import_statement
    if not isinstance(node, ast.alias):
        return _basic_use(ctx, node)
    unused = drop_unused(ctx, node, name)
    if unused is not None or source is None or module is None or not isinstance(
            statement, ast.ImportFrom) or statement.module != "qiskit" or node.asname:
        return unused
    found = nodes(module)
    backends = [n for n in found.of(ast.Call) if isinstance(n.func, ast.Attribute) and isinstance(
        n.func.value, ast.Name) and n.func.value.id == node.name and n.func.attr ==
        "get_backend" and len(n.args) == 1 and not n.keywords and literal_text(n.args[0])]
    owners = {id(c.func.value) for c in backends if isinstance(c.func, ast.Attribute)}
    if any(n.id == node.name and id(n) not in owners for n in found.of(ast.Name)):
        return None
    exact = _exact_state(ctx, backends)
    calls = [c for c in backends if literal_text(c.args[0]) == "qasm_simulator"]
    if exact is not None or len(calls) < len(backends):
        return exact
    edits = [source.replace(call, "BasicSimulator()") for call in calls]
    line = f"from {BASIC_SIMULATOR} import BasicSimulator"
    if len(statement.names) == 1:
        edits.append(source.replace(statement, line))
    else:
        added = import_after(source, statement, line)
        if added is None:
            return None
        edits += [item_removal(source, statement.names, node, source.end(statement)), added]
    if binds(module, "BasicSimulator") and not imports_name(
            module, BASIC_SIMULATOR, "BasicSimulator"):
        return None
    return tuple(edits)
