"""What the fix tests assert about a fixed copy: no repairable finding left, valid order, same text."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from thethuc.fix import FixOutcome, fix_file, order
from thethuc.fix.registry import repairable
from thethuc.load import load_document
from thethuc.ruleset import load_ruleset

PROJECT = Path(__file__).resolve().parents[2]
SAMPLES = PROJECT / "samples"
CORPUS = PROJECT / ".." / "shared" / "corpus"


def fixed(path: Path, out: Path, ruleset: str = "hd36") -> FixOutcome:
    return fix_file(str(path), ruleset, str(path), str(out))


def repairable_left(outcome: FixOutcome) -> list[tuple[str, str]]:
    """Findings of the re-check that a fixer of the rule set claims to repair: there must be none."""
    ruleset = load_ruleset(outcome.after.ruleset)
    return [(f.code, f.excerpt) for f in outcome.after.findings
            if repairable(ruleset.get(f.code), f) and not outcome.is_declined(f)]


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


def named_conversion(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` changed only by a conversion the fix may make."""
    import re

    from thethuc.fix.encodings import from_tcvn3, from_vni

    if after in (from_tcvn3(before), from_tcvn3(before, capitals=True), from_vni(before)):
        return True
    b, a = before.rstrip(), after.rstrip()
    # the line-end mark replaced or added
    if (b[:-1] == a[:-1] and b[-1:] in ".,;:" and a[-1:] in ".,;:") or (b == a[:-1] and a[-1:] in ".,;:"):
        return True
    vv = re.match(r"^\s*(V/v|V/V|v/v)\s*:?\s*", before)
    if vv and after == before[:vv.start(1)] + "về việc " + before[vv.end():]:
        return True
    # leading zeros added to (or, for months 3–12, taken from) numbers
    return re.sub(r"(?<!\d)0(?=\d)", "", before) == re.sub(r"(?<!\d)0(?=\d)", "", after) and before != after


def body_texts(path: Path) -> list[str]:
    doc = load_document(str(path))
    return [p.text for p in doc.paragraphs if p.location.part == "document"]


ADDED = ("*", "-----", "")  # the star, the hyphens under the summary, the empty paragraph holding a line


def text_differences(before: Path, after: Path) -> list[str]:
    """Body paragraphs lost, added (other than the marks the fix adds) or changed other than by a named
    conversion."""
    old, new = body_texts(before), body_texts(after)
    problems: list[str] = []
    extra = len(new) - len(old)
    if extra < 0:
        return ["paragraphs removed"]
    i = j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j] or named_conversion(old[i], new[j]):
            i, j = i + 1, j + 1
        elif extra and new[j] in ADDED:
            extra, j = extra - 1, j + 1
        else:
            problems.append(f"{old[i]!r} → {new[j]!r}")
            i, j = i + 1, j + 1
    problems += [f"added {t!r}" for t in new[j:] if t not in ADDED]
    return problems
