"""Damaged XML is read the way Word reads it: one bad value costs that value, never the whole file.

A value such as ``w:sz="1e309"`` reads as an infinite float; turned into an integer unguarded it would
refuse the file as "không đọc được tệp (OverflowError: cannot convert float infinity to integer)".
"""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.load.damage import damage_docx, deep_tables
from thethuc.errors import DocxInputError
from thethuc.load import load_document
from thethuc.pipeline import check_file
from thethuc.testing.docx import DocxParts, para, write_docx

from .conftest import CORPUS, styles_with

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "samples").rglob("*.docx")) + sorted((CORPUS / "vn").glob("*.docx"))


def _with_sz(value: str) -> DocxParts:
    return DocxParts(body=para("ĐẢNG CỘNG SẢN VIỆT NAM", rpr=f'<w:sz w:val="{value}"/>'))


@pytest.mark.parametrize("value", ["1e309", "-1e309", "nan", "abc", "-5", "99999999999999999999"])
def test_garbage_font_size_reads_as_absent_and_is_noted(tmp_path: Path, value: str) -> None:
    doc = load_document(write_docx(tmp_path / "a.docx", _with_sz(value)))
    run = doc.paragraphs[0].runs[0]
    assert run.size_half_pt.source != "direct"  # the style's size stands, as if w:sz were absent
    assert any(value in w for w in doc.warnings)  # and inspect shows why


@pytest.mark.parametrize("value", ["1e309", "abc", "-5", "0"])
def test_garbage_page_size_reads_as_word_default_and_is_noted(tmp_path: Path, value: str) -> None:
    sect = f'<w:sectPr><w:pgSz w:w="{value}" w:h="16838"/></w:sectPr>'
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x") + sect)))
    assert doc.sections[0].page_width_twips > 0 and doc.sections[0].page_height_twips == 16838
    assert any("pgSz" in w and value in w for w in doc.warnings)


def test_garbage_indent_and_spacing_read_as_absent(tmp_path: Path) -> None:
    ppr = '<w:spacing w:before="1e309" w:line="nan"/><w:ind w:firstLine="abc"/>'
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x", ppr=ppr))))
    fmt = doc.paragraphs[0].fmt
    assert fmt.space_before_twips.source != "direct" and fmt.line_value.source != "direct"
    assert fmt.indent_first_line_twips.source != "direct"
    assert sum("ignored garbage value" in w for w in doc.warnings) == 3


def test_garbage_alignment_leaves_the_style_alignment(tmp_path: Path) -> None:
    styles = styles_with('<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/>'
                         '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>')
    ppr = '<w:pStyle w:val="Body"/><w:jc w:val="abc"/>'
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x", ppr=ppr), styles=styles)))
    assert doc.paragraphs[0].fmt.align.value == "justify"  # not "left": no B003 for a damaged value
    assert any("abc" in w for w in doc.warnings)


def test_garbage_underline_and_colour_read_as_absent(tmp_path: Path) -> None:
    rpr = '<w:u w:val="abc"/><w:color w:val="1e309"/>'
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x", rpr=rpr))))
    run = doc.paragraphs[0].runs[0]
    assert run.underline.value == "none" and run.color.value == "auto"  # no N002/P009 for damage
    assert sum("ignored unknown" in w for w in doc.warnings) == 2


def test_circular_based_on_and_dangling_num_id_load(tmp_path: Path) -> None:
    styles = styles_with(
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/>'
        '<w:rPr><w:b/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>')
    ppr = '<w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="1e309"/><w:numId w:val="999"/></w:numPr>'
    doc = load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x", ppr=ppr), styles=styles)))
    assert doc.paragraphs[0].runs[0].bold.value is True
    assert doc.paragraphs[0].fmt.numbering_label in (None, "")


def test_tables_nested_too_deep_are_refused_in_words(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "a.docx", DocxParts(body=para("x")))
    with zipfile.ZipFile(source) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    deep_tables(root, random.Random(0), depth=100)
    parts["word/document.xml"] = etree.tostring(root)
    target = tmp_path / "deep.docx"
    with zipfile.ZipFile(target, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    with pytest.raises(DocxInputError) as info:
        load_document(target)
    for lang in ("vi", "en"):
        assert "XML_PARSE_HUGE" not in info.value.render(lang)
    assert "bảng lồng nhau quá sâu" in info.value.render("vi")


def test_an_unexpected_failure_is_refused_without_an_exception_name(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import thethuc.load.document as document

    def broken(pkg: object) -> None:
        raise OverflowError("cannot convert float infinity to integer")

    monkeypatch.setattr(document, "_load", broken)
    with pytest.raises(DocxInputError) as info:
        load_document(write_docx(tmp_path / "a.docx", DocxParts(body=para("x"))))
    for lang in ("vi", "en"):
        text = info.value.render(lang)
        assert "OverflowError" not in text and "float infinity" not in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=st.sampled_from(SOURCES), seed=st.integers(0, 2**32 - 1), steps=st.integers(1, 8))
def test_damaged_real_documents_never_give_an_internal_error(tmp_path: Path, source: Path, seed: int,
                                                             steps: int) -> None:
    target = tmp_path / "damaged.docx"
    done = damage_docx(source, target, seed, steps)
    result = check_file(str(target), "auto")
    if result.status == "error":
        # Only a damage that takes away what makes a .docx (w:body) or nests tables past the XML
        # depth limit may refuse the file, and then in words.
        assert result.error is not None and result.error.kind in ("not-docx", "too-large"), (done, result.error)
        assert "Error" not in result.error.message
        return
    assert not [f for f in result.findings if f.code == "INTERNAL"], done
    from thethuc.recognise import recognise

    notes = recognise(load_document(target)).notes  # a recogniser step that failed says so here
    assert not [n for n in notes if "internal error" in n], done
