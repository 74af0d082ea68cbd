"""Every install line of the README, the docs and the Action works on a fresh machine today:
the package is not on PyPI, so each installs a path or a URL, never the bare name; the pre-commit
snippets are the hook this repository ships; the Python versions stated are ``requires-python``."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")), ROOT / "action.yml"]
PIP_INSTALL = re.compile(r"pip3? install ([^`\n]*)")
PYTHON_VERSION = re.compile(r"Python (\d+\.\d+) or later")


def requirements(line: str) -> list[str]:
    """The requirements a ``pip install`` line names (its options and what follows a shell
    ``&&`` or ``;`` left out)."""
    command = re.split(r"&&|;|\|\|", line)[0]
    return [word for word in shlex.split(command) if not word.startswith("-")]


def is_path_or_url(requirement: str) -> bool:
    return requirement.startswith((".", "/", "${{", "git+")) or "://" in requirement


def install_lines() -> list[tuple[str, str]]:
    return [(path.relative_to(ROOT).as_posix(), match.group(1))
            for path in DOCUMENTS for match in PIP_INSTALL.finditer(path.read_text("utf-8"))]


def test_requirements_are_read_from_install_lines() -> None:
    assert requirements("-q '.[test]' && .venv/bin/flake8") == [".[test]"]
    assert requirements("--quiet \"${{ github.action_path }}\"") == ["${{ github.action_path }}"]
    assert not is_path_or_url("flake8-qiskit-migrate")
    assert not is_path_or_url("flake8-qiskit-migrate==0.1.0")
    assert requirements("qiskit-addon-mthree) calibrates") == ["qiskit-addon-mthree)", "calibrates"]


def test_no_install_line_asks_pypi_for_the_package() -> None:
    lines = install_lines()
    # The README's install and try-it lines, its test command, the Action's step at least.
    assert {"README.md", "action.yml"} <= {document for document, _ in lines}
    for document, line in lines:
        wanted = requirements(line)
        assert wanted, f"{document}: pip install {line}"
        for requirement in wanted:  # other packages (``qiskit-addon-mthree``) are on PyPI
            ours = re.match(r"flake8[-_.]qiskit[-_.]migrate\b", requirement, re.I)
            assert is_path_or_url(requirement) or not ours, f"{document}: pip install {line}"


def test_no_pre_commit_snippet_installs_the_package_by_name() -> None:
    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        for listed in re.findall(r"additional_dependencies: *\[([^\]]*)\]", text):
            assert "flake8-qiskit-migrate" not in listed, path


def yaml_blocks(path: Path) -> list[object]:
    text = path.read_text(encoding="utf-8")
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_pre_commit_snippets_are_the_shipped_hook() -> None:
    shipped = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    repos = [repo for block in yaml_blocks(ROOT / "docs" / "ruff-and-pre-commit.md")
             if isinstance(block, list) for repo in block]
    assert [repo["repo"] == "local" for repo in repos] == [False, True]
    remote, local = repos
    assert [hook["id"] for hook in remote["hooks"]] == [shipped["id"]]
    ours = local["hooks"][0]
    assert {key: ours[key] for key in ("id", "entry", "types_or", "require_serial")} == {
        key: shipped[key] for key in ("id", "entry", "types_or", "require_serial")}
    assert all(hook["language"] == "system" for hook in local["hooks"])


def test_python_versions_stated_are_requires_python() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floor = re.fullmatch(r">=(\d+\.\d+)", project["requires-python"])
    assert floor is not None
    stated = {path.relative_to(ROOT).as_posix(): PYTHON_VERSION.findall(path.read_text("utf-8"))
              for path in DOCUMENTS}
    assert stated["README.md"], "the README says which Python versions are supported"
    assert {version for versions in stated.values() for version in versions} == {floor[1]}
