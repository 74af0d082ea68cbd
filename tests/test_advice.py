"""Advice follows the targeted releases (qiskit-ibm-runtime 0.50 replaced the recommended
SamplerV2/EstimatorV2), and the opt-in QKM6xx family is gated by the target or an explicit
selection, through the engine, the command and flake8."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate.advice import advise
from flake8_qiskit_migrate.engine import REGISTRY, Finding, check
from flake8_qiskit_migrate.registry import Settings
from flake8_qiskit_migrate.snippets import snippets

OLD_RUNTIME = (("qiskit-ibm-runtime", "==0.45.0"),)
NEW_RUNTIME = (("qiskit-ibm-runtime", ">=0.49"),)
NOTE = "(before qiskit-ibm-runtime 0.50: "


def findings(source: str, targets: tuple[tuple[str, str], ...], code: str) -> list[Finding]:
    found = check(ast.parse(source), source, settings=Settings(targets=targets))
    return [f for f in found if f.code == code]


def depends_on_target(code: str) -> bool:
    """Whether the rule's remedy for its own example names a superseded API."""
    example, _ = snippets(code)
    return any(NOTE in f.text for f in findings(example, (), code))


DEPENDENT = [rule.code for rule in REGISTRY if depends_on_target(rule.code)]


def test_the_runtime_primitive_advice_depends_on_the_target() -> None:
    assert {"QKM101", "QKM102", "QKM105", "QKM305", "QKM306", "QKM407"} <= set(DEPENDENT)


@pytest.mark.parametrize("code", DEPENDENT)
def test_advice_under_old_new_and_unknown_targets(code: str) -> None:
    example, _ = snippets(code)
    unknown = findings(example, (), code)[0].text
    new = findings(example, NEW_RUNTIME, code)[0].text
    old = findings(example, OLD_RUNTIME, code)
    for text in (unknown, new):
        assert "executor_sampler.Sampler" in text or "executor_estimator.Estimator" in text or (
            "options_models." in text)
        assert NOTE + "qiskit_ibm_runtime." in text  # the older name is mentioned
    for finding in old:  # a rule the old target does not deprecate yet is simply not reported
        assert "executor_" not in finding.text and "options_models" not in finding.text
        assert NOTE not in finding.text
        assert "qiskit_ibm_runtime.SamplerV2" in finding.text or (
            "qiskit_ibm_runtime.EstimatorV2" in finding.text) or (
            "qiskit_ibm_runtime.options." in finding.text)


@pytest.mark.parametrize("code", [r.code for r in REGISTRY if r.code not in DEPENDENT])
def test_other_advice_is_the_same_for_every_target(code: str) -> None:
    example, _ = snippets(code)
    unknown, new = ({(f.line, f.col): f.rule.remedy(f.name, f.replacement)
                     for f in findings(example, targets, code)} for targets in ((), NEW_RUNTIME))
    assert all(new[at] == remedy for at, remedy in unknown.items() if at in new)


def test_advise_names_each_successor_once_and_keeps_other_primitives() -> None:
    text = ("qiskit_ibm_runtime.SamplerV2 or qiskit_ibm_runtime.EstimatorV2, "
            "qiskit_aer.primitives.SamplerV2, qiskit_ibm_runtime.SamplerV2Extra")
    assert advise(text, ()) == (
        "qiskit_ibm_runtime.executor_sampler.Sampler or "
        "qiskit_ibm_runtime.executor_estimator.Estimator, qiskit_aer.primitives.SamplerV2, "
        "qiskit_ibm_runtime.SamplerV2Extra (before qiskit-ibm-runtime 0.50: "
        "qiskit_ibm_runtime.SamplerV2, qiskit_ibm_runtime.EstimatorV2)")
    assert advise(text, OLD_RUNTIME) == text
    assert advise("qiskit.primitives.BackendSamplerV2", ()) == "qiskit.primitives.BackendSamplerV2"


LEGACY = ("from qiskit_ibm_runtime import SamplerV2\n"
          "SamplerV2(mode=backend, options={'seed_estimator': 1})\n")
OPT_IN = [rule.code for rule in REGISTRY if rule.opt_in]


def codes(settings: Settings) -> set[str]:
    return {f.code for f in check(ast.parse(LEGACY), LEGACY, settings=settings)}


def test_opt_in_family_is_off_without_a_target_and_on_with_one() -> None:
    assert OPT_IN == ["QKM601", "QKM602", "QKM603"]
    assert codes(Settings()) == set()
    assert codes(Settings(explicit=("QKM",))) == set()  # the plugin's prefix is not a choice
    assert codes(Settings(targets=OLD_RUNTIME)) == set()
    assert codes(Settings(targets=OLD_RUNTIME, explicit=("QKM6",))) == set()  # wrong there
    assert codes(Settings(targets=NEW_RUNTIME)) == {"QKM601", "QKM602"}
    assert codes(Settings(explicit=("QKM6",))) == {"QKM601", "QKM602"}
    assert codes(Settings(explicit=("QKM601",))) == {"QKM601"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          check=False)


def test_command_line_turns_the_family_on(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    command = ["-m", "flake8_qiskit_migrate", "check", "--quiet", "a.py"]
    assert run(*command, cwd=tmp_path).stdout == ""
    selected = run(*command, "--extend-select", "QKM6", cwd=tmp_path).stdout
    assert "QKM601" in selected and "QKM602" in selected
    targeted = run(*command, "--target-runtime", "0.51.0", cwd=tmp_path).stdout
    assert "QKM601" in targeted and "[deprecated since qiskit-ibm-runtime 0.50.0]" in targeted
    (tmp_path / "requirements.txt").write_text("qiskit-ibm-runtime>=0.50\n")
    assert "QKM601" in run(*command, cwd=tmp_path).stdout


def test_flake8_turns_the_family_on(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    flake8 = ["-m", "flake8", "--select", "QKM", "a.py"]
    assert run(*flake8, cwd=tmp_path).stdout == ""
    selected = run(*flake8, "--extend-select", "QKM6", cwd=tmp_path).stdout
    assert "QKM601" in selected and "QKM602" in selected
    targeted = run(*flake8, "--qkm-target-runtime", ">=0.50", cwd=tmp_path).stdout
    assert "QKM601" in targeted
