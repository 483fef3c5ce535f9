"""Numbering labels computed like Word: formats, lvlText templates, per-numId counters, startOverride."""
from __future__ import annotations

import pytest

from thethuc.load.numbering import format_number
from thethuc.testing.docx import para

from .conftest import Loader, styles_with


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, indent: int | None = None) -> str:
    ind = f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>' if indent is not None else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{ind}</w:lvl>')


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman", "%1.", indent=720) + lvl(1, "decimal", "%2.")
    + lvl(2, "lowerLetter", "%3)") + lvl(3, "decimal", "%1.%2.%4.") + '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1">' + lvl(0, "bullet", "-") + '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/>'
    '</w:lvlOverride></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
)


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return para(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_labels_roman_decimal_letter_and_nested_template(load: Loader) -> None:
    body = (numbered("Phần", 1) + numbered("Mục", 1, 1) + numbered("Điểm", 1, 2) + numbered("Điểm", 1, 2)
            + numbered("Mục", 1, 1) + numbered("Sâu", 1, 3) + numbered("Phần", 1) + numbered("Mục", 1, 1))
    labels = [p.fmt.numbering_label for p in load(body=body, numbering=NUMBERING).paragraphs]
    assert labels == ["I.", "1.", "a)", "b)", "2.", "I.2.1.", "II.", "1."]


def test_start_override_counts_separately_per_num_id(load: Loader) -> None:
    body = numbered("a", 1) + numbered("b", 2) + numbered("c", 1) + numbered("d", 2)
    labels = [p.fmt.numbering_label for p in load(body=body, numbering=NUMBERING).paragraphs]
    assert labels == ["I.", "IV.", "II.", "V."]


def test_bullet_label_and_label_and_text(load: Loader) -> None:
    p = load(body=numbered("Lưu VT", 3), numbering=NUMBERING).paragraphs[0]
    assert p.fmt.numbering_label == "-"
    assert p.label_and_text == "- Lưu VT"
    assert p.text == "Lưu VT"


def test_numbering_level_indent_is_a_layer(load: Loader) -> None:
    fmt = load(body=numbered("x", 1), numbering=NUMBERING).paragraphs[0].fmt
    assert (fmt.indent_left_twips.value, fmt.indent_left_twips.source) == (720, "numbering")
    assert fmt.indent_first_line_twips.value == -360


def test_num_id_zero_and_missing_numbering_give_no_label(load: Loader) -> None:
    assert load(body=numbered("x", 0), numbering=NUMBERING).paragraphs[0].fmt.numbering_label == ""
    assert load(body=numbered("x", 1)).paragraphs[0].fmt.numbering_label == ""


def test_numbering_from_paragraph_style(load: Loader) -> None:
    styles = styles_with('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="H1"/><w:pPr><w:numPr>'
                         '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>' * 2
    labels = [p.fmt.numbering_label for p in load(body=body, styles=styles, numbering=NUMBERING).paragraphs]
    assert labels == ["I.", "II."]


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (1994, "upperRoman", "MCMXCIV"), (2, "lowerLetter", "b"),
    (27, "lowerLetter", "aa"), (3, "upperLetter", "C"), (7, "decimalZero", "07"), (5, "ordinalText", "5"),
])
def test_format_number(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected
