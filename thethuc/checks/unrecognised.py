"""Kind ``unrecognised``: the file does not have the layout of an official document at all.

Archives hold forms, CVs, contracts and appendices saved on their own. Checked element by element,
such a file gets a score of "missing" findings that tell a clerk nothing; said once, the verdict is
useful. Keys: ``core`` (the roles that make a header block), ``min_found`` (fewer of them found →
the verdict), ``silence`` (codes or prefixes the engine then does not run), ``form_titles`` (title
beginnings of forms and personal papers — ``TỜ KHAI``, ``ĐƠN``, ``BẢN TỰ KIỂM ĐIỂM`` — which carry a
quốc hiệu or the Party's name above them but are not issued documents: such a title in capitals
near the top of a file with no recognised document type is the verdict too), ``form_within``
(how many non-empty paragraphs from the top the title may stand at, default 12), ``form_severity``
(the severity of the form verdict: a known form or personal paper is not a faulty document, so the
rule files say ``info``; the "no layout at all" verdict keeps the rule's severity), ``checked_with``
(roles that make a file a document to check element by element even with fewer than ``min_found``
core roles: a file under ``ĐẢNG CỘNG SẢN VIỆT NAM`` but without a type still gets its header checked),
``form_markers`` (regexes, any case, over the top lines: what marks a form or a detached appendix
that has no title line of its own — ``Phụ lục I``, ``(Kèm theo Nghị định số 30/2020/NĐ-CP …)``,
``Mẫu 2C/TCTW-98`` — the same known-form verdict as a form title).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from thethuc.checks.common import make_finding, top_lines
from thethuc.checks.presence import compile_regex
from thethuc.checks.properties import displayed_letters
from thethuc.model import Finding, Paragraph, Recognised, Severity, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import Where, as_choice, as_int, as_roles, as_str_list
from thethuc.ruleset.params import param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import fold, squash

_TITLE_MAX_WORDS = 15  # a title line, not a sentence that happens to start with "Đơn"


def _severity(value: object, where: Where, what: str) -> Severity:
    return cast("Severity", as_choice(value, where, what, ("error", "warning", "info")))


def _regexes(value: object, where: Where, what: str) -> tuple[re.Pattern[str], ...]:
    # a wrong pattern is reported at the key's line (the items of a flow list share it anyway)
    return tuple(compile_regex(m, where, what) for m in as_str_list(value, where, what))


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of an ``unrecognised`` rule: what makes a file an official document to check element by
    element (its core header roles), what marks a form, personal paper or detached appendix, and the codes
    the verdict silences."""

    core: tuple[str, ...] = param(as_roles)
    min_found: int = param(as_int, 2)
    silence: tuple[str, ...] = param(as_str_list, ())
    form_titles: tuple[str, ...] = param(as_str_list, ())
    form_within: int = param(as_int, 12)
    form_severity: Severity | None = param(_severity, None)  # None: the rule's severity
    checked_with: tuple[str, ...] = param(as_roles, ())
    form_markers: tuple[re.Pattern[str], ...] = param(_regexes, ())


parse = params_parser(Params, "unrecognised")


def _found(params: Params, rec: Recognised) -> list[str]:
    present = set(rec.roles)
    return [role for role in params.core if role in present]


def _is_form_title(params: Params, paragraph: Paragraph) -> bool:
    key = fold(paragraph.text)
    shown = displayed_letters(paragraph)  # capitals as displayed: typed lower case with "All caps" counts
    return (bool(shown) and shown == shown.upper() and len(key.split()) <= _TITLE_MAX_WORDS
            and any(key == t or key.startswith(t + " ") for t in map(fold, params.form_titles)))


def _is_form_marker(params: Params, paragraph: Paragraph) -> bool:
    text = squash(paragraph.text)
    return any(marker.search(text) for marker in params.form_markers)


def form_title(params: Params, rec: Recognised) -> Paragraph | None:
    """The form's title line (or the line marking a form or a detached appendix), when the file is a
    form rather than an issued document: a document with a recognised type (nghị quyết, công văn …)
    is never one, whatever its lines say."""
    if not (params.form_titles or params.form_markers) or rec.document_type is not None:
        return None
    top = list(top_lines(rec, params.form_within))
    # The title names the form best; a marker ("Kèm theo Thông tư …") stands in only without one.
    return (next((p for p in top if _is_form_title(params, p)), None)
            or next((p for p in top if _is_form_marker(params, p)), None))


def _no_layout(params: Params, rec: Recognised) -> bool:
    if any(role in rec.roles for role in params.checked_with):
        return False  # a Party header without a type: its elements are checked (and reported missing)
    return len(_found(params, rec)) < params.min_found


def _fires(params: Params, rec: Recognised) -> bool:
    return _no_layout(params, rec) or form_title(params, rec) is not None


def silenced(params: Params, rec: Recognised) -> tuple[str, ...]:
    return params.silence if _fires(params, rec) else ()


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if not _fires(params, rec):
        return
    form = form_title(params, rec)
    if form is not None:
        title = squash(form.text)
        yield make_finding(
            rule, rec, form, element="ten_loai",
            expected=Text("văn bản ban hành có tên loại (nghị quyết, công văn…)",
                          "an issued document with a type (nghị quyết, công văn…)"),
            actual=Text(f"biểu mẫu, phụ lục hoặc giấy tờ cá nhân «{title}»",
                        f"a form, an appendix or a personal paper “{title}”"),
            detail=Text("biểu mẫu, không kiểm tra thể thức", "a form: layout not checked"),
            severity=params.form_severity)
        return
    found = ", ".join(_found(params, rec)) or "—"
    yield make_finding(
        rule, rec, None, element=None,
        expected=Text(f"ít nhất {params.min_found} thành phần của phần đầu văn bản",
                      f"at least {params.min_found} elements of the header block"),
        actual=Text(f"chỉ nhận ra: {found} (biểu mẫu, phụ lục tách rời hay văn bản không theo thể thức?)",
                    f"only found: {found} (a form, a detached appendix, or a document without the layout?)"))
