"""Kind ``presence``: an element exists (min/max count), with its fixed text and its place.

Keys: ``min`` (default 1), ``max``, ``text`` (allowed exact texts, compared folded), ``text_matches``
(regex), ``side`` (left/right half or table column), ``above``/``below``/``level_with`` (roles),
``first_page``, ``align``, ``unless_document_type``, ``only_if_present``. The target roles are
alternatives: any of them present counts. This is the existence rule of its element.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from thethuc.checks import wording
from thethuc.checks.common import Deviation, document_type_is, group, missing, targets
from thethuc.checks.properties import ALIGNS
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.placement import paragraph_side
from thethuc.records import dataclass
from thethuc.roles import role_name
from thethuc.ruleset.nodes import Where, as_bool, as_int, as_roles, as_str, as_str_list
from thethuc.ruleset.params import choice, choices, param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import fold, squash


def compile_regex(value: object, where: Where, what: str) -> re.Pattern[str]:
    try:
        return re.compile(as_str(value, where, what))
    except re.error as err:
        raise where.error(Text(f"'{what}': biểu thức chính quy (regex) không hợp lệ ({err})",
                               f"'{what}': not a valid regular expression ({err})")) from err


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``presence`` rule, the existence rule of its element: how many there may be, their
    fixed texts, and where they stand (side, above or below other elements, page 1, alignment)."""

    min: int = param(as_int, 1)
    max: int | None = param(as_int, None)
    text: tuple[str, ...] = param(as_str_list, ())
    text_matches: re.Pattern[str] | None = param(compile_regex, None)
    side: str | None = param(choice("left", "right"), None)
    above: tuple[str, ...] = param(as_roles, ())
    below: tuple[str, ...] = param(as_roles, ())
    level_with: tuple[str, ...] = param(as_roles, ())
    first_page: bool = param(as_bool, False)
    align: tuple[str, ...] = param(choices(*ALIGNS), ())
    unless_document_type: tuple[str, ...] = param(as_str_list, ())
    only_if_present: tuple[str, ...] = param(as_roles, ())


parse = params_parser(Params, "presence")


# ---------------------------------------------------------------- position facts


def side_of(paragraph: Paragraph, rec: Recognised) -> str:
    """``left``, ``center`` or ``right``: the side the recogniser placed the paragraph by (thethuc.placement)."""
    return paragraph_side(rec.doc, paragraph)


def level_with(a: Paragraph, b: Paragraph) -> bool | None:
    """Same table row; None when neither is in a table (the model has no vertical positions)."""
    ta, tb = a.location.table, b.location.table
    if ta is None and tb is None:
        return None
    return ta is not None and tb is not None and a.location.part_name == b.location.part_name \
        and ta[:2] == tb[:2]


def on_first_page(paragraph: Paragraph, rec: Recognised) -> bool:
    """No section or page break before it (header/footer parts show on page 1 anyway)."""
    if paragraph.location.part != "document":
        return True
    if paragraph.section != 0:
        return False
    earlier = rec.doc.paragraphs[1: paragraph.index + 1]
    return not any(p.page_break_before or p.fmt.page_break_before for p in earlier
                   if p.location.part == "document")


# ---------------------------------------------------------------- the checks


def _skip(params: Params, rec: Recognised) -> bool:
    if params.unless_document_type and document_type_is(rec, params.unless_document_type):
        return True
    return bool(params.only_if_present) and not any(r in params.only_if_present for r in rec.roles)


def _text_deviations(params: Params, p: Paragraph) -> Iterator[Deviation]:
    text = squash(p.label_and_text)
    if params.text and fold(text) not in {fold(t) for t in params.text}:
        yield Deviation(("text",), p, wording.join(map(wording.quoted, params.text)), wording.quoted(text),
                        detail=Text("sai nội dung", "wrong text"))
    if params.text_matches is not None and not params.text_matches.search(text):
        yield Deviation(("text_matches",), p, Text(f"khớp mẫu {params.text_matches.pattern}",
                                                   f"matching {params.text_matches.pattern}"),
                        wording.quoted(text), detail=Text("sai nội dung", "wrong text"))


