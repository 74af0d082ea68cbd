"""Issue 23, the rest of the execution stack: what the messages say for each target, checked
against the installed qiskit 2.6.2, qiskit-ibm-runtime 0.51 and qiskit-aer 0.18 (facts that
fail the day a release changes them)."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Callable

import pytest

from flake8_qiskit_migrate.cli.rules_view import rules_table
from flake8_qiskit_migrate.engine import REGISTRY, Finding, check
from flake8_qiskit_migrate.registry import Settings

Targets = tuple[tuple[str, str], ...]


def findings(source: str, targets: Targets = ()) -> list[Finding]:
    return check(ast.parse(source), source, settings=Settings(targets=targets))


def messages(source: str, targets: Targets = ()) -> list[str]:
    return [finding.message for finding in findings(source, targets)]


# -- item 1: messages that were wrong ---------------------------------------------------------

QISKIT_1_FAKES = "from qiskit.providers.fake_provider import Fake5QV1\n"


def test_qiskit_1_v1_fakes_are_deprecated_not_removed_for_a_1_4_target() -> None:
    [message] = messages(QISKIT_1_FAKES, (("qiskit", "1.4.6"),))
    assert "[deprecated since qiskit 1.2.0]" in message and "removed" not in message
    [message] = messages(QISKIT_1_FAKES, (("qiskit", ">=2.0"),))
    assert "[removed in qiskit 2.0.0]" in message
    assert messages(QISKIT_1_FAKES, (("qiskit", "1.1.1"),)) == []
    [device] = messages("from qiskit.providers.fake_provider import FakeManila\n",
                        (("qiskit", "1.4.6"),))
    assert "[removed in qiskit 1.0.0]" in device


def test_qiskit_1_v1_fakes_are_gone_from_the_installed_qiskit() -> None:
    import qiskit
    import qiskit.providers.fake_provider as fakes
    from flake8_qiskit_migrate.rules.providers import QISKIT_1_V1_FAKES
    assert qiskit.__version__.startswith("2.")
    assert [name for name in QISKIT_1_V1_FAKES if hasattr(fakes, name)] == []


OPTIONS = "from qiskit_ibm_runtime import Options\n"


def test_options_message_says_what_the_name_means_in_the_target() -> None:
    [old] = messages(OPTIONS, (("qiskit-ibm-runtime", "0.25.0"),))
    assert "is the V1 options class" in old
    assert "[deprecated since qiskit-ibm-runtime 0.23.0]" in old
    [new] = messages(OPTIONS, (("qiskit-ibm-runtime", "0.51.0"),))
    assert "now means OptionsV2" in new and "is the V1 options class" not in new
    assert "[removed" not in new
    [unknown] = messages(OPTIONS)
    assert "up to 0.27" in unknown and "OptionsV2" in unknown


def test_installed_options_name_is_the_v2_base_class_without_v1_fields() -> None:
    import qiskit_ibm_runtime
    from qiskit_ibm_runtime.options import OptionsV2
    assert qiskit_ibm_runtime.Options is OptionsV2
    options = qiskit_ibm_runtime.Options()
    assert not any(hasattr(options, field) for field in (
        "optimization_level", "resilience_level", "execution", "transpilation"))
    assert not hasattr(qiskit_ibm_runtime.options, "Options")


def test_rules_table_shows_summaries_not_message_templates() -> None:
    table = rules_table()
    assert "{name}" not in table and "{replacement}" not in table
    assert "`qiskit.execute(...)`" in table


def test_server_side_advice_names_the_documented_client_side_classes() -> None:
    import qiskit_ibm_runtime.executor_estimator as executor_estimator
    import qiskit_ibm_runtime.executor_sampler as executor_sampler
    advice = {m.replacement for m in REGISTRY.names if m.code == "QKM601"}
    assert not {a for a in advice if a and a.endswith(("Sampler" + "V2", "Estimator" + "V2"))}
    # The fix imports SamplerV2 from executor_sampler: the same class as the advice.
    assert executor_sampler.SamplerV2 is executor_sampler.Sampler
    assert executor_estimator.EstimatorV2 is executor_estimator.Estimator


# -- item 2: QKM213, the V1 fakes of qiskit-ibm-runtime ---------------------------------------

def test_runtime_v1_fakes_are_gone_and_each_suggested_v2_fake_exists() -> None:
    import qiskit_ibm_runtime.fake_provider as fakes
    from qiskit_ibm_runtime.fake_provider.fake_backend import FakeBackendV2
    matches = [m for m in REGISTRY.names if m.code == "QKM213"]
    assert len(matches) == 45  # 40 device fakes, 3 without a V2, provider, base
    for match in matches:
        name = match.pattern.rpartition(".")[2]
        assert not hasattr(fakes, name), f"{name} is back in qiskit_ibm_runtime.fake_provider"
        suggested = match.replacement or ""
        if " " in suggested:  # no V2 snapshot of the device: the general advice
            assert name in ("FakeTenerife", "FakeTokyo", "FakeRueschlikon"), name
            continue
        module, _, cls = suggested.rpartition(".")
        assert module.startswith("qiskit_ibm_runtime.fake_provider")
        found = getattr(fakes, cls, None) or getattr(fakes.fake_backend, cls)
        assert isinstance(found, type) and issubclass(found, FakeBackendV2) or (
            cls == "FakeProviderForBackendV2"), suggested


def test_runtime_v1_fakes_are_gated_by_their_removal_release() -> None:
    source = "from qiskit_ibm_runtime.fake_provider import FakeManila, FakeTokyo\n"
    manila, tokyo = messages(source, (("qiskit-ibm-runtime", "==0.32.0"),))
    assert "[removed in qiskit-ibm-runtime 0.31.0]" in manila
    assert "[deprecated since qiskit-ibm-runtime 0.24.0]" in tokyo
    assert "FakeManilaV2" in manila
    assert messages(source, (("qiskit-ibm-runtime", "<0.24"),)) == []


# -- item 3: QKM111, the legacy Aer simulators; QKM103's advice on them -----------------------

def _pending(make: Callable[[], object]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make()
    return [str(w.message) for w in caught if w.category is PendingDeprecationWarning]


def test_legacy_aer_simulators_warn_pending_deprecation() -> None:
    import qiskit_aer
    from flake8_qiskit_migrate.rules.legacy_simulators import LEGACY_NAMES
    for cls in ("QasmSimulator", "StatevectorSimulator", "UnitarySimulator"):
        [message] = _pending(getattr(qiskit_aer, cls))
        assert "will be deprecated" in message and "AerSimulator" in message
    for name in LEGACY_NAMES:
        assert _pending(lambda: qiskit_aer.Aer.get_backend(name)), name
    assert _pending(qiskit_aer.AerSimulator) == []
    assert _pending(lambda: qiskit_aer.Aer.get_backend("aer_simulator_statevector")) == []


def test_statevector_and_unitary_advice_computes_what_the_legacy_simulators_did() -> None:
    import numpy as np
    from qiskit import QuantumCircuit
    from qiskit.quantum_info import Operator, Statevector
    from qiskit_aer import AerSimulator
    circuit = QuantumCircuit(2)
    circuit.h(0)
    circuit.cx(0, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        from qiskit_aer import StatevectorSimulator, UnitarySimulator
        legacy_state = StatevectorSimulator().run(circuit).result().get_statevector()
        legacy_unitary = UnitarySimulator().run(circuit).result().get_unitary()
    saved = circuit.copy()
    saved.save_statevector()
    state = AerSimulator(method="statevector").run(saved).result().get_statevector()
    assert Statevector(circuit).equiv(legacy_state) and Statevector(circuit).equiv(state)
    saved = circuit.copy()
    saved.save_unitary()
    unitary = AerSimulator(method="unitary").run(saved).result().get_unitary()
    assert np.allclose(Operator(circuit).data, np.asarray(legacy_unitary))
    assert np.allclose(Operator(circuit).data, np.asarray(unitary))


@pytest.mark.parametrize(("receiver", "advice"), [
    ('Aer.get_backend("statevector_simulator")', "qiskit.quantum_info.Statevector(circuit)"),
    ("StatevectorSimulator()", "qiskit.quantum_info.Statevector(circuit)"),
    ('Aer.get_backend("unitary_simulator")', "qiskit.quantum_info.Operator(circuit)"),
    ('AerSimulator(method="unitary")', "qiskit.quantum_info.Operator(circuit)"),
    ('Aer.get_backend("qasm_simulator")', "qiskit_aer.primitives.SamplerV2()"),
    ("AerSimulator()", "qiskit_aer.primitives.SamplerV2()"),
])
def test_backend_run_advice_fits_the_simulator(receiver: str, advice: str) -> None:
    source = ("from qiskit_aer import Aer, AerSimulator, StatevectorSimulator\n"
              f"sim = {receiver}\nsim.run(circuit)\n{receiver}.run(circuit)\n")
    runs = [f for f in findings(source) if f.code == "QKM103"]
    assert [f.line for f in runs] == [3, 4]
    for run in runs:
        remedy = run.rule.remedy(run.name, run.replacement)
        assert advice in remedy and ("SamplerV2" in remedy) == ("SamplerV2" in advice)


# -- item 4: QKM419 (transpiler keywords), QKM420 (the V1 option parts) -----------------------

def test_removed_transpiler_keywords_are_gone_and_their_homes_exist() -> None:
    import inspect

    from qiskit import transpile
    from qiskit.transpiler import Target, generate_preset_pass_manager
    from flake8_qiskit_migrate.rules.removed_keywords import REMOVED_KEYWORDS
    for function in (transpile, generate_preset_pass_manager):
        parameters = set(inspect.signature(function).parameters)
        assert parameters.isdisjoint(REMOVED_KEYWORDS), function
        assert {"backend", "target"} <= parameters
    homes = set(inspect.signature(Target.from_configuration).parameters)
    assert {"instruction_durations", "timing_constraints"} <= homes


def test_transpile_with_a_removed_keyword_raises() -> None:
    from qiskit import QuantumCircuit, transpile
    with pytest.raises(TypeError):
        transpile(QuantumCircuit(1), backend_properties=None)


def test_removed_transpiler_keywords_are_gated_on_qiskit() -> None:
    source = "from qiskit import transpile\ntranspile(c, inst_map=m)\n"
    [message] = messages(source, (("qiskit", "1.4.6"),))
    assert message.startswith("QKM419 'inst_map=' ")
    assert "[deprecated since qiskit 1.3.0]" in message
    assert messages(source, (("qiskit", "1.2.4"),)) == []


def test_v1_option_parts_are_gone_and_the_v2_classes_stay() -> None:
    import qiskit_ibm_runtime.options as options
    from qiskit_ibm_runtime.options import EstimatorOptions, SamplerOptions
    from qiskit_ibm_runtime.options_models import EstimatorOptions as ClientEstimatorOptions
    for name in ("ExecutionOptions", "TranspilationOptions", "ResilienceOptions"):
        assert not hasattr(options, name), name
    for still in ("SimulatorOptions", "EnvironmentOptions"):
        assert hasattr(options, still)
    assert messages(f"from qiskit_ibm_runtime.options import {still}\n") == []
    assert hasattr(SamplerOptions(), "default_shots") and hasattr(SamplerOptions(), "execution")
    assert {"init_qubits", "rep_delay"} <= set(vars(SamplerOptions().execution))
    assert hasattr(EstimatorOptions(), "resilience_level")
    assert ClientEstimatorOptions(default_shots=10).default_shots == 10


# -- item 5: QKM505, durations of the Runtime scheduling passes ------------------------------

def test_runtime_scheduling_takes_no_durations_and_shifts_a_positional_one() -> None:
    import inspect

    import qiskit_ibm_runtime.transpiler.passes.scheduling as scheduling
    from flake8_qiskit_migrate.rules.runtime_scheduling import PASSES
    assert not hasattr(scheduling, "DynamicCircuitInstructionDurations")
    assert not hasattr(scheduling.utils, "DynamicCircuitInstructionDurations")
    shifted = {"PadDynamicalDecoupling": "dd_sequences", "PadDelay": "fill_very_end"}
    for name, submodule in PASSES.items():
        cls = getattr(scheduling, name)
        assert cls is getattr(getattr(scheduling, submodule), name)
        signature = inspect.signature(cls.__init__)
        assert "durations" not in signature.parameters and "target" in signature.parameters
        first = signature.bind(None, "durations").arguments
        assert first[shifted.get(name, "block_ordering_callable")] == "durations", name


def test_runtime_scheduling_advice_names_the_shifted_parameter() -> None:
    source = ("from qiskit_ibm_runtime.transpiler.passes.scheduling import "
              "PadDynamicalDecoupling\nPadDynamicalDecoupling(durations, sequence)\n")
    [message] = messages(source, (("qiskit-ibm-runtime", "0.51.0"),))
    assert "[removed in qiskit-ibm-runtime 0.51.0]" in message
    assert "PadDynamicalDecoupling(dd_sequences=..., target=backend.target)" in message
    assert "taken as dd_sequences" in message
    assert messages(source, (("qiskit-ibm-runtime", "0.42.0"),)) == []


def test_rules_export_lists_the_message_for_a_removal_target() -> None:
    from flake8_qiskit_migrate.cli.rules_view import rule_json
    formats = rule_json(REGISTRY.rules["QKM407"])["message_formats"]
    assert len(formats) == 2 and "now means OptionsV2" in formats[1]
    assert len(rule_json(REGISTRY.rules["QKM101"])["message_formats"]) == 1


def test_command_says_the_target_status_in_every_format(tmp_path: Path) -> None:
    source = tmp_path / "fakes.py"
    source.write_text(QISKIT_1_FAKES)
    for output_format in ("concise", "full"):
        done = subprocess.run(
            [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--no-cache",
             "--target-qiskit", "1.4.6", "--output-format", output_format, str(source)],
            capture_output=True, text=True, cwd=tmp_path, check=False)
        assert done.returncode == 1, done.stderr
        assert "QKM211 'qiskit.providers.fake_provider.Fake5QV1' is a legacy fake backend of " \
               "Qiskit [deprecated since qiskit 1.2.0]" in done.stdout, output_format
