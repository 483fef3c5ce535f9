"""Kind ``reference``: the số và ký hiệu — its shape, and its type code against the document type.

Keys: ``check`` (``shape`` | ``agreement``), ``style`` (``party``: ``Số 15-NQ/TU``, HD36 — no
colon, hyphen then slash, body in capitals; ``state``: ``Số: 15/QĐ-UBND``, Nghị định 30 — colon,
slash after the number, hyphen before the body, a legal document's year ``Số: 30/2020/NĐ-CP``, a
công văn without a type code ``Số: 05/BNV-VP``), ``abbreviations`` (code → document types, the
LOẠI table / Phụ lục III), ``min_digits``, ``body_matches``, ``any_type`` (codes valid for every
type, e.g. BS for a copy), ``required``, ``sample``.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from thethuc.checks import wording
from thethuc.checks.common import BLANK_MODES, Deviation, blank_field, group, lead_paragraph
from thethuc.checks.presence import compile_regex
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_int, as_mapping, as_str, as_str_list
from thethuc.ruleset.params import choice, param, read_params
from thethuc.ruleset.types import Rule
from thethuc.textutil import FIELD, fill_fields, fold, squash


@dataclass(frozen=True, slots=True)
class Reference:
    """A số và ký hiệu split into its parts, read leniently so each deviation can be named: ``Số 15-NQ/TU``
    (Party) or ``Số: 15/QĐ-UBND`` (state) → number, separator, type code, separator, body."""

    colon: bool
    number: str
    sep1: str
    type: str
    sep2: str  # the separator before the body: "/" (party), "-" (state) or "" (no body)
    body: str  # "" when a state symbol has a single part (a công văn of a body without a unit)


_PARTY = re.compile(
    r"^(?P<so>số)(?P<colon>\s*:)?\s*(?P<num>\ue000|\d*)\s*(?P<sep1>[-–/.])?\s*"
    r"(?P<type>[^\s/\-–.]+)\s*(?P<sep2>[/\-–])\s*(?P<body>\S.*)$", re.IGNORECASE)
_STATE = re.compile(
    r"^(?P<so>số)(?P<colon>\s*:)?\s*(?P<num>\ue000|\d*)\s*(?P<sep1>[-–/.])\s*(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<type>[^\s/\-–]+)(?:\s*(?P<sep2>[-–])\s*(?P<body>\S.*))?$", re.IGNORECASE)
# Joint Party documents join the bodies with a hyphen: "Số 05-QC/BTCTU-BNCTU".
_PARTY_BODY = re.compile(r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")
# State body codes may hold a lower-case letter the state writes so: QĐ-TTg (Thủ tướng), BNV-VP.
_STATE_BODY = re.compile(r"^[A-ZĐ][A-Za-zĐ0-9]*(-[A-ZĐ][A-Za-zĐ0-9]*)*$")
# A type code as offices make them for a type the table lacks: the initials of the type in capitals
# ("GGT", "DS", "KHPH"). A lower-case letter marks a variant of a listed code ("QĐi" for the Party's
# "QĐ"), which stays a finding of the rule's own grade.
_WELL_FORMED_CODE = re.compile(r"^[A-ZĐ]{1,6}$")
_UNLISTED = ("type-unlisted",)
_CAPITALS = Text("viết tắt cơ quan in hoa", "body abbreviation in capitals")


def _parsed(pattern: re.Pattern[str], text: str) -> Reference | None:
    match = pattern.match(fill_fields(squash(text)))
    if match is None:
        return None
    return Reference(bool(match["colon"]), match["num"], match["sep1"] or "", match["type"],
                     match["sep2"] or "", (match["body"] or "").strip())


def parse_reference(text: str) -> Reference | None:
    """``Số 15-NQ/TU`` → its parts (the Party shape, read leniently so deviations can be named)."""
    return _parsed(_PARTY, text)


def parse_state_reference(text: str) -> Reference | None:
    """``Số: 15/QĐ-UBND``, ``Số: 30/2020/NĐ-CP``, ``Số: 05/BNV-VP`` → its parts."""
    return _parsed(_STATE, text)


@dataclass(frozen=True, slots=True)
class Style:
    """What differs between the Party and the state số và ký hiệu; the checks are the same."""

    parse: Callable[[str], Reference | None]
    colon: bool  # "Số:" is required (state) or forbidden (party)
    colon_expected: Text
    colon_detail: Text
    separators: tuple[str, str | None]  # (after the number, before the body); None = not checked
    separators_expected: Text
    body: re.Pattern[str]
    body_expected: Text
    type_detail: Text
    sample: str
    symbol_only_for_cong_van: bool  # a công văn's symbol has no type code


STYLES: dict[str, Style] = {
    "party": Style(
        parse_reference, False, Text("«Số» không có dấu hai chấm", "no colon after “Số”"),
        Text("có dấu hai chấm sau «Số»", "colon after “Số”"), ("-", "/"),
        Text("gạch nối sau số, gạch chéo sau tên loại (15-NQ/TU)",
             "hyphen after the number, slash after the type (15-NQ/TU)"),
        _PARTY_BODY, _CAPITALS,
        Text("tên loại viết tắt không có trong bảng", "type abbreviation not in the table"), "Số 15-NQ/TU", False),
    "state": Style(
        parse_state_reference, True, Text("«Số:» có dấu hai chấm", "a colon after “Số”"),
        Text("thiếu dấu hai chấm sau «Số»", "no colon after “Số”"), ("/", None),
        Text("gạch chéo sau số (15/QĐ-UBND)", "a slash after the number (15/QĐ-UBND)"),
        _STATE_BODY, Text("viết tắt cơ quan in hoa sau gạch nối (15/QĐ-UBND)",
                          "body abbreviation in capitals after a hyphen (15/QĐ-UBND)"),
        Text("tên loại viết tắt không có trong bảng (Phụ lục III)",
             "type abbreviation not in the table (Appendix III)"),
        "Số: 15/QĐ-UBND", True),
}


def _abbreviations(value: object, where: Where, what: str) -> Mapping[str, tuple[str, ...]]:
    """``{NQ: [nghị quyết], …}``: type code → the document types it abbreviates (folded)."""
    table = as_mapping(value, where, what)
    return {code: tuple(fold(t) for t in as_str_list(types, table.at(code), f"{what}.{code}"))
            for code, types in table.items()}


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``reference`` rule: the shape of the số và ký hiệu in the Party or state style
    (``shape``), or its type code against the document type (``agreement``)."""

    check: str = param(choice("shape", "agreement"))
    abbreviations: Mapping[str, tuple[str, ...]] = param(_abbreviations)
    style: str = param(choice(*STYLES), "party")
    min_digits: int = param(as_int, 2)
    body_matches: re.Pattern[str] = param(compile_regex, _PARTY_BODY)  # unless written: the style's
    any_type: tuple[str, ...] = param(as_str_list, ())
    required: bool = param(as_bool, False)
    sample: str = param(as_str, "Số 15-NQ/TU")  # unless written: the style's
    blank: str = param(choice(*BLANK_MODES), "missing")


