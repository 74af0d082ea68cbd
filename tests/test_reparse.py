"""``Reparser`` gives, edit after edit, exactly the tree ``ast.parse`` gives of the whole text
(positions included) or its error; and it reuses the statements an edit did not touch."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from flake8_qiskit_migrate.core.reparse import Reparser

TESTS = Path(__file__).parent
PROGRAMS = sorted(p for folder in ("corpus", "migrations", "fixtures")
                  for p in (TESTS / folder).rglob("*.py"))
# What typing inserts, the pieces that change how the rest of a text tokenizes among them.
TYPED = ["x", " ", "(", ")", "[", "]", '"', "'", '"""', "'''", "\\", ":", "#", "\n", "\n\n",
         "    ", "\t", "@", "@dec\n", "def f():\n", "    pass\n", "if x:\n", "else:\n", ";",
         "x = 1; ", "\\\n", "f'{", "}'", "from __future__ import annotations\n", "\f"]


def expected(code: str) -> str:
    try:
        return ast.dump(ast.parse(code), include_attributes=True)
    except SyntaxError as error:
        return f"SyntaxError at {error.lineno}"


def reparsed(parser: Reparser, code: str) -> str:
    try:
        return ast.dump(parser.parse(code), include_attributes=True)
    except SyntaxError as error:
        return f"SyntaxError at {error.lineno}"


def edited(code: str, chance: random.Random) -> str:
    """``code`` after one keystroke-sized edit: an insertion, a deletion or a replaced line."""
    at = chance.randrange(len(code) + 1)
    kind = chance.randrange(4)
    if kind == 0:
        return code[:at] + chance.choice(TYPED) + code[at:]
    if kind == 1:
        return code[:at] + code[at + chance.randint(1, 12):]
    lines = code.split("\n")
    row = chance.randrange(len(lines))
    if kind == 2:
        del lines[row]
    else:
        lines.insert(row, lines[chance.randrange(len(lines))])  # a line copied elsewhere
    return "\n".join(lines)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the programs' own escapes
@pytest.mark.parametrize("path", PROGRAMS[::3], ids=lambda p: p.name)
def test_each_edit_gives_the_tree_of_the_whole_text(path: Path) -> None:
    code = path.read_text(encoding="utf-8")
    chance = random.Random(path.name)
    parser = Reparser()
    assert reparsed(parser, code) == expected(code)
    for _ in range(30):
        # Edits pile up, as in an editor, but come back to the file now and then so most
        # steps start from a text that parses (where the reuse happens).
        code = edited(code if chance.random() < 0.7 else path.read_text(encoding="utf-8"),
                      chance)
        assert reparsed(parser, code) == expected(code), code


def test_unedited_statements_are_the_last_trees() -> None:
    parser = Reparser()
    first = parser.parse("import a\n\n\ndef f():\n    return 1\n\n\nx = f()\n")
    second = parser.parse("import a\n\n\ndef f():\n    return 2\n\n\nx = f()\n")
    assert second.body[0] is first.body[0] and second.body[2] is first.body[2]
    assert second.body[1] is not first.body[1]
    third = parser.parse("import a\n\n\ndef f():\n    return 2\n    # more\n\n\nx = f()\n")
    assert third.body[2] is first.body[2] and (third.body[2].lineno, first.body[2].lineno) == (9, 9)


@pytest.mark.parametrize("before, after", [
    ("x = 1 \\\n\ny = 2\n", "x = 1 \\\n+ 2\ny = 2\n"),  # a backslash joins the next row
    ("a = 1\nb = 2\n", "a = 1\nb = (2\n"),  # an open bracket: the whole text's error
    ("a = 1\nb = 2\nc = 3\n", "a = 1\nb = '''2\nc = 3\n'''\n"),  # a string swallows a row
    ("a = 1; b = 2\nc = 3\n", "a = 1; b = 22\nc = 3\n"),  # statements sharing a row
    ("@dec\ndef f():\n    pass\n", "@dec2\ndef f():\n    pass\n"),  # a decorator's row
    ("if a:\n    pass\nx = 1\n", "if a:\n    pass\nelse:\n    pass\nx = 1\n"),
    ("a = 1\r\nb = 2\r\n", "a = 1\r\nb = 3\r\n"),  # other line ends: parsed whole
])
def test_edits_that_change_how_the_rest_reads(before: str, after: str) -> None:
    parser = Reparser()
    parser.parse(before)
    assert reparsed(parser, after) == expected(after)
