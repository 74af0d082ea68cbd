"""Which findings are shown: rule selection by code or prefix (ruff's ``--select`` /
``--extend-select`` / ``--ignore``), and ``# noqa`` exactly as flake8 reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ("QKM",)
    ignore: tuple[str, ...] = ()

    @classmethod
    def build(cls, select: list[str] | None, extend_select: list[str],
              ignore: list[str]) -> Selection:
        chosen = tuple(select) if select else ("QKM",)
        return cls(chosen + tuple(extend_select), tuple(ignore))

    def enabled(self, code: str) -> bool:
        """The most specific matching prefix decides; on a tie, ``ignore`` wins."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected > ignored


_FLAKE8_ANY_CASE = re.compile("flake8", re.IGNORECASE)
# flake8's ``NOQA_FILE`` matched at the start of any line, in one scan of the text.


# flake8 sets up logging when imported: its patterns are fetched when a file has a noqa.
@lru_cache(maxsize=1)
def _noqa_inline() -> re.Pattern[str]:
    from flake8 import defaults
    pattern: re.Pattern[str] = defaults.NOQA_INLINE_REGEXP
    return pattern


@lru_cache(maxsize=1)
def _noqa_file_line() -> re.Pattern[str]:
    from flake8 import defaults
    pattern: re.Pattern[str] = defaults.NOQA_FILE
    return re.compile("^" + pattern.pattern, pattern.flags | re.M)


def file_is_ignored(text: str) -> bool:
    """A line starting ``# flake8: noqa`` exempts the whole file, as in flake8."""
    if "flake8" not in text and _FLAKE8_ANY_CASE.search(text) is None:  # a plain scan first
        return False
    return _noqa_file_line().search(text) is not None


def noqa_suppresses(line: str, code: str) -> bool:
    """flake8's inline rule: a bare ``# noqa`` silences every code; ``# noqa: A1,B2`` silences
    the codes listed and the codes they are prefixes of."""
    if "noqa" not in line.lower():  # a plain scan first
        return False
    match = _noqa_inline().search(line)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    from flake8 import utils  # imports platform: only when a noqa names codes
    codes = set(utils.parse_comma_separated_list(codes_text))
    return code in codes or code.startswith(tuple(codes))
