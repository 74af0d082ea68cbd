"""Where a ``# noqa`` may go: the server's scan for lines ending inside a string agrees with
Python's tokenizer, and the edit adds or merges a code."""

from __future__ import annotations

import io
import tokenize

import pytest

from flake8_qiskit_migrate.edits import Edit
from flake8_qiskit_migrate.server.checking import Noqa, _rows_ending_in_strings

CASES = [
    'x = """a\nb\nc"""\ny = 1\n',
    "x = '''a\\'''\nb'''\n",
    'x = "a\\\nb"\n',
    "# a comment with ''' quotes\nx = 'y'  # and \"\"\" more\n",
    'x = r"\\"" + """\n"""\n',
    "def f():\n    '''doc\n    string'''\n    return '#'\n",
    'x = b"""\n\\"""\n"""\n',
]


def _tokenized(code: str) -> frozenset[int]:
    rows: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.STRING:
            rows.update(range(token.start[0], token.end[0]))
    return frozenset(rows)


@pytest.mark.parametrize("code", CASES)
def test_the_scan_agrees_with_the_tokenizer(code: str) -> None:
    assert _rows_ending_in_strings(code) == _tokenized(code)


def test_formatted_triple_quoted_strings_go_to_the_tokenizer() -> None:
    code = 'x = f"""{"a"}\n{y}"""\nz = 1\n'
    assert 1 in _rows_ending_in_strings(code) and 2 not in _rows_ending_in_strings(code)


def test_noqa_is_added_merged_and_never_put_in_a_string() -> None:
    noqa = Noqa('a = 1   \nb = 2  # noqa: E501\nc = """\n"""\nd = 4  # noqa:QKM101\n')
    assert noqa.edit(1, "QKM101") == Edit(1, 6, 1, 9, "  # noqa: QKM101")
    assert noqa.edit(2, "QKM101") == Edit(2, 16, 2, 20, "E501, QKM101")
    assert noqa.edit(3, "QKM101") is None
    assert noqa.edit(5, "QKM101") is None  # already there
