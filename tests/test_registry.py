"""Meta-tests: every registered rule is complete, fixtured, documented and linked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_qiskit_migrate.docs import rule_document, rule_documents, with_table
from flake8_qiskit_migrate.engine import INDEX, REGISTRY
from flake8_qiskit_migrate.registry import Registry, Rule, RuleDoc
from flake8_qiskit_migrate.snippets import snippets

HERE = Path(__file__).parent
RULES = list(REGISTRY)
CODES = [rule.code for rule in RULES]
VERIFIED_URLS = {
    line for line in (HERE / "data" / "verified_urls.txt").read_text().splitlines()
    if line and not line.startswith("#")
}


def test_codes_follow_the_category_contract() -> None:
    for rule in RULES:
        assert re.fullmatch(r"QKM[1-7]\d\d", rule.code)
        assert rule.category == int(rule.code[3])


def test_names_are_unique_kebab_case() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) for name in names)


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_url_is_a_verified_anchor(rule: Rule) -> None:
    assert rule.url in VERIFIED_URLS


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_has_a_fixture_reporting_it(rule: Rule) -> None:
    fixture = HERE / "fixtures" / f"{rule.code}.py"
    assert re.search(rf"#.*\b{rule.code}: \d+", fixture.read_text())


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_has_a_complete_document(rule: Rule) -> None:
    doc = rule_document(rule)
    for section in ("## What it does", "## Why is this bad?", "## Example", "Use instead:",
                    "## References"):
        assert section in doc
    example, use_instead = snippets(rule.code)
    assert example.strip() and use_instead.strip() and example != use_instead


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_rule_has_a_one_line_summary_for_tables(rule: Rule) -> None:
    assert 10 <= len(rule.doc.summary) <= 80 and "\n" not in rule.doc.summary


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_message_is_one_line_with_the_url_last(rule: Rule) -> None:
    message = rule.render("some.name")
    assert "\n" not in message
    assert message.startswith(f"{rule.code} ")
    assert message.endswith(f"({rule.url})")
    assert "some.name" in message


def test_registry_rejects_bad_declarations() -> None:
    registry = Registry()
    doc = RuleDoc("w", "y")
    with pytest.raises(ValueError):
        registry.add(Rule("QKM801", "x", "m", "f", "r", "u", doc))
    with pytest.raises(ValueError):
        registry.add(Rule("QKM699", "opt-in-without-releases", "m", "f", "r", "u", doc,
                          opt_in=True))
    with pytest.raises(ValueError):
        registry.add(Rule("QKM698", "where", "m", "f", "r", "u", doc, reported_at="call"))
    with pytest.raises(ValueError):
        registry.add(Rule("QKM101", "Not_Kebab", "m", "f", "r", "u", doc))
    registry.add(Rule("QKM101", "ok-name", "m", "f", "r", "u", doc))
    with pytest.raises(ValueError):
        registry.add(Rule("QKM101", "other-name", "m", "f", "r", "u", doc))
    with pytest.raises(KeyError):
        registry.match_names("QKM102", "a.b")


def test_readme_table_matches_the_registry() -> None:
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme), "run: python -m flake8_qiskit_migrate.docs"


def test_rule_documents_are_up_to_date() -> None:
    folder = HERE.parent / "docs" / "rules"
    expected = rule_documents()
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"{name}: regenerate the docs"


def test_specific_names_win_over_module_catch_alls() -> None:
    match = INDEX.name("qiskit_ibm_provider.IBMProvider")
    assert match is not None and match.replacement == "qiskit_ibm_runtime.QiskitRuntimeService"
    catch_all = INDEX.name("qiskit_ibm_provider.anything.else")
    assert catch_all is not None and catch_all.code == "QKM201"
    assert INDEX.name("qiskit_ibm_providers") is None
    assert INDEX.name("qiskit.primitives.StatevectorSampler") is None


def test_readme_fits_on_a_page_with_every_rule_one_click_away() -> None:
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < 12 * 1024
    assert all(f"](docs/rules/{rule.code}.md)" in readme for rule in RULES)
    for target in re.findall(r"\]\((docs/[^)#]+)", readme):
        assert (HERE.parent / target).is_file(), target


def test_the_docs_generator_says_what_is_wrong_with_its_root(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "flake8_qiskit_migrate.docs", str(tmp_path)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"{tmp_path / 'README.md'}: " in run.stderr
    assert not (tmp_path / "docs").exists()  # nothing written where it failed