def _relative(params: Params, p: Paragraph, rec: Recognised) -> Iterator[Deviation]:
    for role in params.above:
        others = rec.paragraphs_with(role)
        if others and p.index > min(o.index for o in others):
            name = role_name(role)
            yield Deviation(("above", role), p, Text(f"ở trên {name.vi}", f"above the {name.en}"),
                            Text(f"ở dưới {name.vi}", f"below the {name.en}"), detail=Text("sai vị trí", "misplaced"))
    for role in params.below:
        others = rec.paragraphs_with(role)
        if others and p.index < max(o.index for o in others):
            name = role_name(role)
            yield Deviation(("below", role), p, Text(f"ở dưới {name.vi}", f"below the {name.en}"),
                            Text(f"ở trên {name.vi}", f"above the {name.en}"), detail=Text("sai vị trí", "misplaced"))
    for role in params.level_with:
        others = rec.paragraphs_with(role)
        if _side_by_side(others):
            continue  # joint signers fill the row: Nơi nhận goes under them (HD36 joint documents)
        if others and not any(level_with(p, o) is not False for o in others):
            name = role_name(role)
            yield Deviation(("level", role), p, Text(f"ngang hàng với {name.vi}", f"level with the {name.en}"),
                            Text(f"không ngang hàng với {name.vi}", f"not level with the {name.en}"),
                            detail=Text("sai vị trí", "misplaced"))


_SIDES = {"left": Text("bên trái", "on the left"), "right": Text("bên phải", "on the right"),
          "center": Text("ở giữa trang", "in the middle")}


def _row(p: Paragraph) -> tuple[str, int, int] | None:
    table = p.location.table
    return None if table is None else (p.location.part_name, table[0], table[1])


def _side_by_side(paragraphs: Sequence[Paragraph]) -> bool:
    """Elements of one kind in the left column and in another column of the same table row: joint
    signers, each a signature block of its own."""
    rows: dict[tuple[str, int, int], set[bool]] = {}
    for p in paragraphs:
        row = _row(p)
        if row is not None and p.location.table is not None:
            rows.setdefault(row, set()).add(p.location.table[2] == 0)
    return any(len(columns) == 2 for columns in rows.values())


def _beside(p: Paragraph, side: str, present: Sequence[Paragraph], rec: Recognised) -> bool:
    """Another element of the rule in the same table row sits on the wanted side: a joint signer
    on the left beside the one on the right is a signature block of its own, not a misplaced one."""
    row = _row(p)
    return row is not None and any(_row(o) == row and side_of(o, rec) == side for o in present)


def _place(params: Params, p: Paragraph, rec: Recognised, present: Sequence[Paragraph]) -> Iterator[Deviation]:
    if params.side is not None and (side := side_of(p, rec)) != params.side and not _beside(p, params.side, present,
                                                                                            rec):
        yield Deviation(("side", side), p, _SIDES[params.side], _SIDES[side], detail=Text("sai vị trí", "misplaced"))
    if params.first_page and not on_first_page(p, rec):
        yield Deviation(("page",), p, Text("ở trang đầu", "on the first page"),
                        Text("không ở trang đầu", "not on the first page"), detail=Text("sai vị trí", "misplaced"))
    if params.align and (align := p.fmt.align.value) not in params.align:
        yield Deviation(("align", align), p, wording.either("align", params.align), wording.value("align", align),
                        p.fmt.align.source)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    present = list(targets(rule, rec))
    if len(present) < params.min:
        if not _skip(params, rec):
            yield missing(rule, rec)
        return
    deviations: list[Deviation] = []
    if params.max is not None and len(present) > params.max:
        deviations.append(Deviation(("count",), present[params.max],
                                    wording.count(params.max, "lần", "time"),
                                    wording.count(len(present), "lần", "time"),
                                    detail=Text("lặp lại", "repeated")))
    for p in present:
        deviations.extend(_text_deviations(params, p))
        deviations.extend(_place(params, p, rec, present))
        deviations.extend(_relative(params, p, rec))
    yield from group(rule, rec, deviations)
