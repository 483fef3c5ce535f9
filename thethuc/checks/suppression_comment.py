"""Kind ``suppression_comment``: a Word comment meant as a suppression that does nothing.

A drafter who writes ``thethuc: bỏ qau H003`` (a typo) or names a code the rule set does not have
believes a finding is excused while it is not (or a wrong code is excused): say so once per comment,
at the paragraph the comment is anchored on. No keys. It needs the rule set being applied, to
know its codes (a ``RuleSetKind``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from thethuc.checks.common import make_finding
from thethuc.model import Finding, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import suggest
from thethuc.ruleset.params import params_parser
from thethuc.ruleset.types import Rule, RuleSet
from thethuc.suppress import parse_directive

# A comment addressed to the tool: it starts with the tool's name (a colon may be missing).
_ADDRESSED = re.compile(r"^\s*thethuc\b\s*:?", re.IGNORECASE)
_FORM = Text("thethuc: bỏ qua H003 -- lý do", "thethuc: ignore H003 -- reason")
_SHOWN_CHARS = 60


@dataclass(frozen=True, slots=True)
class Params:
    """A ``suppression_comment`` rule has no keys."""

    pass


parse = params_parser(Params, "suppression_comment")


def _shown(comment: str) -> str:
    text = " ".join(comment.split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def problem(comment: str, codes: frozenset[str] | set[str]) -> Text | None:
    """What is wrong with a comment addressed to the tool, or None when it is fine or not ours."""
    text = unicodedata.normalize("NFC", comment)
    if not _ADDRESSED.match(text):
        return None
    directive = parse_directive(text)
    if directive is None:
        return Text(f"chú thích «{_shown(text)}» không phải lệnh bỏ qua hợp lệ (viết: {_FORM.vi}); "
                    "không lỗi nào được bỏ qua",
                    f"the comment «{_shown(text)}» is no valid suppression (write: {_FORM.en}); "
                    "nothing is suppressed")
    unknown = sorted(directive.codes - codes)
    if not unknown:
        return None
    hint = suggest(unknown[0], sorted(codes))
    listed = ", ".join(unknown)
    return Text(f"chú thích bỏ qua mã {listed}, bộ quy tắc không có mã này{hint.vi}",
                f"the comment suppresses {listed}, which the rule set does not have{hint.en}")


def check(rule: Rule, params: Params, rec: Recognised, ruleset: RuleSet) -> Iterator[Finding]:
    codes = {r.code for r in ruleset.rules}
    for paragraph in rec.doc.paragraphs:
        for comment in paragraph.comments:
            detail = problem(comment, codes)
            if detail is not None:
                yield make_finding(rule, rec, paragraph, detail=detail,
                                   actual=Text(f"«{_shown(comment)}»", f"«{_shown(comment)}»"))
