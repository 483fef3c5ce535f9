"""Kind ``list_punctuation``: the dash-list conventions of Nơi nhận and căn cứ lines.

Keys: ``prefix`` (each item starts with it, e.g. ``-``), ``terminators`` (allowed line ends of
the items but the last), ``consistent`` (one terminator throughout), ``last_terminator`` (one or a list),
``last_starts_with`` (e.g. ``Lưu``), ``last_no_colon``, ``last_item`` (a regex the whole last item
must match, e.g. nd30's ``- Lưu: VT, …``) with ``last_item_sample`` (how it is shown), ``first_item``
(a regex the first item must match, e.g. ``- Như trên;``) with ``first_item_sample`` and
``first_item_for`` (document types it applies to; empty = all), ``skip_upper`` (all-capitals lines
such as the enacting clause after căn cứ lines are not items), ``items_match`` (a regex; other lines
are not items: the enacting sentence after the căn cứ lines, which ends the sentence they open, so
the last căn cứ before it ends like the others), ``continued_by_sentence`` (a body sentence right
after the last item — ``Thực hiện Kế hoạch số …``, ``Ban Thường trực … ban hành kế hoạch …`` in a
kế hoạch or hướng dẫn — carries on the sentence the list opens, so the last item may end like the
others or close the list; a heading or a capitals line such as ``QUYẾT ĐỊNH:`` after it does not). A line wrapped onto
the next paragraph (no dash, the item above not closed) is part of the item above, not an item.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from thethuc.checks import wording
from thethuc.checks.common import Deviation, document_type_is, group, targets, wrapped_lines
from thethuc.checks.presence import compile_regex
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_str, as_str_list
from thethuc.ruleset.params import param, read_params
from thethuc.ruleset.types import Rule
from thethuc.textutil import letters, squash


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``list_punctuation`` rule: the dash-list conventions of Nơi nhận items and căn cứ lines
    (item prefix, line-end punctuation, the shape of the first and last items)."""

    prefix: str | None = param(as_str, None)
    terminators: tuple[str, ...] = param(as_str_list, ())
    consistent: bool = param(as_bool, True)
    last_terminator: tuple[str, ...] = param(as_str_list, ())
    last_starts_with: str | None = param(as_str, None)
    last_no_colon: bool = param(as_bool, False)
    skip_upper: bool = param(as_bool, False)
    last_item: re.Pattern[str] | None = param(compile_regex, None)
    last_item_sample: str = param(as_str, "")  # unless written (or empty): the pattern of last_item
    first_item: re.Pattern[str] | None = param(compile_regex, None)
    first_item_sample: str = param(as_str, "")  # unless written (or empty): the pattern of first_item
    first_item_for: tuple[str, ...] = param(as_str_list, ())
    items_match: re.Pattern[str] | None = param(compile_regex, None)
    continued_by_sentence: bool = param(as_bool, False)


@dataclass(frozen=True, slots=True)
class Item:
    """One list item: its first paragraph, the paragraph it ends in (a wrap), its joined text."""

    first: Paragraph
    last: Paragraph
    text: str


def parse(node: LDict, where: Where) -> Params:
    params = read_params(Params, node, "list_punctuation")
    last, first = params.last_item, params.first_item
    return replace(params, last_item_sample=params.last_item_sample or (last.pattern if last else ""),
                   first_item_sample=params.first_item_sample or (first.pattern if first else ""))


def _is_upper_line(text: str) -> bool:
    shown = letters(text)
    return len(shown) >= 2 and shown == shown.upper()


_ENDS = ";,."


def _own_text(text: str) -> str:
    """The item without a side note laid out beside it over two lines with spaces: «- Ban TT UBTW
    MTTQ VN; (Để» / «- Ban Thường vụ Tỉnh ủy;      báo cáo)» (HD hiệp thương, MTTQ Quảng Ninh):
    the items end with «;», the note in parentheses is not theirs."""
    if text.count("(") > text.count(")"):
        head = text[:text.rindex("(")].rstrip()
    elif text.count(")") > text.count("("):
        cut = max(text.rfind(c) for c in _ENDS)
        head = text[:cut + 1] if cut > 0 else ""
    else:
        return text
    return head if head[-1:] in _ENDS else text


def _items(rule: Rule, params: Params, rec: Recognised) -> tuple[list[Item], bool]:
    """The items, and whether a line that is not an item (``items_match``) follows the last one:
    the enacting sentence ``Chính phủ ban hành Nghị định ….`` that the căn cứ lines lead into."""
    lines = [p for p in targets(rule, rec) if squash(p.label_and_text)
             and not (params.skip_upper and _is_upper_line(squash(p.label_and_text)))]
    wrapped = wrapped_lines(lines)
    items: list[Item] = []
    closed = False
    for p in lines:
        text = _own_text(squash(p.label_and_text))
        if p.index in wrapped and items:
            items[-1] = Item(items[-1].first, p, f"{items[-1].text} {text}")
        elif params.items_match is not None and not params.items_match.search(text):
            closed = bool(items)
        else:
            items.append(Item(p, p, text))
            closed = False
    return items, closed


