"""Kind ``pattern``: the target text must (not) match regexes, or be one of fixed texts.

Keys: ``must_match``, ``must_not_match`` (regexes on the NFC, space-collapsed text with its list
label), ``one_of`` (fixed texts, compared folded), ``forbid`` (list of ``{match, suggest}``: a
wrong form and its right form, e.g. ``TM.`` → ``T/M``), ``which`` (all | first | last paragraph),
``required`` (a missing target is a finding of this rule). A matched ``forbid`` is the cause, so
``must_match`` is not reported again for that paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, missing, targets
from thethuc.checks.presence import compile_regex
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import (
    LDict,
    Where,
    as_bool,
    as_mapping,
    as_str,
    as_str_list,
    as_text,
    check_keys,
    require,
)
from thethuc.ruleset.params import choice, items, param, read_params
from thethuc.ruleset.types import Rule
from thethuc.textutil import fold, squash


@dataclass(frozen=True, slots=True)
class Forbidden:
    """A wrong form a ``pattern`` rule forbids, with the right form it suggests (``TM.`` → ``T/M``)."""

    match: re.Pattern[str]
    suggest: str


def _forbidden(value: object, where: Where, what: str) -> Forbidden:
    item = Text("một mục của 'forbid'", "a 'forbid' item")
    node = as_mapping(value, where, item)
    check_keys(node, ("match", "suggest"), item)
    return Forbidden(compile_regex(require(node, "match", item), node.at("match"), "match"),
                     as_str(require(node, "suggest", item), node.at("suggest"), "suggest"))


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``pattern`` rule: what its target's text must (not) match, the fixed texts it may be,
    the wrong forms it must not use, and which target paragraphs are judged."""

    must_match: re.Pattern[str] | None = param(compile_regex, None)
    must_not_match: re.Pattern[str] | None = param(compile_regex, None)
    one_of: tuple[str, ...] = param(as_str_list, ())
    forbid: tuple[Forbidden, ...] = param(items(_forbidden), ())
    which: str = param(choice("all", "first", "last"), "all")
    required: bool = param(as_bool, False)
    # what the right form looks like, shown as "expected" for must_match
    hint: Text | None = param(as_text, None)


def parse(node: LDict, where: Where) -> Params:
    params = read_params(Params, node, "pattern")
    if not (params.must_match or params.must_not_match or params.one_of or params.forbid):
        raise where.error(Text("quy tắc loại 'pattern' cần ít nhất một khóa 'must_match', 'must_not_match', "
                               "'one_of' hoặc 'forbid'",
                               "a pattern rule needs 'must_match', 'must_not_match', 'one_of' or 'forbid'"))
    return params


def _chosen(params: Params, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    if params.which == "first":
        return paragraphs[:1]
    if params.which == "last":
        return paragraphs[-1:]
    return paragraphs


def _deviations(params: Params, p: Paragraph) -> Iterator[Deviation]:
    text = squash(p.label_and_text)
    for bad in params.forbid:
        found = bad.match.search(text)
        if found:
            yield Deviation(("forbid", found.group(0)), p, wording.quoted(bad.suggest),
                            wording.quoted(found.group(0)), None)
            return
    if params.one_of and fold(text) not in {fold(t) for t in params.one_of}:
        yield Deviation(("one_of", text), p, wording.join(map(wording.quoted, params.one_of)),
                        wording.quoted(text), None)
    if params.must_match is not None and not params.must_match.search(text):
        expected = params.hint or Text(f"khớp mẫu {params.must_match.pattern}",
                                       f"matching {params.must_match.pattern}")
        yield Deviation(("must_match",), p, expected, wording.quoted(text), None)
    if params.must_not_match is not None and (found := params.must_not_match.search(text)):
        yield Deviation(("must_not_match", found.group(0)), p, Text("không có " + wording.quoted(found.group(0)).vi,
                                                                  "without " + wording.quoted(found.group(0)).en),
                        wording.quoted(text), None)


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    paragraphs = tuple(p for p in targets(rule, rec) if squash(p.label_and_text))
    if not paragraphs:
        if params.required:
            yield missing(rule, rec)
        return
    deviations = [d for p in _chosen(params, paragraphs) for d in _deviations(params, p)]
    yield from group(rule, rec, deviations)
