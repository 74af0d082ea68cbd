"""Every fact the rules state, checked against the installed qiskit, qiskit-ibm-runtime and
qiskit-aer (the test extra): replacements exist, old names are gone or warn, the "use instead"
snippets run on local simulators with the network blocked."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
import socket
import typing
import warnings
from typing import Any, Callable

import pytest
from qiskit import QuantumCircuit, transpile
from qiskit.primitives import PrimitiveResult, PubResult, StatevectorEstimator
from qiskit.primitives.backend_sampler_v2 import Options as BackendSamplerOptions
from qiskit.providers.fake_provider import GenericBackendV2
from qiskit.transpiler import generate_preset_pass_manager
from qiskit_aer import AerSimulator
from qiskit_aer.primitives import SamplerV2 as AerSamplerV2
from qiskit_ibm_runtime import runtime_job_v2
from qiskit_ibm_runtime import (Batch, EstimatorV2, IBMBackend, QiskitRuntimeService, SamplerV2,
                                Session)
from qiskit_ibm_runtime.exceptions import IBMBackendError, IBMInputValueError
from qiskit_ibm_runtime.fake_provider import FakeManilaV2, FakeSherbrooke
from qiskit_ibm_runtime.options import EstimatorOptions, SamplerOptions
from qiskit_ibm_runtime.options_models import EstimatorOptions as ClientEstimatorOptions
from qiskit_ibm_runtime.options_models import SamplerOptions as ClientSamplerOptions

from flake8_qiskit_migrate.engine import REGISTRY
from flake8_qiskit_migrate.rules.removed_keywords import REMOVED_KEYWORDS
from flake8_qiskit_migrate.rules.job_status import STRING_STATUSES
from flake8_qiskit_migrate.rules.run_options import RUN_OPTIONS, destination
from flake8_qiskit_migrate.rules.server_side_primitives import SERVER_SIDE_OPTIONS
from flake8_qiskit_migrate.snippets import snippets

CODES = [rule.code for rule in REGISTRY]
QUALIFIED = re.compile(r"\bqiskit(?:_[a-z]+)*(?:\.[A-Za-z_]\w*)+")


def resolve(path: str) -> Any:
    """The object a dotted path names, importing the longest importable module prefix."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            try:
                found = getattr(found, attr)
            except AttributeError:
                raise LookupError(path) from None
        return found
    raise LookupError(path)


def exists(path: str) -> bool:
    try:
        resolve(path)
    except LookupError:
        return False
    return True


# -- the new API -------------------------------------------------------------------------------

def suggested_names(code: str) -> set[str]:
    """Qualified names in everything a rule suggests: its replacement texts and new names."""
    texts = [REGISTRY.rules[code].replacement]
    texts += [m.replacement or "" for m in REGISTRY.names if m.code == code]
    texts += [c.replacement or "" for c in REGISTRY.calls if c.code == code]
    texts += [text for option_code, text in RUN_OPTIONS.values() if option_code == code]
    names = {name.rstrip(".") for text in texts for name in QUALIFIED.findall(text)}
    return names | set(REGISTRY.rules[code].new_names)


@pytest.mark.parametrize("code", CODES)
def test_every_suggested_name_exists_in_the_current_release(code: str) -> None:
    missing = sorted(name for name in suggested_names(code) if not exists(name))
    assert missing == []


@pytest.mark.parametrize("field", sorted({
    match for _, text in RUN_OPTIONS.values()
    for match in re.findall(r"options\.((?:\w+\.)*\w+)", text)}))
def test_every_suggested_option_field_exists(field: str) -> None:
    owner: Any = SamplerOptions()
    for attr in field.split("."):
        assert hasattr(owner, attr), field
        owner = getattr(owner, attr)


# -- the old API -------------------------------------------------------------------------------