def _continued_by_sentence(rec: Recognised, last: Paragraph) -> bool:
    """The next paragraph with text after the list is body text (not a heading, not a capitals line
    like ``QUYẾT ĐỊNH:``): the list leads into that sentence."""
    paragraphs = rec.doc.paragraphs
    for p in paragraphs[last.index + 1:]:
        if p.location.part_name != last.location.part_name:
            return False
        text = squash(p.label_and_text)
        if text:
            return rec.role_of(p) == "noi_dung" and not p.fmt.numbering_label and not _is_upper_line(text)
    return False


def _body(text: str, prefix: str | None) -> str:
    return text[len(prefix):].strip() if prefix and text.startswith(prefix) else text


def _prefixes(params: Params, items: list[Item]) -> Iterator[Deviation]:
    if params.prefix is None:
        return
    for item in items:
        if not item.text.startswith(params.prefix):
            yield Deviation(("prefix",), item.first,
                            wording.prefixed("bắt đầu bằng", "starts with", wording.quoted(params.prefix)),
                            wording.quoted(item.text[:12]), None,
                            Text("dòng không bắt đầu bằng gạch đầu dòng", "line without the leading dash"))


def _terminators(params: Params, items: list[Item]) -> Iterator[Deviation]:
    if not params.terminators:
        return
    allowed = wording.join(map(wording.quoted, params.terminators))
    used: list[tuple[Paragraph, str]] = []
    for item in items:
        end = item.text[-1]
        if end in params.terminators:
            used.append((item.last, end))
        else:
            yield Deviation(("end", end), item.last, wording.prefixed("kết thúc bằng", "ends with", allowed),
                            wording.ending(end, params.terminators), None,
                            Text("sai dấu cuối dòng", "wrong line ending"))
    counts = Counter(end for _, end in used)
    if params.consistent and len(counts) > 1:
        usual = counts.most_common(1)[0][0]
        for p, end in used:
            if end != usual:
                yield Deviation(("mixed",), p, wording.quoted(usual), wording.quoted(end), None,
                                Text("dấu cuối dòng không thống nhất", "line endings mixed"))


def _first(params: Params, item: Item, rec: Recognised) -> Iterator[Deviation]:
    if params.first_item is None or (params.first_item_for and not document_type_is(rec, params.first_item_for)):
        return
    if not params.first_item.search(item.text):
        sample = params.first_item_sample
        yield Deviation(("first-item",), item.first, wording.quoted(sample), wording.quoted(item.text), None,
                        Text(f"dòng đầu phải là «{sample}»", f"the first line must be “{sample}”"))


def _last(params: Params, item: Item) -> Iterator[Deviation]:
    text, body = item.text, _body(item.text, params.prefix)
    if params.last_starts_with and not body.startswith(params.last_starts_with):
        yield Deviation(("last-start",), item.first,
                        wording.quoted(f"{params.prefix or ''} {params.last_starts_with} …".strip()),
                        wording.quoted(text), None, Text("dòng cuối phải là dòng lưu",
                                                         "the last line must be the filing line"))
    if params.last_item is not None and not params.last_item.search(text):
        sample = params.last_item_sample
        yield Deviation(("last-item",), item.first, wording.quoted(sample), wording.quoted(text), None,
                        Text(f"dòng cuối phải có dạng «{sample}»", f"the last line must read “{sample}”"))
    if params.last_no_colon and ":" in body:
        yield Deviation(("last-colon",), item.first, Text("không có dấu hai chấm", "no colon"), wording.quoted(text),
                        None, Text("có dấu hai chấm ở dòng cuối", "colon in the last line"))
    if params.last_terminator and not text.endswith(params.last_terminator):
        wanted = wording.join(map(wording.quoted, params.last_terminator))
        yield Deviation(("last-end",), item.last, wording.prefixed("kết thúc bằng", "ends with", wanted),
                        wording.ending(text, params.last_terminator), None,
                        Text("sai dấu cuối dòng cuối", "wrong ending of the last line"))


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    items, closed = _items(rule, params, rec)
    if not items:
        return
    # Under a closing sentence the last item is a middle one: the sentence carries on after it.
    middle, last = (items, []) if closed else (items[:-1], items[-1:])
    if not closed and params.continued_by_sentence and _continued_by_sentence(rec, items[-1].last):
        # Offices end such a last căn cứ either way ("…;" carrying on, "…." closing the căn cứ):
        # both are read as right.
        middle, last = items[:-1], []
        if not items[-1].text.endswith((*params.terminators, *params.last_terminator)):
            middle = items
    deviations = [*_prefixes(params, items), *_first(params, items[0], rec), *_terminators(params, middle),
                  *(d for item in last for d in _last(params, item))]
    yield from group(rule, rec, deviations)