def parse(node: LDict, where: Where) -> Params:
    params = read_params(Params, node, "reference")
    style = STYLES[params.style]
    return replace(params, body_matches=params.body_matches if "body_matches" in node else style.body,
                   sample=params.sample if "sample" in node else style.sample)


def _cause(p: Paragraph, key: str, expected: Text, actual: Text, detail: Text) -> Deviation:
    return Deviation((key,), p, expected, actual, None, detail)


def _symbol_only(style: Style, rec: Recognised) -> bool:
    return style.symbol_only_for_cong_van and rec.document_type is not None and \
        fold(rec.document_type) == fold("công văn")


def _punctuation(style: Style, p: Paragraph, ref: Reference) -> Iterator[Deviation]:
    text = wording.quoted(squash(p.text))
    if ref.colon != style.colon:
        yield _cause(p, "colon", style.colon_expected, text, style.colon_detail)
    after_number, before_body = style.separators
    if ref.sep1 != after_number or (before_body is not None and ref.sep2 != before_body):
        yield _cause(p, "separators", style.separators_expected, text, Text("sai dấu phân cách", "wrong separators"))


def _blanks(ref: Reference) -> tuple[Text, ...]:
    """The parts of the symbol left blank or as a template field, named for the message."""
    parts = ((ref.number in ("", FIELD), Text("số", "number")), (FIELD in ref.type, Text("tên loại", "type")),
             (FIELD in ref.body, Text("cơ quan", "body")))
    return tuple(name for blank, name in parts if blank)


