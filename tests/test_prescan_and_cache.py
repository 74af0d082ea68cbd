"""The token prescan finds exactly what the full check finds, and the result cache returns what
a cold run computes, survives corruption, concurrent runs and version changes."""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from helpers import command

from flake8_qiskit_migrate.core.cache import DEFAULT_NAME, TAG
from flake8_qiskit_migrate.engine import check
from flake8_qiskit_migrate.packages import package_of
from flake8_qiskit_migrate.prescan import (conditions, may_find, names_in, origin,
                                           trigger_words, ways)
from flake8_qiskit_migrate.registry import REGISTRY, Settings

HERE = Path(__file__).parent
EVERYTHING = Settings(explicit=("QKM6",))  # the opt-in family too


def _trees() -> list[Path]:
    roots = [Path(importlib.util.find_spec(name).origin).parent  # type: ignore[union-attr,arg-type]
             for name in ("qiskit", "qiskit_ibm_runtime", "qiskit_aer")]
    return [*roots, Path(sysconfig.get_paths()["stdlib"]), HERE / "fixtures", HERE / "corpus",
            HERE.parent / "examples"]


@pytest.mark.slow
@pytest.mark.parametrize("root", _trees(), ids=lambda p: p.name)
def test_prescan_rules_out_only_modules_without_findings(root: Path) -> None:
    """Whole installed trees, the stdlib and every fixture: a module the prescan rules out gives
    no finding when parsed and checked in full, so findings with and without it are the same."""
    ruled_out = checked = 0
    for path in root.rglob("*.py"):
        try:
            source = path.read_text(encoding="utf-8")
            tree = ast.parse(source)
        except (UnicodeDecodeError, SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        checked += 1
        package = lambda path=path: package_of(str(path))  # noqa: E731
        if not may_find(source, package):
            ruled_out += 1
            assert check(tree, source, package, EVERYTHING, prescanned=True) == [], path
    assert checked > 0 and (ruled_out > 0 or root.name in ("corpus", "examples"))


def test_trigger_words_come_from_the_registry() -> None:
    words = trigger_words()
    assert {"IBMQ", "execute", "quasi_dists", "aer", "Fake*", "Session", "open_session"} <= words
    # Values are reached through the name they start from; hooks that declare the values they
    # report on need those names, not their own key.
    assert {"QiskitRuntimeService", "AerSimulator", "get_backend", "StatevectorSampler",
            "SamplerResult"} <= words
    assert not {"run", "values", "metadata", "shots", "set_options", "backend"} & words
    assert all(word.rstrip("*").isidentifier() for word in words)
    assert conditions() == {("run", "backend_names"), ("run", "primitive_names")}
    # Adding a rule adds its words: a registry of one name match gives that name's last part.
    from flake8_qiskit_migrate.registry import Registry, Rule, RuleDoc
    registry = Registry()
    registry.add(Rule("QKM699", "x-y", "m", "f", "r", "u", RuleDoc("w", "y")))
    registry.match_names("QKM699", "qiskit.some.module.*", "qiskit.NewThing")
    assert trigger_words(registry) == {"module", "NewThing"}
    # A hook on any receiver needs its key; one on declared values needs their origins.
    registry.on_method("submit")(lambda ctx, call, path: None)
    registry.on_attribute("counts", values=("qiskit.Thing().result()",))(
        lambda ctx, node, path: None)
    registry.on_method("go", by_name="backend_names")(lambda ctx, call, path: None)
    assert trigger_words(registry) == {"module", "NewThing", "submit", "Thing"}
    assert conditions(registry) == {("go", "backend_names")}
    with pytest.raises(ValueError, match="no setting"):
        registry.on_method("go", by_name="nonsense")


def test_ways_follow_known_values_and_need_every_name_spelled() -> None:
    """A hook on ``AerSimulator()`` runs is reached by ``Aer.get_backend(...)`` too; every way
    needs all the names of its path, the hook's key included."""
    found = ways()
    assert ("get_backend", frozenset({"qiskit", "Aer", "get_backend", "run"})) in found
    assert ("AerSimulator", frozenset({"qiskit_aer", "AerSimulator", "run"})) in found
    assert ("IBMQ", frozenset({"qiskit", "IBMQ"})) in found
    # A module naming the anchor but not the rest of its way is not parsed.
    assert not may_find("import qiskit\nfrom mylib import AerSimulator\nAerSimulator().run(c)\n")
    assert may_find("from qiskit_aer import AerSimulator\nAerSimulator().run(c)\n")
    assert may_find("from qiskit import Aer\nb = Aer.get_backend('qasm_simulator')\nb.run(c)\n")
    # Prefix anchors: ``Fake*`` is held by any name starting so.
    assert may_find("from qiskit.providers.fake_provider import FakeVigo\n")
    assert not may_find("import qiskit\nclass FakeVigo: pass\n")


def test_names_in_splits_on_everything_but_name_characters() -> None:
    assert names_in("a.b(c_d, 'e-f') # g\nNoiß = 1") == {
        b"a", b"b", b"c_d", b"e", b"f", b"g", "Noiß".encode(), b"1"}


def test_origin_of_a_path() -> None:
    assert origin("qiskit_ibm_runtime.QiskitRuntimeService().backend()") == "QiskitRuntimeService"
    assert origin("qiskit.providers.aer.*") == "aer"
    assert origin("qiskit.providers.fake_provider.Fake*()") == "Fake*"
    assert origin("qiskit_ibm_runtime.IBMBackend().run().result()") == "IBMBackend"
    assert origin("qiskit.execute") == "execute"


def test_prescan_by_name_heuristics_need_the_key_and_a_name() -> None:
    """QKM104 and QKM309 go by the receiver's name: a module needs ``run`` and one of the
    setting's words as a snake_case word of some identifier, in any case."""
    assert may_find("import qiskit\nself._Backend.run(qc)\n")
    assert may_find("import qiskit\naer_sim.run(qc)\n")
    assert not may_find("import qiskit\nmybackend.run(qc)\n")  # not a snake_case word
    assert not may_find("import qiskit\nbackend.running(qc)\n")
    assert not may_find("import qiskit\nx = runtime_backend\n")
    assert may_find("import qiskit\nmodel.run(qc, params)\n",
                    settings=Settings(primitive_names=frozenset({"model"})))
    assert not may_find("import qiskit\nmodel.run(qc, params)\n")
    # The name is the one right before ``.run``, past parentheses, line breaks and comments.
    assert may_find("import qiskit\n(backend  # the device\n ).run(qc)\n")
    assert may_find("import qiskit\nx = (aer_sim\n     .run(qc))\n")
    assert may_find("import qiskit\nx = (backend.\n     # go\n     run(qc))\n")
    assert not may_find("import qiskit\nbackend[0].run(qc)\nbackend.client.run(qc)\n")
    # Comments full of ``#`` after a dot cost one pass, not one per way to split them.
    assert not may_find("import qiskit\nx = 1.  # " + "#" * 60 + "\nbackend = 2\nrun = 3\n")


def test_prescan_corners_relative_imports_and_star_imports(tmp_path: Path) -> None:
    """Inside a package named like a Qiskit root, relative imports reach Qiskit names without
    spelling ``qiskit``; star imports bind names that are spelled where they are used."""
    package = tmp_path / "qiskit" / "providers"
    package.mkdir(parents=True)
    for folder in (tmp_path / "qiskit", package):
        (folder / "__init__.py").write_text("")
    module = package / "mine.py"
    module.write_text("from .aer import AerSimulator\n")
    source = module.read_text()
    inside = lambda: package_of(str(module))  # noqa: E731
    found = check(ast.parse(source), source, inside)
    assert may_find(source, inside) and [f.code for f in found] == ["QKM210"]
    assert not may_find(source)  # the same text outside such a package reaches nothing
    star = "from qiskit import *\nexecute(circuit, backend)\n"
    assert may_find(star) and "QKM101" in {f.code for f in check(ast.parse(star), star)}
    assert not may_find("from qiskit import *\nx = QuantumCircuit(2)\n")


# -- the result cache ---------------------------------------------------------------------------

LEGACY = "from qiskit import execute\njob = execute(qc, backend, shots=10)\n"


def json_run(tmp_path: Path, *extra: str) -> list[dict[str, object]]:
    result = command("check", "--output-format", "json", *extra, cwd=tmp_path)
    return list(json.loads(result.stdout))


def entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and p.parent.parent.parent == folder]


