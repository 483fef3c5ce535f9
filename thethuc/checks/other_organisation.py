"""Kind ``other_organisation``: a document of an organisation neither rule set governs.

Party archives hold Youth Union papers (``ĐOÀN TNCS HỒ CHÍ MINH`` where a Party document has
``ĐẢNG CỘNG SẢN VIỆT NAM``). Their "Số:" and "TM." look like a state document's, so without this
verdict they get a score of Nghị định 30 findings for a layout their own guidance sets. Said once,
the rest silenced. Keys: ``titles`` (the organisations' title lines), ``within`` (how many
non-empty paragraphs from the top the title may stand at, default 12), ``silence``.
A document with the Party's title or the national title is never one.
"""
from __future__ import annotations

from collections.abc import Iterator

from thethuc.checks.common import make_finding, top_lines
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import as_int, as_str_list
from thethuc.ruleset.params import param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import fold, squash

_OWN_TITLES = ("tieu_de", "quoc_hieu")  # the Party's or the state's title: the document is in scope


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of an ``other_organisation`` rule: the title lines of organisations neither rule set governs
    (a Youth Union paper), how near the top they may stand, and the codes the verdict silences."""

    titles: tuple[str, ...] = param(as_str_list)
    within: int = param(as_int, 12)
    silence: tuple[str, ...] = param(as_str_list, ())


parse = params_parser(Params, "other_organisation")


def organisation_title(params: Params, rec: Recognised) -> Paragraph | None:
    """The other organisation's title line near the top, or None."""
    if any(role in rec.roles for role in _OWN_TITLES):
        return None
    titles = {fold(t) for t in params.titles}
    return next((p for p in top_lines(rec, params.within) if fold(p.text) in titles), None)


def silenced(params: Params, rec: Recognised) -> tuple[str, ...]:
    return params.silence if organisation_title(params, rec) is not None else ()


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    title = organisation_title(params, rec)
    if title is None:
        return
    name = squash(title.text)
    yield make_finding(
        rule, rec, title, element=None,
        expected=Text("văn bản của Đảng (ĐẢNG CỘNG SẢN VIỆT NAM) hoặc văn bản hành chính nhà nước (quốc hiệu)",
                      "a Party document (ĐẢNG CỘNG SẢN VIỆT NAM) or a state document (national title)"),
        actual=Text(f"văn bản của tổ chức «{name}»", f"a document of “{name}”"),
        detail=Text("thể thức theo hướng dẫn riêng của tổ chức này, không kiểm tra",
                    "its layout follows that organisation's own guidance: not checked"))