# Old names that the current releases still provide without a warning, and why that is right.
STILL_PROVIDED = {
    "qiskit.primitives.BaseSamplerV1": "kept in Qiskit 2.x as the legacy V1 base class",
    "qiskit.primitives.BaseEstimatorV1": "kept in Qiskit 2.x as the legacy V1 base class",
    **dict.fromkeys((f"qiskit.primitives.base.{module}BaseSamplerV1"
                     for module in ("", "base_sampler.")), "the same class by its module"),
    **dict.fromkeys((f"qiskit.primitives.base.{module}BaseEstimatorV1"
                     for module in ("", "base_estimator.")), "the same class by its module"),
    "qiskit_ibm_runtime.Options": "the name now means the V2 options base class (OptionsV2)",
    "qiskit_ibm_runtime.options.SamplerOptions": "the server-side primitives' options class: "
    "it does not warn, the client-side primitives take options_models.SamplerOptions",
    "qiskit_ibm_runtime.options.EstimatorOptions": "likewise, for options_models.EstimatorOptions",
}


def old_names(code: str) -> list[str]:
    """The names and call paths a rule matches, without call markers."""
    names = [m.pattern.removesuffix(".*") for m in REGISTRY.names if m.code == code]
    names += [c.path.replace("()", "") for c in REGISTRY.calls if c.code == code]
    return names


def _warns_or_absent(name: str) -> str:
    if name.endswith("*"):
        module, _, prefix = name.rstrip("*").rpartition(".")
        provided = any(attr.startswith(prefix) for attr in dir(resolve(module)))
        return "present" if provided else "absent"
    try:
        found = resolve(name)
    except LookupError:
        return "absent"
    if inspect.isclass(found):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                found()
            except Exception:  # a constructor that needs arguments still warns first
                pass
        if any(issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))
               for w in caught):
            return "deprecated"
    return "present"


@pytest.mark.parametrize("code", [c for c in CODES if old_names(c)])
def test_old_names_are_gone_or_deprecated(code: str) -> None:
    rule = REGISTRY.rules[code]
    for name in old_names(code):
        state = _warns_or_absent(name)
        if state == "absent":
            assert rule.removed_in, f"{name} is gone: the registry must say since when"
        elif state == "present":
            assert name in STILL_PROVIDED, f"{name} exists and does not warn"


def _raises(call: Callable[[], object], error: type[BaseException]) -> bool:
    try:
        call()
    except error:
        return True
    return False


def _parameters(function: Callable[..., object]) -> set[str]:
    return set(inspect.signature(function).parameters)


def _transpiler_homes() -> bool:
    """Every transpiler option QKM416 sends to generate_preset_pass_manager / transpile is a
    parameter there."""
    preset, transpile_ = _parameters(generate_preset_pass_manager), _parameters(transpile)
    for keyword, (code, home) in RUN_OPTIONS.items():
        if code == "QKM416" and home.startswith("generate_preset_pass_manager(" + keyword):
            assert keyword in preset, keyword
        elif code == "QKM416" and home.startswith("transpile("):
            assert keyword in transpile_, keyword
    return True


def _simulator_homes() -> bool:
    """Every option of the installed AerSimulator has a specific home (never the generic
    QKM418), and Aer's V2 primitives take them as ``backend_options`` (and ``seed=``)."""
    aer_options = list(vars(AerSimulator._default_options()))
    generic = sorted(name for name in aer_options if destination(name)[0] == "QKM418")
    assert generic == []
    assert {"seed", "options"} <= _parameters(AerSamplerV2.__init__)
    sampler = AerSamplerV2(options={"backend_options": {"method": "statevector"}})
    return bool(sampler.options.backend_options["method"] == "statevector")


def _server_side_options_have_no_client_side_home() -> bool:
    """Every QKM602 option path exists in a server-side options class and in no client-side
    options model."""
    def has(owner: Any, path: str) -> bool:
        for attr in path.split("."):
            if not hasattr(owner, attr):
                return False
            owner = getattr(owner, attr)
        return True
    for path in SERVER_SIDE_OPTIONS:
        assert has(SamplerOptions(), path) or has(EstimatorOptions(), path), path
        assert not has(ClientSamplerOptions(), path), path
        assert not has(ClientEstimatorOptions(), path), path
    return True


def _non_isa_circuits_rejected() -> bool:
    """Before submitting, the client checks that each circuit is an ISA circuit of a backend
    that has a target and is no simulator (``utils/validations.py``): a fake backend's too."""
    circuit = QuantumCircuit(2)
    circuit.h(0)
    circuit.measure_all()
    return _raises(lambda: SamplerV2(mode=FakeSherbrooke()).run([circuit]), IBMInputValueError)


