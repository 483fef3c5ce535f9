"""Kind ``reference``: the số và ký hiệu ``Số 15-NQ/TU`` — its shape, and its type code.

Keys: ``check`` (``shape``: no colon, hyphen then slash, padded number, known type code, body in
capitals; ``agreement``: the type code matches the document type), ``abbreviations`` (code →
document types, the LOẠI table), ``min_digits``, ``body_matches``, ``any_type`` (codes valid for
every type, e.g. BS for a copy), ``required``, ``sample``.
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
from thethuc.ruleset.nodes import (LDict, Where, as_bool, as_choice, as_int, as_mapping, as_str,
                                   as_str_list, require)
from thethuc.ruleset.types import Rule

KEYS = frozenset({"check", "abbreviations", "min_digits", "body_matches", "any_type", "required", "sample"})

_REFERENCE = re.compile(
    r"^(?P<so>số)(?P<colon>\s*:)?\s*(?P<num>\d*)\s*(?P<sep1>[-–/.])?\s*"
    r"(?P<type>[^\s/\-–.]+)\s*(?P<sep2>[/\-–])\s*(?P<body>\S.*)$", re.IGNORECASE)
# Joint documents join the bodies with a hyphen: "Số 05-QC/BTCTU-BNCTU".
_BODY = re.compile(r"^[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Reference:
    colon: bool
    number: str
    sep1: str
    type: str
    sep2: str
    body: str


def parse_reference(text: str) -> Reference | None:
    match = _REFERENCE.match(squash(text))
    if match is None:
        return None
    return Reference(bool(match["colon"]), match["num"], match["sep1"] or "", match["type"],
                     match["sep2"], match["body"].strip())


@dataclass(frozen=True, slots=True)
class Params:
    check: str
    abbreviations: Mapping[str, tuple[str, ...]]
    min_digits: int = 2
    body_matches: re.Pattern[str] = _BODY
    any_type: tuple[str, ...] = ()
    required: bool = False
    example: str = "Số 15-NQ/TU"


def parse(node: LDict, where: Where) -> Params:
    check = as_choice(require(node, "check", "a reference rule"), node.at("check"), "check", ("shape", "agreement"))
    table = as_mapping(require(node, "abbreviations", "a reference rule"), node.at("abbreviations"), "abbreviations")
    abbreviations = {code: tuple(fold(t) for t in as_str_list(types, table.at(code), f"abbreviations.{code}"))
                     for code, types in table.items()}
    return Params(
        check=check, abbreviations=abbreviations,
        min_digits=as_int(node.get("min_digits", 2), node.at("min_digits"), "min_digits"),
        body_matches=compile_regex(node["body_matches"], node.at("body_matches"), "body_matches")
        if "body_matches" in node else _BODY,
        any_type=as_str_list(node.get("any_type", []), node.at("any_type"), "any_type"),
        required=as_bool(node.get("required", False), node.at("required"), "required"),
        example=as_str(node.get("sample", "Số 15-NQ/TU"), node.at("sample"), "sample"))


def _cause(p: Paragraph, key: str, expected: Text, actual: Text, detail: Text) -> Deviation:
    return Deviation((key,), p, expected, actual, None, detail)


def _shape(params: Params, p: Paragraph, ref: Reference | None, draft: bool) -> Iterator[Deviation]:
    text = squash(p.text)
    if ref is None:
        yield _cause(p, "shape", Text(f"dạng «{params.example}»", f"shaped like “{params.example}”"),
                     wording.quoted(text), Text("sai mẫu số và ký hiệu", "malformed number and symbol"))
        return
    if ref.colon:
        yield _cause(p, "colon", Text("«Số» không có dấu hai chấm", "no colon after “Số”"),
                     wording.quoted(text), Text("có dấu hai chấm sau «Số»", "colon after “Số”"))
    if ref.sep1 != "-" or ref.sep2 != "/":
        yield _cause(p, "separators", Text("gạch nối sau số, gạch chéo sau tên loại (15-NQ/TU)",
                                           "hyphen after the number, slash after the type (15-NQ/TU)"),
                     wording.quoted(text), Text("sai dấu phân cách", "wrong separators"))
    if not ref.number and not draft:
        yield _cause(p, "number", Text("có số văn bản", "a document number"), wording.quoted(text),
                     Text("thiếu số", "number missing"))
    elif ref.number and len(ref.number) < params.min_digits:
        padded = ref.number.zfill(params.min_digits)
        yield _cause(p, "padding", wording.quoted(padded), wording.quoted(ref.number),
                     Text("số nhỏ hơn 10 phải có số 0 ở trước", "numbers below 10 take a leading zero"))
    if ref.type not in params.abbreviations and ref.type not in params.any_type:
        yield _cause(p, "type", wording.join(map(wording.quoted, list(params.abbreviations)[:6])),
                     wording.quoted(ref.type), Text("tên loại viết tắt không có trong bảng",
                                                    "type abbreviation not in the table"))
    if not params.body_matches.match(ref.body):
        yield _cause(p, "body", Text("viết tắt cơ quan in hoa", "body abbreviation in capitals"),
                     wording.quoted(ref.body), Text("sai viết tắt cơ quan", "malformed body abbreviation"))


def _agreement(params: Params, p: Paragraph, ref: Reference | None, rec: Recognised) -> Iterator[Deviation]:
    if ref is None or rec.document_type is None or ref.type in params.any_type:
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
    paragraphs = [p for p in targets(rule, rec) if squash(p.text)]
    if not paragraphs:
        if params.required:
            yield missing(rule, rec)
        return
    first = paragraphs[0]
    ref = parse_reference(first.text)
    if params.check == "shape":
        deviations = list(_shape(params, first, ref, is_draft(rec)))
    else:
        deviations = list(_agreement(params, first, ref, rec))
    yield from group(rule, rec, deviations)
