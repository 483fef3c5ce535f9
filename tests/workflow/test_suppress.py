"""Suppression comments on hand-built documents: parsing, element scope, one-cause findings split."""
from __future__ import annotations

from dataclasses import replace

import pytest

from thethuc.model import Document, Finding, Location, Paragraph, ParagraphFormat, Recognised, Section, Sourced, Text
from thethuc.suppress import apply_suppressions, parse_directive

BODY = "word/document.xml"


def _fmt() -> ParagraphFormat:
    zero = Sourced(0, "default")
    return ParagraphFormat(None, None, Sourced("left", "default"), zero, zero, zero, zero, zero,
                           Sourced("auto", "default"), Sourced(240, "default"), Sourced(None, "default"),
                           Sourced(None, "default"))


def _para(n: int, text: str, comments: tuple[str, ...] = ()) -> Paragraph:
    return Paragraph(index=n - 1, location=Location("document", BODY, n), section=0, text=text, runs=(),
                     fmt=_fmt(), comments=comments)


def _rec(*paragraphs: Paragraph) -> Recognised:
    section = Section(0, 11906, 16838, "portrait", 1134, 1134, 1701, 850, 0, 567, 567, False)
    doc = Document(path="x.docx", sections=(section,), paragraphs=paragraphs)
    return Recognised(doc=doc, roles=(None,) * len(paragraphs), family="party", document_type=None)


def _finding(code: str, paragraph: int | None, *also: int) -> Finding:
    where = Location("document", BODY, paragraph) if paragraph is not None else None
    return Finding(code=code, name=code.lower(), severity="error", element="tieu_de", message=Text("m", "m"),
                   location=where, excerpt=f"p{paragraph}",
                   also=tuple(Location("document", BODY, n) for n in also))


@pytest.mark.parametrize(("comment", "codes", "reason"), [
    ("thethuc: bỏ qua H003", {"H003"}, ""),
    ("thethuc: ignore H003", {"H003"}, ""),
    ("thethuc: bỏ qua H003, H002 -- đường kẻ vẽ bằng bảng", {"H003", "H002"}, "đường kẻ vẽ bằng bảng"),
    ("thethuc: ignore h003 h004: approved by the office", {"H003", "H004"}, "approved by the office"),
    ("Thethuc: Bỏ qua B001 – mẫu của Văn phòng", {"B001"}, "mẫu của Văn phòng"),  # Word's autocorrected dash
    ("Chị xem lại đoạn này.\nthethuc: bỏ qua N003", {"N003"}, ""),
    ("thethuc: bo qua X003", {"X003"}, ""),  # typed without diacritics
    ("thethuc: bỏ qua H003;H004", {"H003", "H004"}, ""),
])
def test_directives_are_parsed(comment: str, codes: set[str], reason: str) -> None:
    directive = parse_directive(comment)
    assert directive is not None
    assert (set(directive.codes), directive.reason) == (codes, reason)


def test_decomposed_vietnamese_is_normalised() -> None:
    import unicodedata
    directive = parse_directive(unicodedata.normalize("NFD", "thethuc: bỏ qua H003"))
    assert directive is not None and directive.codes == {"H003"}


@pytest.mark.parametrize("comment", [
    "Đề nghị bỏ qua H003",  # no "thethuc:" prefix: an ordinary remark
    "thethuc: bỏ qua",  # no code
    "thethuc: kiểm tra lại H003",
    "thethuc: ignore tieu-de",
])
def test_ordinary_comments_suppress_nothing(comment: str) -> None:
    assert parse_directive(comment) is None


def test_only_the_commented_element_and_the_named_codes() -> None:
    rec = _rec(_para(1, "ĐẢNG CỘNG SẢN VIỆT NAM", ("thethuc: bỏ qua H003 -- kẻ bằng viền",)), _para(2, "TỈNH ỦY"))
    on_title, other_code, other_para = _finding("H003", 1), _finding("H002", 1), _finding("H003", 2)
    kept, suppressed = apply_suppressions([on_title, other_code, other_para], rec)
    assert kept == (other_code, other_para)
    assert suppressed == (on_title,)


def test_document_level_findings_are_never_suppressed() -> None:
    rec = _rec(_para(1, "x", ("thethuc: bỏ qua P003",)))
    page = _finding("P003", None)
    assert apply_suppressions([page], rec) == ((page,), ())


def test_a_one_cause_finding_loses_only_the_commented_paragraph() -> None:
    rec = _rec(_para(1, "a"), _para(2, "Đoạn hai", ("thethuc: ignore B001",)), _para(3, "Đoạn ba"),
               _para(4, "Đoạn bốn"))
    body = _finding("B001", 2, 3, 4)
    kept, suppressed = apply_suppressions([body], rec)
    assert [(f.location.paragraph, [a.paragraph for a in f.also]) for f in kept] == [(3, [4])]
    assert kept[0].excerpt == "Đoạn ba"
    assert [(f.location.paragraph, f.also) for f in suppressed] == [(2, ())]
    assert suppressed[0].excerpt == "p2"


def test_every_paragraph_excused_moves_the_whole_finding() -> None:
    rec = _rec(_para(1, "a", ("thethuc: bỏ qua B001",)), _para(2, "b", ("thethuc: bỏ qua B001",)))
    body = _finding("B001", 1, 2)
    assert apply_suppressions([body], rec) == ((), (body,))


def test_locations_in_other_parts_do_not_collide() -> None:
    header = replace(_para(1, "ĐẢNG CỘNG SẢN VIỆT NAM", ("thethuc: bỏ qua H002",)),
                     location=Location("header", "word/header1.xml", 1))
    rec = _rec(_para(1, "ĐẢNG CỘNG SẢN VIỆT NAM"), header)
    in_body = _finding("H002", 1)
    assert apply_suppressions([in_body], rec) == ((in_body,), ())