def _blank(params: Params, p: Paragraph, blanks: tuple[Text, ...]) -> Iterator[Deviation]:
    if not blanks:
        return
    missing = Text("thiếu số", "number missing") if len(blanks) == 1 and blanks[0].en == "number" else Text(
        "chưa điền " + ", ".join(b.vi for b in blanks), "not filled in: " + ", ".join(b.en for b in blanks))
    yield from blank_field(params.blank, p, wording.quoted(squash(p.text)),
                           Text("có số văn bản", "a document number"), missing)


def _number(params: Params, p: Paragraph, ref: Reference) -> Iterator[Deviation]:
    if ref.number.isdigit() and len(ref.number) < params.min_digits:
        yield _cause(p, "padding", wording.quoted(ref.number.zfill(params.min_digits)), wording.quoted(ref.number),
                     Text("số nhỏ hơn 10 phải có số 0 ở trước", "numbers below 10 take a leading zero"))


def _codes(params: Params, style: Style, p: Paragraph, ref: Reference, rec: Recognised) -> Iterator[Deviation]:
    malformed = Text("sai viết tắt cơ quan", "malformed body abbreviation")
    if _symbol_only(style, rec):  # the issuing body and the drafting unit only: all of it is a body code
        symbol = f"{ref.type}-{ref.body}" if ref.body else ref.type
        if FIELD not in symbol and not params.body_matches.match(symbol):
            yield _cause(p, "body", _CAPITALS, wording.quoted(symbol), malformed)
        return
    if FIELD not in ref.type and ref.type not in params.abbreviations and ref.type not in params.any_type:
        if _WELL_FORMED_CODE.match(ref.type):
            # The table is not closed (GGT, DS, the initials of a type it does not list): information.
            yield _cause(p, _UNLISTED[0], Text("viết tắt tên loại có trong bảng viết tắt",
                                                  "a type code from the abbreviation table"),
                         wording.quoted(ref.type), Text("viết tắt tên loại không có trong bảng (chỉ để biết)",
                                                        "type code not in the table (for information)"))
        else:
            yield _cause(p, "type", wording.join(map(wording.quoted, list(params.abbreviations)[:6])),
                         wording.quoted(ref.type), style.type_detail)
    if FIELD not in ref.body and not params.body_matches.match(ref.body):
        yield _cause(p, "body", style.body_expected, wording.quoted(ref.body or squash(p.text)), malformed)


def _shape(params: Params, p: Paragraph, ref: Reference | None, rec: Recognised) -> Iterator[Deviation]:
    style = STYLES[params.style]
    if ref is None:
        yield _cause(p, "shape", Text(f"dạng «{params.sample}»", f"shaped like “{params.sample}”"),
                     wording.quoted(squash(p.text)), Text("sai mẫu số và ký hiệu", "malformed number and symbol"))
        return
    yield from _punctuation(style, p, ref)
    yield from _blank(params, p, _blanks(ref))
    yield from _number(params, p, ref)
    yield from _codes(params, style, p, ref, rec)


def _agreement(params: Params, p: Paragraph, ref: Reference | None, rec: Recognised) -> Iterator[Deviation]:
    if ref is None or rec.document_type is None or ref.type in params.any_type or FIELD in ref.type \
            or _symbol_only(STYLES[params.style], rec):
        return
    allowed = params.abbreviations.get(ref.type)
    doc_type = fold(rec.document_type)
    if allowed is None or doc_type in allowed:
        return
    right = [code for code, types in params.abbreviations.items() if doc_type in types]
    expected = wording.join(map(wording.quoted, right)) if right else Text(
        f"viết tắt của «{rec.document_type}»", f"the abbreviation of “{rec.document_type}”")
    yield Deviation(("agreement", ref.type), p, expected, wording.quoted(ref.type), None,
                    Text(f"không khớp tên loại «{rec.document_type}»",
                         f"does not match the type “{rec.document_type}”"))


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    first, absent = lead_paragraph(rule, rec, params.required)
    yield from absent
    if first is None:
        return
    ref = STYLES[params.style].parse(first.text)
    run = _shape if params.check == "shape" else _agreement
    deviations = list(run(params, first, ref, rec))
    yield from group(rule, rec, (d for d in deviations if d.key != _UNLISTED))
    for finding in group(rule, rec, (d for d in deviations if d.key == _UNLISTED)):
        yield dataclasses.replace(finding, severity="info")