def test_warm_run_returns_the_cold_findings_from_the_cache(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "clean.py").write_text("x = 1\n")
    cold = json_run(tmp_path)
    cache = tmp_path / DEFAULT_NAME
    assert (cache / ".gitignore").read_text() == "*\n"
    assert (cache / "CACHEDIR.TAG").read_text() == TAG
    assert len(entries(cache)) == 2  # one per file, findings or none
    assert json_run(tmp_path) == cold
    assert json_run(tmp_path, "--no-cache") == cold


def test_corrupt_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    cold = json_run(tmp_path)
    for entry in entries(tmp_path / DEFAULT_NAME):
        entry.write_bytes(b"\x00not json{")
    assert json_run(tmp_path) == cold
    for entry in entries(tmp_path / DEFAULT_NAME):
        entry.write_text('[[1, 2, "QKM999"]]')  # well-formed JSON, not our record
    assert json_run(tmp_path) == cold
    rewritten = entries(tmp_path / DEFAULT_NAME)
    assert all(json.loads(e.read_text())[0][2] == "QKM101" for e in rewritten)


def test_another_version_or_setting_does_not_reuse_entries(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    json_run(tmp_path)
    cache = tmp_path / DEFAULT_NAME
    foreign = cache / "0.0.1-2" / "ab"
    foreign.mkdir(parents=True)
    (foreign / ("ab" + "0" * 62)).write_text("[]")
    (foreign.parent / "CACHEDIR.TAG").write_text(TAG)  # as each version folder of ours has
    targeted = json_run(tmp_path, "--target-qiskit", "0.45")
    assert targeted == []  # execute was not deprecated yet: a new settings key, not the old entry
    assert not foreign.parent.exists()  # another version's cache is removed when writing


def test_fix_invalidates_what_it_rewrote(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        "from qiskit_ibm_runtime import SamplerV2\nSamplerV2(session=s)\n")
    assert [d["code"] for d in json_run(tmp_path)] == ["QKM412"]
    command("check", "--fix", "a.py", cwd=tmp_path)
    assert json_run(tmp_path) == []


def test_concurrent_runs_share_the_cache(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"m{i}.py").write_text(LEGACY.replace("shots=10", f"shots={i}"))
    base = [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--quiet", "-j", "2",
            "--output-format", "json", "."]
    runs = [subprocess.Popen(base, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(b"Traceback" not in err for _, err in outputs)
    reports = [json.loads(out) for out, _ in outputs]
    assert reports[0] == reports[1] == reports[2] and len(reports[0]) == 120
    assert not list((tmp_path / DEFAULT_NAME).rglob(".tmp-*"))


def test_cache_dir_option_environment_and_clean(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEGACY)
    json_run(tmp_path, "--cache-dir", "elsewhere")
    assert (tmp_path / "elsewhere" / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / DEFAULT_NAME).exists()
    environment = subprocess.run(
        [sys.executable, "-m", "flake8_qiskit_migrate", "check", "--quiet", "a.py"],
        cwd=tmp_path, capture_output=True, check=False,
        env={**__import__("os").environ, "FLAKE8_QISKIT_MIGRATE_CACHE_DIR": str(tmp_path / "env")})
    assert environment.returncode == 1 and (tmp_path / "env" / "CACHEDIR.TAG").is_file()
    assert command("clean", "--cache-dir", "elsewhere", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "elsewhere").exists()
    (tmp_path / "not-a-cache").mkdir()
    command("clean", "--cache-dir", "not-a-cache", cwd=tmp_path)
    assert (tmp_path / "not-a-cache").is_dir()  # only a folder with our tag is removed


def test_cache_is_bounded(tmp_path: Path) -> None:
    from flake8_qiskit_migrate.core.cache import Cache
    from flake8_qiskit_migrate.engine import Finding
    cache = Cache(tmp_path / "cache", Settings())
    finding = Finding(1, 0, "QKM101", "qiskit.execute" * 50)
    for i in range(60):
        cache.store(cache.key(f"x = {i}\n", None), [finding] * 10)
    total = sum(p.stat().st_size for p in entries(tmp_path / "cache"))
    cache.prune(limit=total // 2)
    assert sum(p.stat().st_size for p in entries(tmp_path / "cache")) <= total // 2 * 3 // 4
    assert REGISTRY.rules["QKM101"]


def test_unchanged_files_without_findings_are_not_even_read(tmp_path: Path) -> None:
    """The manifest trusts size and mtime for files that reported nothing (as ruff's cache
    does), per selection and settings."""
    import os
    clean, legacy = "y = 'aaaaaaaaaaaaaaaaa'\n", "from qiskit import IBMQ\n"
    assert len(clean) == len(legacy)
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "clean.py").write_text(clean)
    cold = json_run(tmp_path)
    manifests = list((tmp_path / DEFAULT_NAME).rglob("clean-*"))
    assert len(manifests) == 1
    assert set(json.loads(manifests[0].read_text())) == {str(tmp_path / "clean.py")}
    stat = (tmp_path / "clean.py").stat()
    (tmp_path / "clean.py").write_text(legacy)  # same size; then the old mtime back
    os.utime(tmp_path / "clean.py", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert json_run(tmp_path) == cold  # not read: size and mtime say unchanged
    os.utime(tmp_path / "clean.py")  # a real edit moves the mtime
    assert {d["code"] for d in json_run(tmp_path)} == {"QKM101", "QKM401", "QKM203"}
    ignoring = json_run(tmp_path, "--ignore", "QKM2")  # another selection, another manifest
    assert "QKM203" not in {d["code"] for d in ignoring}
    assert "QKM203" in {d["code"] for d in json_run(tmp_path)}
