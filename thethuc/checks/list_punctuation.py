"""Kind ``list_punctuation``: the dash-list conventions of Nơi nhận and căn cứ lines.

Keys: ``prefix`` (each item starts with it, e.g. ``-``), ``terminators`` (allowed line ends of
the items but the last), ``consistent`` (one terminator throughout), ``last_terminator`` (one or a list),
``last_starts_with`` (e.g. ``Lưu``), ``last_no_colon``, ``skip_upper`` (all-capitals lines such
as the enacting clause after căn cứ lines are not items).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, targets
from thethuc.checks.text import letters, squash
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_str, as_str_list
from thethuc.ruleset.types import Rule

KEYS = frozenset({"prefix", "terminators", "consistent", "last_terminator", "last_starts_with",
                  "last_no_colon", "skip_upper"})


@dataclass(frozen=True, slots=True)
class Params:
    prefix: str | None = None
    terminators: tuple[str, ...] = ()
    consistent: bool = True
    last_terminator: tuple[str, ...] = ()
    last_starts_with: str | None = None
    last_no_colon: bool = False
    skip_upper: bool = False


def parse(node: LDict, where: Where) -> Params:
    def text(key: str) -> str | None:
        return as_str(node[key], node.at(key), key) if key in node else None

    def flag(key: str, default: bool) -> bool:
        return as_bool(node.get(key, default), node.at(key), key)

    return Params(prefix=text("prefix"),
                  terminators=as_str_list(node.get("terminators", []), node.at("terminators"), "terminators"),
                  consistent=flag("consistent", True),
                  last_terminator=as_str_list(node.get("last_terminator", []), node.at("last_terminator"),
                                              "last_terminator"),
                  last_starts_with=text("last_starts_with"), last_no_colon=flag("last_no_colon", False),
                  skip_upper=flag("skip_upper", False))


def _items(rule: Rule, params: Params, rec: Recognised) -> list[tuple[Paragraph, str]]:
    found = []
    for p in targets(rule, rec):
        text = squash(p.label_and_text)
        shown = letters(text)
        if not text or (params.skip_upper and len(shown) >= 2 and shown == shown.upper()):
            continue
        found.append((p, text))
    return found


def _body(text: str, prefix: str | None) -> str:
    return text[len(prefix):].strip() if prefix and text.startswith(prefix) else text


def _prefixes(params: Params, items: list[tuple[Paragraph, str]]) -> Iterator[Deviation]:
    if params.prefix is None:
        return
    for p, text in items:
        if not text.startswith(params.prefix):
            yield Deviation(("prefix",), p, wording.prefixed("bắt đầu bằng", "starts with", wording.quoted(params.prefix)),
                            wording.quoted(text[:12]), None,
                            Text("dòng không bắt đầu bằng gạch đầu dòng", "line without the leading dash"))


def _terminators(params: Params, items: list[tuple[Paragraph, str]]) -> Iterator[Deviation]:
    if not params.terminators:
        return
    allowed = wording.join(map(wording.quoted, params.terminators))
    used: list[tuple[Paragraph, str]] = []
    for p, text in items:
        end = text[-1]
        if end in params.terminators:
            used.append((p, end))
        else:
            yield Deviation(("end", end), p, wording.prefixed("kết thúc bằng", "ends with", allowed),
                            wording.prefixed("kết thúc bằng", "ends with", wording.quoted(end)), None,
                            Text("sai dấu cuối dòng", "wrong line ending"))
    counts = Counter(end for _, end in used)
    if params.consistent and len(counts) > 1:
        usual = counts.most_common(1)[0][0]
        for p, end in used:
            if end != usual:
                yield Deviation(("mixed",), p, wording.quoted(usual), wording.quoted(end), None,
                                Text("dấu cuối dòng không thống nhất", "line endings mixed"))


def _last(params: Params, p: Paragraph, text: str) -> Iterator[Deviation]:
    body = _body(text, params.prefix)
    if params.last_starts_with and not body.startswith(params.last_starts_with):
        yield Deviation(("last-start",), p, wording.quoted(f"{params.prefix or ''} {params.last_starts_with} …".strip()),
                        wording.quoted(text), None, Text("dòng cuối phải là dòng lưu", "the last line must be the filing line"))
    if params.last_no_colon and ":" in body:
        yield Deviation(("last-colon",), p, Text("không có dấu hai chấm", "no colon"), wording.quoted(text), None,
                        Text("có dấu hai chấm ở dòng cuối", "colon in the last line"))
    if params.last_terminator and not text.endswith(params.last_terminator):
        wanted = wording.join(map(wording.quoted, params.last_terminator))
        yield Deviation(("last-end",), p, wording.prefixed("kết thúc bằng", "ends with", wanted),
                        wording.prefixed("kết thúc bằng", "ends with", wording.quoted(text[-1])), None,
                        Text("sai dấu cuối dòng cuối", "wrong ending of the last line"))


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    items = _items(rule, params, rec)
    if not items:
        return
    deviations = [*_prefixes(params, items), *_terminators(params, items[:-1]), *_last(params, *items[-1])]
    yield from group(rule, rec, deviations)