# Rules about *usage* (keywords, call shapes, fields): the fact each one states.
SAMPLER = _parameters(SamplerV2.__init__)
ESTIMATOR = _parameters(EstimatorV2.__init__)
USAGE_FACTS: dict[str, Callable[[], bool]] = {
    "QKM102": lambda: _raises(lambda: IBMBackend.run(None), IBMBackendError),
    "QKM105": lambda: not hasattr(IBMBackend, "open_session"),
    "QKM110": lambda: not exists("qiskit.primitives.BackendSampler"),
    "QKM307": lambda: _parameters(SamplerV2.run) == {"self", "pubs", "shots", "dry_run"}
    and _parameters(EstimatorV2.run) == {"self", "pubs", "precision", "dry_run"},
    "QKM308": lambda: not hasattr(PrimitiveResult, "quasi_dists"),
    "QKM310": lambda: not any(hasattr(cls, field) for cls in (PrimitiveResult, PubResult)
                              for field in ("get_counts", "get_memory", "values")),
    "QKM320": _non_isa_circuits_rejected,
    "QKM309": lambda: "parameter_values" not in _parameters(SamplerV2.run)
    | _parameters(EstimatorV2.run) | _parameters(StatevectorEstimator.run),
    "QKM416": _transpiler_homes,
    "QKM419": lambda: (_parameters(transpile) | _parameters(generate_preset_pass_manager)
                       ).isdisjoint(REMOVED_KEYWORDS),
    "QKM707": lambda: not hasattr(GenericBackendV2(2), "configuration")
    and isinstance(AerSimulator().name, str),
    "QKM709": lambda: typing.get_args(runtime_job_v2.JobStatus) == STRING_STATUSES,
    "QKM708": lambda: not hasattr(FakeManilaV2(), "defaults")
    and not hasattr(FakeManilaV2(), "max_shots"),
    "QKM602": _server_side_options_have_no_client_side_home,
    "QKM417": _simulator_homes,
    "QKM418": lambda: "run_options" in {f.name for f in dataclasses.fields(BackendSamplerOptions)},
    "QKM408": lambda: not hasattr(SamplerOptions().execution, "shots")
    and hasattr(SamplerOptions(), "default_shots"),
    "QKM409": lambda: not hasattr(EstimatorOptions(), "optimization_level")
    and not hasattr(SamplerOptions(), "transpilation"),
    "QKM410": lambda: not hasattr(EstimatorOptions().resilience, "noise_factors")
    and hasattr(EstimatorOptions().resilience.zne, "noise_factors")
    and not hasattr(SamplerOptions(), "resilience_level"),
    "QKM411": lambda: not hasattr(SamplerV2, "set_options")
    and not hasattr(EstimatorV2, "set_options"),
    "QKM412": lambda: "session" not in SAMPLER | ESTIMATOR,
    "QKM413": lambda: "backend" not in SAMPLER | ESTIMATOR,
    "QKM414": lambda: "service" not in _parameters(Session.__init__) | _parameters(Batch.__init__),
    "QKM501": lambda: _raises(
        lambda: QiskitRuntimeService(channel="ibm_quantum", token="x" * 44),  # noqa: QKM501
        ValueError),
}
# Rules whose facts cannot be shown by the installed packages, and why.
UNPROVABLE = {
    "QKM103": "a recommendation: backend.run on Aer and other backends is still supported",
    "QKM104": "a heuristic over QKM102/QKM103",
    "QKM401": "run options: proven removed for IBM backends by QKM102; still valid on Aer",
    "QKM402": "run options: proven removed for IBM backends by QKM102; still valid on Aer",
    "QKM403": "run options: proven removed for IBM backends by QKM102",
    "QKM404": "run options: proven removed for IBM backends by QKM102",
    "QKM405": "run options: proven removed for IBM backends by QKM102; still valid on Aer",
    "QKM406": "run options: proven removed for IBM backends by QKM102",
    "QKM415": "Session(backend='name') fails only when talking to the service",
    "QKM502": "instance strings are checked by the service, not the client",
    "QKM504": "the cloud simulators were retired on the service side",
}


