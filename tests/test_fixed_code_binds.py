"""What a fix writes exists in the installed packages and binds to their current signatures
(issue 22, "IBM-hardware programs"): no network is needed to know that fixed hardware code would
at least start.

Every program that carries fixes (the rule examples, the fixtures, the corpora, the examples and
the migration programs) is fixed with ``--fix --unsafe-fixes`` in a copy; on the lines a fix
wrote, every ``qiskit*`` name imported must exist, and every call of a ``qiskit*`` callable (a
constructor, a function, a method of an object such a constructor returned) must bind to its
signature with the arguments written there (``inspect.signature(...).bind``). Generic: an AST walk
over the fixed code, nothing per example.
"""

from __future__ import annotations

import ast
import difflib
import importlib
import inspect
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from flake8_qiskit_migrate.engine import REGISTRY
from flake8_qiskit_migrate.snippets import snippets
from helpers import command

TESTS = Path(__file__).parent
SOURCES = [*sorted((TESTS / "fixtures").glob("*.py")), *sorted((TESTS / "corpus").glob("*.py")),
           *sorted((TESTS.parent / "examples").glob("*.py")),
           *sorted((TESTS / "migrations").glob("m[0-9]*.py"))]
MISSING = object()


def resolve(dotted: str) -> Any:
    """The installed object named DOTTED (a module or an attribute path), or MISSING. As
    ``from package import name`` does, a package's attribute comes before its submodule of the
    same name (``preset_passmanagers.generate_preset_pass_manager`` is a function there)."""
    parts = dotted.split(".")
    for cut in [*range(len(parts) - 1, 0, -1), len(parts)]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            found = getattr(found, attribute, MISSING)
            if found is MISSING:
                break
        else:
            return found
    return MISSING


class Names(ast.NodeVisitor):
    """What the names of a module stand for: imported ``qiskit*`` names, and variables holding an
    object a ``qiskit*`` class constructed (the last assignment wins: programs are small)."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # local name -> dotted qiskit name
        self.instances: dict[str, str] = {}  # variable -> dotted class it was constructed from

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0].startswith("qiskit"):
                self.names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module and node.module.split(".")[0].startswith("qiskit"):
            for alias in node.names:
                self.names[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        made = self.dotted(node.value.func) if isinstance(node.value, ast.Call) else None
        for target in node.targets:
            if isinstance(target, ast.Name):
                if made is not None and inspect.isclass(resolve(made)):
                    self.instances[target.id] = made
                else:
                    self.instances.pop(target.id, None)

    def dotted(self, node: ast.expr) -> str | None:
        """The qiskit name an expression spells through the module's imports."""
        if isinstance(node, ast.Name):
            return self.names.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = self.dotted(node.value)
            return f"{owner}.{node.attr}" if owner else None
        return None

    def callee(self, func: ast.expr) -> tuple[str, bool] | None:
        """The dotted name a call calls, and whether it is a method of an instance."""
        dotted = self.dotted(func)
        if dotted is not None:
            return dotted, False
        if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                and func.value.id in self.instances):
            return f"{self.instances[func.value.id]}.{func.attr}", True
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
            made = self.dotted(func.value.func)  # ``Sampler(mode=b).run(...)``: a method
            if made is not None and inspect.isclass(resolve(made)):
                return f"{made}.{func.attr}", True
        return None


