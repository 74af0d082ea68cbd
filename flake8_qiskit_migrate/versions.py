"""Target-version gating: is a rule's API deprecated (or removed) in the releases a project
targets? A target is a PEP 440 specifier (``>=1.0,<2``, ``==1.4.3``) evaluated with
``packaging``; a rule is reported when some release the target allows has its API deprecated."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .registry import Releases

if TYPE_CHECKING:  # packaging is imported when a target is known: most runs have none
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

NOT_DEPRECATED = None  # the status of a finding the target does not reach


@lru_cache(maxsize=256)
def specifier(text: str) -> SpecifierSet:
    """A target as a specifier set; a bare version means exactly that version."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version
    text = text.strip()
    try:
        Version(text)
        text = f"=={text}"
    except InvalidVersion:
        pass
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        raise ValueError(f"invalid version specifier {text!r}") from None


def status(releases: Releases | None, targets: tuple[tuple[str, str], ...]) -> str | None:
    """``""`` to report as usual (no target for the package, or nothing to gate),
    ``"removed in P X"`` / ``"deprecated since P X"`` when a target reaches that release,
    or ``None`` when no release any target allows has the API deprecated. With several
    targets (pins in several files) the furthest reached counts, and the status names it."""
    if releases is None:
        return ""
    specs = [spec for package, spec in targets if package == releases.package]
    if not specs:
        return ""
    reached = [(_reached(releases, specifier(spec)), spec) for spec in specs]
    state, spec = max(reached, key=lambda pair: _rank(pair[0]))
    if state is None or len(specs) == 1:
        return state
    return f"{state}, as targeted by {releases.package}{spec}"


def _rank(state: str | None) -> int:
    """How far a target reaches: nothing, the deprecation, the removal."""
    return 0 if state is None else 2 if state.startswith("removed") else 1


def _reached(releases: Releases, allowed: SpecifierSet) -> str | None:
    """What one target reaches: the removal, the deprecation, or neither (None)."""
    from packaging.version import Version
    candidates = _candidates(releases, allowed)
    if releases.removed and any(v >= Version(releases.removed) for v in candidates):
        return f"removed in {releases.package} {releases.removed}"
    if any(v >= Version(releases.deprecated) for v in candidates):
        return f"deprecated since {releases.package} {releases.deprecated}"
    return NOT_DEPRECATED


def _candidates(releases: Releases, allowed: SpecifierSet) -> list[Version]:
    """The versions worth asking the specifier about: the rule's thresholds, the bounds the
    specifier names, and a far-future release. A specifier allows a version at or past a
    threshold exactly when it allows one of these."""
    from packaging.version import InvalidVersion, Version
    versions = {Version(releases.deprecated), Version("9999")}
    if releases.removed:
        versions.add(Version(releases.removed))
    for clause in allowed:
        try:
            versions.add(Version(clause.version.replace(".*", "")))
        except InvalidVersion:
            continue
    return [v for v in versions if allowed.contains(v, prereleases=True)]
