"""What the fix tests assert about a fixed copy: no repairable finding left, valid order, same text."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from thethuc.fix import FixOutcome, fix_file
from thethuc.fix import order
from thethuc.fix.registry import repairable
from thethuc.load import load_document
from thethuc.model import Location
from thethuc.ruleset import load_ruleset

PROJECT = Path(__file__).resolve().parents[2]
SAMPLES = PROJECT / "samples"
CORPUS = PROJECT / ".." / "shared" / "corpus"
TEXT_KINDS = {"legacy_text", "remove_vv", "punctuation", "leading_zero"}


def fixed(path: Path, out: Path, ruleset: str = "hd36") -> FixOutcome:
    return fix_file(str(path), ruleset, str(path), str(out))


def repairable_left(outcome: FixOutcome) -> list[tuple[str, str]]:
    """Findings of the re-check that a fixer of the rule set claims to repair: there must be none."""
    ruleset = load_ruleset(outcome.after.ruleset)
    return [(f.code, f.excerpt) for f in outcome.after.findings if repairable(ruleset.get(f.code), f)]


def order_problems(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                found[name] = order.problems(etree.fromstring(archive.read(name)))
    return found


def new_order_problems(before: Path, after: Path) -> dict[str, list[str]]:
    """Order problems of the copy that the input did not already have."""
    old = order_problems(before)
    return {name: problems for name, problems in order_problems(after).items()
            if problems and sorted(problems) != sorted(old.get(name, []))}


def text_changed_at(outcome: FixOutcome) -> set[tuple[str, int]]:
    """Paragraphs whose words a named conversion was allowed to change."""
    rules = load_ruleset(outcome.after.ruleset)
    places: set[tuple[str, int]] = set()
    for change in outcome.changes:
        rule = rules.get(change.code)
        if rule is None or rule.fix not in TEXT_KINDS or change.where != "text":
            continue
        for location in (change.location, *change.also):
            if isinstance(location, Location):
                places.add((location.part_name, location.paragraph))
    return places


def body_texts(path: Path) -> list[tuple[tuple[str, int], str]]:
    doc = load_document(str(path))
    return [((p.location.part_name, p.location.paragraph), p.text) for p in doc.paragraphs
            if p.location.part == "document"]


def text_differences(before: Path, after: Path, allowed: set[tuple[str, int]]) -> list[str]:
    """Body paragraphs whose text differs outside the allowed conversions (and any lost or added)."""
    old, new = body_texts(before), body_texts(after)
    if [key for key, _ in old] != [key for key, _ in new]:
        return ["paragraphs added or removed"]
    return [f"{key}: {a!r} → {b!r}" for (key, a), (_, b) in zip(old, new) if a != b and key not in allowed]
