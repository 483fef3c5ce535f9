"""Kind ``numbering``: heading labels run 1, 2, 3… per level, restarting under their parent; one
punctuation style per level.

Keys: ``check`` (``sequence`` | ``punctuation``), ``levels`` (list of ``{role, restart_under}``,
outermost first; a level restarts when a heading of a ``restart_under`` role comes between).
Works on ``Recognised.headings``; bullets (no number) are skipped.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group
from thethuc.model import Finding, Heading, Recognised, Text
from thethuc.records import dataclass
from thethuc.roles import role_name
from thethuc.ruleset.nodes import Where, as_mapping, as_roles, check_keys, require
from thethuc.ruleset.params import choice, items, param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import int_to_alpha, int_to_roman


@dataclass(frozen=True, slots=True)
class Level:
    """One heading level of a ``numbering`` rule: its role, and the roles whose headings restart its count."""

    role: str
    restart_under: tuple[str, ...] = ()


def _level(value: object, where: Where, what: str) -> Level:
    item = Text("một mục của 'levels'", "a 'levels' item")
    node = as_mapping(value, where, item)
    check_keys(node, ("role", "restart_under"), item)
    role = as_roles(require(node, "role", item), node.at("role"), "role")[0]
    under = as_roles(node.get("restart_under", []), node.at("restart_under"), "restart_under")
    return Level(role, under)


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``numbering`` rule: the heading levels, outermost first, whose labels must run 1, 2, 3…
    (``sequence``) or keep one punctuation per level (``punctuation``)."""

    check: str = param(choice("sequence", "punctuation"))
    levels: tuple[Level, ...] = param(items(_level))


parse = params_parser(Params, "numbering")


def default_target(params: Params) -> tuple[str, ...]:
    return tuple(level.role for level in params.levels)


def ordinal_label(number: int, style: str) -> str:
    """How the ``number``-th item of a style is written: 4 → ``IV``, ``d``, ``4``."""
    if style == "roman":
        return int_to_roman(number)
    if style == "alpha":
        return int_to_alpha(number) or str(number)
    return str(number)


def _sequence(params: Params, headings: tuple[Heading, ...], rec: Recognised) -> Iterator[Deviation]:
    levels = {level.role: level for level in params.levels}
    last: dict[str, int] = {}  # role → last number seen in the current parent
    # "2.1.3." names its own parent (2.1), so dotted labels are counted per written parent path,
    # whatever their depth; a recogniser level alone would mix 2.1. with 2.1.1.
    dotted: dict[tuple[str, ...], int] = {}
    for index, heading in enumerate(headings):
        for level in params.levels:  # a parent heading restarts the levels under it
            if heading.role in level.restart_under:
                last.pop(level.role, None)
        if heading.role not in levels or heading.number is None:
            continue
        # Word restarts a list only where the drafter asked it to (a new list, or "Restart at 1"),
        # often under an unnumbered part title such as "A. …": a restart there is not a repeat.
        restarted = heading.number == 1 and _word_numbered(heading, rec)
        if heading.style == "decimal-dotted":
            path = tuple(_DIGITS.findall(heading.label))
            parent = path[:-1]
            wanted = dotted.get(parent, 0) + 1
            if heading.number != wanted and not restarted:
                yield _gap(heading, wanted, rec, ".".join((*parent, str(wanted))))
            dotted[parent] = _carried(heading, wanted, _next_sibling(headings, index, params, parent))
            _forget(dotted, path)  # "2.5." opens a new run of 2.5.1, 2.5.2 …
            continue
        _restart_dotted(dotted, heading)
        wanted = last.get(heading.role, 0) + 1
        if heading.number != wanted and not restarted:
            yield _gap(heading, wanted, rec)
        last[heading.role] = _carried(heading, wanted, _next_sibling(headings, index, params))


def _carried(heading: Heading, wanted: int, following: int | None) -> int:
    """The number the sequence goes on from: what is written (one gap, one finding), except a
    repeat that the next sibling shows to be a typo — I, II, II, IV: the second II stands for III,
    so IV is in order and the one cause gives one finding."""
    number = heading.number if heading.number is not None else wanted
    if number < wanted and following == wanted + 1:
        return wanted
    return number


def _next_sibling(headings: tuple[Heading, ...], index: int, params: Params,
                  parent: tuple[str, ...] | None = None) -> int | None:
    """The number of the next heading at the same level under the same parent, if any."""
    here = headings[index]
    restarts = {r for level in params.levels if level.role == here.role for r in level.restart_under}
    for later in headings[index + 1:]:
        if later.role in restarts:
            return None
        if later.role != here.role or later.number is None:
            continue
        if parent is not None and (later.style != "decimal-dotted"
                                   or tuple(_DIGITS.findall(later.label)[:-1]) != parent):
            continue
        return later.number
    return None


_DIGITS = re.compile(r"\d+")
# Headings above the numbered ones: under a new one, 1.1., 1.2. … start again.
_TOP_ROLES = frozenset({"phan", "chuong", "muc", "dieu", "de_muc_1"})


def _forget(dotted: dict[tuple[str, ...], int], prefix: tuple[str, ...]) -> None:
    for key in [k for k in dotted if k[:len(prefix)] == prefix]:
        del dotted[key]


def _restart_dotted(dotted: dict[tuple[str, ...], int], heading: Heading) -> None:
    """A plain heading restarts the dotted numbers under it: a new "2." its own 2.1., 2.2. … (a
    guideline repeats "2." in each part: HD hiệp thương MTTQ Quảng Ninh), a new "II." or article
    every run."""
    if heading.role in _TOP_ROLES:
        dotted.clear()
    elif heading.style == "decimal" and heading.number is not None:
        _forget(dotted, (str(heading.number),))


def _word_numbered(heading: Heading, rec: Recognised) -> bool:
    return bool(rec.doc.paragraphs[heading.paragraph].fmt.numbering_label)


def _gap(heading: Heading, wanted: int, rec: Recognised, written: str | None = None) -> Deviation:
    paragraph = rec.doc.paragraphs[heading.paragraph]
    expected = (written or ordinal_label(wanted, heading.style)) + heading.punct
    detail = Text("trùng số", "repeated number") if heading.number is not None and heading.number < wanted \
        else Text("nhảy số", "gap in the numbering")
    return Deviation(("gap", heading.paragraph), paragraph, wording.quoted(expected),
                     wording.quoted(heading.label), None, detail, heading.role)


def _punctuation(params: Params, headings: tuple[Heading, ...], rec: Recognised) -> Iterator[Deviation]:
    roles = {level.role for level in params.levels}
    for role in [level.role for level in params.levels]:
        mine = [h for h in headings if h.role == role and h.role in roles and h.number is not None]
        counts = Counter(h.punct for h in mine)
        if len(counts) < 2:
            continue
        usual = counts.most_common(1)[0][0]
        name = role_name(role)
        for h in mine:
            if h.punct != usual:
                yield Deviation(("punct", role, h.punct), rec.doc.paragraphs[h.paragraph],
                                Text(f"«{usual}» như các {name.vi} khác", f"“{usual}” like the other {name.en}"),
                                wording.quoted(h.label), None, element=role)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    headings = tuple(sorted(rec.headings, key=lambda h: h.paragraph))
    walker = _sequence if params.check == "sequence" else _punctuation
    yield from group(rule, rec, walker(params, headings, rec))
