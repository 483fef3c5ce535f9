"""Kind ``state_reference``: the state số và ký hiệu ``Số: 15/QĐ-UBND`` (Nghị định 30, Phụ lục I).

Keys: ``check`` (``shape``: colon after Số, slash after the number, padded number, known type code,
body code; ``agreement``: the type code matches the document type), ``abbreviations`` (Phụ lục III),
``min_digits``, ``body_matches``, ``required``, ``sample``. A công văn has no type code
(``Số: 05/BNV-VP``); a legal normative document carries its year (``Số: 30/2020/NĐ-CP``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from thethuc.checks import wording
from thethuc.checks.common import Deviation, group, is_draft, missing, targets
from thethuc.checks.presence import compile_regex
from thethuc.checks.text import fold, squash
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_choice, as_int, as_mapping, as_str, as_str_list, require
from thethuc.ruleset.types import Rule

KEYS = frozenset({"check", "abbreviations", "min_digits", "body_matches", "required", "sample"})

_REFERENCE = re.compile(
    r"^(?P<so>số)(?P<colon>\s*:)?\s*(?P<num>\d*)\s*(?P<sep1>[-–/.])\s*(?:(?P<year>\d{4})\s*/\s*)?"
    r"(?P<type>[^\s/\-–]+)(?:\s*[-–]\s*(?P<body>\S.*))?$", re.IGNORECASE)
# Body codes may hold a lower-case letter the state writes so: QĐ-TTg (Thủ tướng), BNV-VP.
_BODY = re.compile(r"^[A-ZĐ][A-Za-zĐ0-9]*(-[A-ZĐ][A-Za-zĐ0-9]*)*$")
_SAMPLE = "Số: 15/QĐ-UBND"


@dataclass(frozen=True, slots=True)
class StateReference:
    colon: bool
    number: str
    sep1: str
    type: str
    body: str  # "" when the symbol has a single part (a công văn of a body without a unit)


@dataclass(frozen=True, slots=True)
class Params:
    check: str
    abbreviations: Mapping[str, tuple[str, ...]]
    min_digits: int = 2
    body_matches: re.Pattern[str] = _BODY
    required: bool = False
    sample: str = _SAMPLE


def parse(node: LDict, where: Where) -> Params:
    check = as_choice(require(node, "check", "a state_reference rule"), node.at("check"), "check",
                      ("shape", "agreement"))
    table = as_mapping(require(node, "abbreviations", "a state_reference rule"), node.at("abbreviations"),
                       "abbreviations")
    abbreviations = {code: tuple(fold(t) for t in as_str_list(types, table.at(code), f"abbreviations.{code}"))
                     for code, types in table.items()}
    return Params(
        check=check, abbreviations=abbreviations,
        min_digits=as_int(node.get("min_digits", 2), node.at("min_digits"), "min_digits"),
        body_matches=compile_regex(node["body_matches"], node.at("body_matches"), "body_matches")
        if "body_matches" in node else _BODY,
        required=as_bool(node.get("required", False), node.at("required"), "required"),
        sample=as_str(node.get("sample", _SAMPLE), node.at("sample"), "sample"))


def parse_state_reference(text: str) -> StateReference | None:
    match = _REFERENCE.match(squash(text))
    if match is None:
        return None
    return StateReference(bool(match["colon"]), match["num"], match["sep1"], match["type"],
                          (match["body"] or "").strip())


def _is_cong_van(rec: Recognised) -> bool:
    return rec.document_type is not None and fold(rec.document_type) == fold("công văn")


def _cause(p: Paragraph, key: str, expected: Text, actual: Text, detail: Text) -> Deviation:
    return Deviation((key,), p, expected, actual, None, detail)


def _number(params: Params, p: Paragraph, ref: StateReference, draft: bool) -> Iterator[Deviation]:
    if not ref.number and not draft:
        yield _cause(p, "number", Text("có số văn bản", "a document number"), wording.quoted(squash(p.text)),
                     Text("thiếu số", "number missing"))
    elif ref.number and len(ref.number) < params.min_digits:
        yield _cause(p, "padding", wording.quoted(ref.number.zfill(params.min_digits)), wording.quoted(ref.number),
                     Text("số nhỏ hơn 10 phải có số 0 ở trước", "numbers below 10 take a leading zero"))


def _codes(params: Params, p: Paragraph, ref: StateReference, rec: Recognised) -> Iterator[Deviation]:
    # A công văn's symbol is the issuing body and the drafting unit only: the whole of it is a body code.
    if _is_cong_van(rec):
        symbol = f"{ref.type}-{ref.body}" if ref.body else ref.type
        if not params.body_matches.match(symbol):
            yield _cause(p, "body", Text("viết tắt cơ quan in hoa", "body abbreviation in capitals"),
                         wording.quoted(symbol), Text("sai viết tắt cơ quan", "malformed body abbreviation"))
        return
    if ref.type not in params.abbreviations:
        yield _cause(p, "type", wording.join(map(wording.quoted, list(params.abbreviations)[:6])),
                     wording.quoted(ref.type), Text("tên loại viết tắt không có trong bảng (Phụ lục III)",
                                                    "type abbreviation not in the table (Appendix III)"))
    if not params.body_matches.match(ref.body):
        yield _cause(p, "body", Text("viết tắt cơ quan in hoa sau gạch nối (15/QĐ-UBND)",
                                     "body abbreviation in capitals after a hyphen (15/QĐ-UBND)"),
                     wording.quoted(ref.body or squash(p.text)), Text("sai viết tắt cơ quan", "malformed body abbreviation"))


def _shape(params: Params, p: Paragraph, ref: StateReference | None, rec: Recognised) -> Iterator[Deviation]:
    text = squash(p.text)
    if ref is None:
        yield _cause(p, "shape", Text(f"dạng «{params.sample}»", f"shaped like “{params.sample}”"),
                     wording.quoted(text), Text("sai mẫu số và ký hiệu", "malformed number and symbol"))
        return
    if not ref.colon:
        yield _cause(p, "colon", Text("«Số:» có dấu hai chấm", "a colon after “Số”"), wording.quoted(text),
                     Text("thiếu dấu hai chấm sau «Số»", "no colon after “Số”"))
    if ref.sep1 != "/":
        yield _cause(p, "separators", Text("gạch chéo sau số (15/QĐ-UBND)", "a slash after the number (15/QĐ-UBND)"),
                     wording.quoted(text), Text("sai dấu phân cách", "wrong separators"))
    yield from _number(params, p, ref, is_draft(rec))
    yield from _codes(params, p, ref, rec)


def _agreement(params: Params, p: Paragraph, ref: StateReference | None, rec: Recognised) -> Iterator[Deviation]:
    if ref is None or rec.document_type is None or _is_cong_van(rec):
        return
    allowed = params.abbreviations.get(ref.type)
    doc_type = fold(rec.document_type)
    if allowed is None or doc_type in allowed:
        return
    right = [code for code, types in params.abbreviations.items() if doc_type in types]
    expected = wording.join(map(wording.quoted, right)) if right else Text(
        f"viết tắt của «{rec.document_type}»", f"the abbreviation of “{rec.document_type}”")
    yield Deviation(("agreement", ref.type), p, expected, wording.quoted(ref.type), None,
                    Text(f"không khớp tên loại «{rec.document_type}»", f"does not match the type “{rec.document_type}”"))


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    paragraphs = [p for p in targets(rule, rec) if squash(p.text)]
    if not paragraphs:
        if params.required:
            yield missing(rule, rec)
        return
    first = paragraphs[0]
    ref = parse_state_reference(first.text)
    if params.check == "shape":
        deviations = list(_shape(params, first, ref, rec))
    else:
        deviations = list(_agreement(params, first, ref, rec))
    yield from group(rule, rec, deviations)
