"""The flake8 front end: flake8 hands us a parsed tree, we hand back engine findings."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any, Iterator

from . import __version__
from .engine import check
from .packages import package_of
from .project import ProjectFileError, targets
from .project_index import EMPTY, ProjectIndex
from .registry import REGISTRY, Settings


class QiskitMigrateChecker:
    name = "flake8-qiskit-migrate"
    version = __version__
    settings = Settings()
    # Heuristic rules the user ignored: the findings that follow from them go too.
    ignored_heuristics: frozenset[str] = frozenset()
    # What the project's modules define, as the last run of the command stored it.
    project: ProjectIndex = EMPTY

    @classmethod
    def add_options(cls, manager: Any) -> None:  # flake8's OptionManager (flake8 is untyped)
        for option, default, makes in (
                ("backend", Settings.backend_names, "an unproven `x.run(...)` a backend run "
                 "(QKM104)"),
                ("primitive", Settings.primitive_names, "an unproven `x.run(a, b)` with a V1 "
                 "signature a V1 primitive call (QKM309)")):
            manager.add_option(
                f"--qkm-{option}-names",
                comma_separated_list=True,
                parse_from_config=True,
                default=sorted(default),
                help=f"Receiver names that make {makes}: matched against the snake_case words "
                "of the name. (Default: %(default)s)",
            )
        for package in ("qiskit", "runtime"):
            manager.add_option(
                f"--qkm-target-{package}",
                parse_from_config=True,
                default=None,
                help=f"The {package} releases the code targets, as a version or PEP 440 "
                "specifier; rules not deprecated there are not reported. (Default: read from "
                "the lock file, pyproject.toml or requirements*.txt of the current folder)",
            )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        names = frozenset(name.lower() for name in options.qkm_backend_names if name)
        primitives = frozenset(name.lower() for name in options.qkm_primitive_names if name)
        given = (options.qkm_target_qiskit, options.qkm_target_runtime)
        try:
            try:
                found = targets(*given, Path.cwd())
            except ProjectFileError as error:  # flake8 checks on; the files' pins are unknown
                print(f"flake8-qiskit-migrate: warning: {error}; the target releases it "
                      "declares are unknown", file=sys.stderr)
                found = targets(*given, None)
        except ValueError as error:
            raise SystemExit(f"flake8-qiskit-migrate: {error}") from None
        # Opt-in rules (QKM6xx) with no known target run only when selected by name.
        explicit = (*(options.select or ()), *(getattr(options, "extend_select", None) or ()))
        cls.settings = Settings(backend_names=names, primitive_names=primitives, targets=found,
                                explicit=tuple(explicit))
        cls.ignored_heuristics = _ignored_heuristics(options)
        cls.project = _project_index()

    def __init__(
        self, tree: ast.AST, filename: str = "stdin", lines: list[str] | None = None
    ) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        source = "".join(self.lines) if self.lines is not None else None
        real_file = self.filename not in ("stdin", "-")
        findings = check(
            self.tree,
            source,
            package=lambda: package_of(self.filename) if real_file else None,
            settings=self.settings,
            project=self.project,
            fixes=False,  # flake8 reports, it does not fix
        )
        for finding in findings:
            if finding.heuristic not in self.ignored_heuristics:
                yield finding.line, finding.col, finding.message, type(self)


def _project_index() -> ProjectIndex:
    """The project index in the command's result cache (the same folder the command uses from
    here), if a run of the command stored one; flake8 does not build it."""
    from .core import cache, config
    pyproject = config.find_pyproject(Path.cwd())
    try:
        configured = config.load(pyproject).get("cache-dir")
    except config.ConfigError:
        configured = None  # the command reports it; flake8 checks on without the index
    folder = Path(configured) if configured else cache.default_directory(
        pyproject.parent if pyproject else Path.cwd())
    modules = cache.Cache(folder, Settings()).load_index(None)
    return ProjectIndex(modules) if modules else EMPTY


def _ignored_heuristics(options: Any) -> frozenset[str]:
    """The heuristic rules flake8's select/ignore options turn off (per-file ignores are
    flake8's to apply, per file, after us: they silence the heuristic's own findings only)."""
    from flake8.style_guide import Decision, DecisionEngine
    try:
        decide = DecisionEngine(options).decision_for
    except AttributeError:  # options built by hand, without flake8's defaults
        return frozenset()
    return frozenset(rule.code for rule in REGISTRY if rule.heuristic
                     and decide(rule.code) is Decision.Ignored)