class FixedCode(Names):
    """The problems of the ``qiskit*`` imports and calls a fix wrote: on the lines it wrote, or
    whose text it kept but whose meaning it changed (an import rewritten as ``New as Old``)."""

    def __init__(self, before: str, after: str, reported: set[tuple[int, int]]) -> None:
        super().__init__()
        self.before, self.after, self.reported = before, after, reported
        self.written = written_lines(before, after)
        self.original = Names()
        self.original.visit(ast.parse(before))
        self.problems: list[str] = []

    def visit_Import(self, node: ast.Import) -> None:
        super().visit_Import(node)
        for alias in node.names:
            if alias.name.split(".")[0].startswith("qiskit"):
                self.exists(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        super().visit_ImportFrom(node)
        if node.level == 0 and node.module and node.module.split(".")[0].startswith("qiskit"):
            for alias in node.names:
                self.exists(node, f"{node.module}.{alias.name}")

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        callee = self.callee(node.func)
        kept = ast.get_source_segment(self.after, node) in self.before
        if callee is None or (kept and callee == self.original.callee(node.func)):
            return  # not a qiskit call, or one the fix did not touch
        if self.still_reported(node):
            return  # the problem the fix left is not hidden: a finding reports the call
        dotted, method = callee
        if not method:
            self.exists(node, dotted)
        target = resolve(dotted)
        if target is MISSING and method:
            self.problems.append(f"line {node.lineno}: {dotted.rsplit('.', 1)[0]} has no "
                                 f"{dotted.rsplit('.', 1)[1]!r}")
        self.binds(node, target, dotted, bound=method)

    def still_reported(self, node: ast.Call) -> bool:
        start = (node.lineno, node.col_offset)
        end = (node.end_lineno or node.lineno, node.end_col_offset or node.col_offset)
        return any(start <= place <= end for place in self.reported)

    def exists(self, node: ast.stmt | ast.expr, dotted: str) -> None:
        # a name the original already spelled is not the fix's (it is still reported instead)
        if re.search(rf"\b{re.escape(dotted.rsplit('.', 1)[-1])}\b", self.before):
            return
        if node.lineno in self.written and resolve(dotted) is MISSING:
            self.problems.append(f"line {node.lineno}: {dotted} does not exist")

    def binds(self, node: ast.Call, target: Any, name: str, bound: bool) -> None:
        starred = any(isinstance(arg, ast.Starred) for arg in node.args) or any(
            keyword.arg is None for keyword in node.keywords)
        if starred or target is MISSING or not callable(target):
            return
        if inspect.isclass(target) and target.__init__ is not object.__init__:
            # __init__ says what a construction takes (a catch-all __new__ would hide it)
            target, bound = target.__init__, True
        try:
            signature = inspect.signature(target)
        except (TypeError, ValueError):  # builtins without a signature
            return
        args = [None] * (len(node.args) + bound)
        kwargs = {keyword.arg: None for keyword in node.keywords if keyword.arg}
        try:
            signature.bind(*args, **kwargs)
        except TypeError as error:
            self.problems.append(f"line {node.lineno}: {name}{signature}: {error}")


def written_lines(before: str, after: str) -> set[int]:
    """The 1-based lines of AFTER that a fix wrote (replaced or inserted)."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines(), autojunk=False)
    return {line + 1 for tag, _, _, start, end in matcher.get_opcodes() if tag != "equal"
            for line in range(start, end)}


def problems(before: str, after: str, reported: set[tuple[int, int]] | None = None) -> list[str]:
    """What is wrong with the code a fix wrote; REPORTED holds where the check of AFTER still
    reports a finding (row, 0-based column)."""
    visitor = FixedCode(before, after, reported or set())
    visitor.visit(ast.parse(after))
    return visitor.problems


Fixed = dict[str, tuple[str, str, set[tuple[int, int]]]]


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Fixed:
    """Every source a fix changed: name -> (before, after, where findings remain)."""
    folder = tmp_path_factory.mktemp("fixed")
    originals: dict[str, str] = {}
    for rule in REGISTRY:
        originals[f"example_{rule.code}.py"] = snippets(rule.code)[0]
    for source in SOURCES:
        originals[f"{source.parent.name}_{source.name}"] = source.read_text(encoding="utf-8")
    for name, text in originals.items():
        (folder / name).write_text(text, encoding="utf-8")
    fixing = command("check", "--fix", "--unsafe-fixes", "--exit-zero", ".", cwd=folder)
    assert fixing.returncode == 0, fixing.stderr
    checked = command("check", "--output-format", "json", "--exit-zero", "--no-cache", ".",
                      cwd=folder)
    reported: dict[str, set[tuple[int, int]]] = {name: set() for name in originals}
    for finding in json.loads(checked.stdout):
        place = finding["location"]
        reported[Path(finding["filename"]).name].add((place["row"], place["column"] - 1))
    changed = {name: (text, (folder / name).read_text(encoding="utf-8"), reported[name])
               for name, text in originals.items()}
    return {name: found for name, found in changed.items() if found[0] != found[1]}


def test_fixes_were_applied(fixed: Fixed) -> None:
    """The walk below has something to check: at least the Runtime fixes of main write code."""
    assert {"example_QKM301.py", "example_QKM412.py", "example_QKM501.py"} <= set(fixed)
    # The V1 primitives' migrations (reference, Aer, backend) write V2 calls.
    assert {f"migrations_{name}.py" for name in (
        "m21_estimator_values", "m22_estimator_parameters", "m23_sampler_quasi_dists",
        "m24_sampler_binary_probabilities", "m55_aer_sampler_run_options",
        "m56_aer_estimator_exact", "m57_backend_primitives_aer")} <= set(fixed)


def test_every_name_a_fix_writes_exists_and_every_call_binds(fixed: Fixed) -> None:
    found = {name: problems(*written) for name, written in sorted(fixed.items())}
    assert {name: listed for name, listed in found.items() if listed} == {}


# -- the walk itself catches what it is for ---------------------------------------------------

def test_a_missing_name_and_a_wrong_signature_are_reported() -> None:
    before = "x = 1\n"
    after = ("from qiskit_ibm_runtime import QiskitRuntimeService, NoSuchThing\n"
             "service = QiskitRuntimeService(channel='ibm_quantum_platform', nonsense=1)\n"
             "backend = service.backend('ibm_kyiv', 1, 2, 3, 4, 5, 6)\n"
             "service.no_method()\n")
    found = problems(before, after)
    assert found[0] == "line 1: qiskit_ibm_runtime.NoSuchThing does not exist"
    assert found[1].startswith("line 2: qiskit_ibm_runtime.QiskitRuntimeService(")
    assert found[1].endswith("got an unexpected keyword argument 'nonsense'")
    assert found[2].startswith("line 3: qiskit_ibm_runtime.QiskitRuntimeService.backend(")
    assert found[2].endswith("too many positional arguments")
    assert found[3] == "line 4: qiskit_ibm_runtime.QiskitRuntimeService has no 'no_method'"
    assert len(found) == 4


def test_a_kept_call_whose_name_a_fix_rebound_is_checked() -> None:
    before = "from qiskit.primitives import Sampler\nsampler = Sampler(options={'shots': 10})\n"
    after = before.replace("import Sampler", "import StatevectorSampler as Sampler")
    assert problems(before, after) == [
        "line 2: qiskit.primitives.StatevectorSampler(self, *, default_shots: 'int' = 1024, "
        "seed: 'np.random.Generator | int | None' = None): got an unexpected keyword argument "
        "'options'"]
    # unless a finding still reports the call: the fix left the problem, and did not hide it
    assert problems(before, after, reported={(2, 10)}) == []


def test_a_method_called_on_a_construction_is_checked() -> None:
    after = ("from qiskit_ibm_runtime.executor_sampler import Sampler\n"
             "job = Sampler(mode=backend).run([circuit], shots=10)\n"
             "job = Sampler(mode=backend).run([circuit], 10)\n")
    found = problems("x = 1\n", after)
    assert len(found) == 1 and found[0].startswith(
        "line 3: qiskit_ibm_runtime.executor_sampler.Sampler.run(self, pubs:")
    assert found[0].endswith("too many positional arguments")


def test_only_the_lines_a_fix_wrote_are_checked() -> None:
    before = "from qiskit import execute\nprint(1)\n"
    after = "from qiskit import execute\nfrom qiskit_aer import AerSimulator\nAerSimulator()\n"
    assert written_lines(before, after) == {2, 3}
    assert problems(before, after) == []