def test_every_rule_has_its_facts_checked_or_explained() -> None:
    covered = {c for c in CODES if old_names(c)} | set(USAGE_FACTS) | set(UNPROVABLE)
    assert sorted(set(CODES) - covered) == []


@pytest.mark.parametrize("code", sorted(USAGE_FACTS))
def test_usage_fact(code: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert USAGE_FACTS[code]()


# -- the "use instead" snippets ----------------------------------------------------------------

@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted by a 'use instead' snippet")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("code", CODES)
def test_use_instead_runs_on_local_simulators(code: str) -> None:
    _, use_instead = snippets(code)
    with warnings.catch_warnings():
        # qiskit-ibm-runtime 0.50+ deprecates SamplerV2/EstimatorV2 in favour of its executor
        # primitives; the migration guides still teach them, so the warning is expected here.
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        warnings.filterwarnings("ignore", category=UserWarning)
        exec(compile(use_instead, f"{code}.py", "exec"), {"__name__": "__snippet__"})


# -- the 0.50 client-side primitives ----------------------------------------------------------

def _deprecation_message(cls: Any) -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            cls()
        except Exception:  # constructors that need a mode still warn first
            pass
    return " ".join(str(w.message) for w in caught if issubclass(w.category, DeprecationWarning))


@pytest.mark.parametrize("code", [rule.code for rule in REGISTRY if rule.opt_in])
def test_opt_in_rules_warn_since_their_release(code: str) -> None:
    """The classes an opt-in rule reports warn, naming the release its gate uses."""
    rule = REGISTRY.rules[code]
    assert rule.releases is not None
    classes = [resolve(name) for name in old_names(code) if name not in STILL_PROVIDED]
    classes = [found for found in classes if inspect.isclass(found)]
    for found in classes:
        assert f"as of qiskit-ibm-runtime {rule.releases.deprecated}" in _deprecation_message(found)


def test_top_level_names_still_alias_the_server_side_classes() -> None:
    """QKM601 reports ``qiskit_ibm_runtime.Sampler``/``Estimator`` while they alias the
    deprecated classes; when a release repoints them, the rule must stop reporting them."""
    import qiskit_ibm_runtime
    assert qiskit_ibm_runtime.Sampler is qiskit_ibm_runtime.SamplerV2
    assert qiskit_ibm_runtime.Estimator is qiskit_ibm_runtime.EstimatorV2


@pytest.mark.parametrize("successor", REGISTRY.successors, ids=lambda s: s.old)
def test_successors_exist_from_their_release(successor: Any) -> None:
    assert exists(successor.new)
    old = resolve(successor.old)
    if old.__name__.endswith(("SamplerV2", "EstimatorV2")):
        assert f"as of qiskit-ibm-runtime {successor.releases.deprecated}" in (
            _deprecation_message(old))


# -- moved modules: the message names the exact new import ------------------------------------

def test_the_fake_backend_table_is_the_installed_one() -> None:
    import qiskit_ibm_runtime.fake_provider as fakes
    from flake8_qiskit_migrate.rules.providers import RUNTIME_FAKES
    assert RUNTIME_FAKES == {name for name in dir(fakes) if name.startswith("Fake")}


def _moved_findings() -> list[Any]:
    import ast
    from pathlib import Path

    from flake8_qiskit_migrate.engine import check
    tests = Path(__file__).parent
    found = []
    for path in [*tests.glob("fixtures/*.py"), *tests.glob("corpus/*.py")]:
        source = path.read_text()
        found += [f for f in check(ast.parse(source), source)
                  if REGISTRY.rules[f.code].reported_at == "import"]
    return found


def test_every_moved_name_suggested_on_the_fixtures_exists() -> None:
    found = _moved_findings()
    assert len(found) > 20
    suggested = {f.replacement for f in found if f.replacement and " " not in f.replacement}
    missing = sorted(name for name in suggested if not exists(name))
    assert missing == [] and "qiskit_aer.noise.NoiseModel" in suggested
    assert "qiskit_ibm_runtime.fake_provider.FakeVigoV2" in suggested
