"""Rule sets as data: load ``rules/<name>.yaml`` or a user file (``extends`` chain), validated.

``load_ruleset`` and ``choose_ruleset`` are the entry points; both are cached per spec because
the pipeline calls them for every file.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from thethuc.model import Recognised, Text
from thethuc.ruleset.types import GRADE_SEVERITY, Rule, RuleSet

__all__ = ["GRADE_SEVERITY", "Rule", "RuleSet", "choose_ruleset", "load_ruleset", "possible_rulesets"]

AUTO_CHOICES = ("hd36", "hd05", "nd30")  # what ``auto`` may pick for a document (ruleset/auto.py)


@lru_cache(maxsize=32)
def _load_cached(spec: str) -> tuple[RuleSet, dict[str, str]]:
    from thethuc.cache import cached_with_sources

    # Across runs too: the validated rule set is kept in the user's cache, keyed by the text of its
    # files (thethuc/cache.py), so a one-file run reads no YAML.
    return cached_with_sources("ruleset", spec, lambda: _load_fresh(spec))


def _load_fresh(spec: str) -> tuple[RuleSet, dict[str, str]]:
    """The rule set read and validated from its files, and the text of each file read."""
    from thethuc.ruleset.loader import load_file, locate  # keeps start-up light

    path, shown = locate(spec)
    sources: dict[str, str] = {}
    return load_file(path, shown, sources), sources


def _key(spec: str) -> str:
    path = Path(spec).expanduser()
    # Paths are cached by their absolute form, so "./x.yaml" and "x.yaml" share one entry.
    return str(path.resolve()) if path.suffix in (".yaml", ".yml") or "/" in spec else spec


def load_ruleset(spec: str) -> RuleSet:
    """A built-in name (``hd36``) or a path to a YAML rule file → a validated RuleSet.

    Raises ``thethuc.errors.RuleSetError`` (file, line, message) for any invalid file.
    """
    return _load_cached(_key(spec))[0]


def load_with_sources(spec: str) -> tuple[RuleSet, dict[str, str]]:
    """``load_ruleset`` and the text of every file the rule set comes from, by absolute path: what a
    value derived from it (``auto``'s periods) is cached with."""
    return _load_cached(_key(spec))


def choose_ruleset(spec: str | RuleSet, rec: Recognised, **options: object) -> tuple[RuleSet, Text | None]:
    """The rule set for one document, and why it was chosen (None when the user named it)."""
    if isinstance(spec, RuleSet):  # prebuilt: a project .thethuc.yaml with rules: overrides (thethuc.config)
        return spec, None
    if spec == "auto":  # hd36, hd05 or nd30 by family and issue date (hd05.md § Choosing the rule set)
        from thethuc.ruleset.auto import choose

        name, reason = choose(rec)
        return load_ruleset(name), reason
    return load_ruleset(spec), None


def possible_rulesets(spec: str | RuleSet) -> list[RuleSet]:
    """Every rule set ``spec`` may check a document with: ``auto`` may pick any of hd36, hd05 and
    nd30, whose codes differ (nd30 has state-only rules), so a selection is valid against their union."""
    if isinstance(spec, RuleSet):
        return [spec]
    if spec == "auto":
        return [load_ruleset(name) for name in AUTO_CHOICES]
    return [load_ruleset(spec)]
