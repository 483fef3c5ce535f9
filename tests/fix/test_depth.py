"""Fix at the right depth: a value from a style or the theme is changed there once; direct formatting on
the runs; a style that also serves paragraphs that are right is not touched."""
from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from thethuc.fix import fix_file
from thethuc.load import load_document
from thethuc.testing.party import write_party
from thethuc.testing.party_samples import GOOD

from .helpers import repairable_left


def _write(tmp_path: Path, base: str = "bao-cao", **layout: object) -> Path:
    from dataclasses import replace

    sample = GOOD[base]
    return write_party(tmp_path / "in.docx", sample.doc, replace(sample.layout, **layout))


def _styles(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/styles.xml"))


def test_body_size_from_the_normal_style_is_changed_in_the_style(tmp_path: Path) -> None:
    source = _write(tmp_path, normal_size_pt=13)
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    sizes = [c for c in outcome.changes if c.code == "B001"]
    assert sizes[0].where == "style:Normal" and sizes[0].count > 5
    assert (sizes[0].before, sizes[0].after) == ("13 pt", "14 pt")
    # The few other paragraphs that took 13 pt from Normal keep it, written on their runs.
    assert all(c.where == "direct" and c.before == c.after == "13 pt" for c in sizes[1:])
    before = {p.location: p for p in load_document(str(source)).paragraphs}
    untouched = [p for p in load_document(str(tmp_path / "out.docx")).paragraphs
                 if p.visible_runs and p.visible_runs[0].size_half_pt.source == "direct"
                 and before[p.location].visible_runs[0].size_half_pt.source == "style:Normal"]
    assert untouched and all(
        before[p.location].visible_runs[0].size_half_pt.value == p.visible_runs[0].size_half_pt.value
        for p in untouched)
    doc = load_document(str(tmp_path / "out.docx"))
    body = [r for p in doc.paragraphs for r in p.visible_runs if r.size_half_pt.source == "style:Normal"]
    assert body and all(r.size_half_pt.value == 28 for r in body)
    assert repairable_left(outcome) == []


def test_theme_font_is_replaced_where_it_is_referenced(tmp_path: Path) -> None:
    source = _write(tmp_path, font="Arial")
    before = load_document(str(source))
    sources = {r.font_hansi.source for p in before.paragraphs for r in p.visible_runs if r.font_hansi.value == "Arial"}
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    assert [c.where for c in outcome.changes if c.code == "P007"] and \
        all(c.where != "direct" for c in outcome.changes if c.code == "P007"), (sources, outcome.changes)
    after = load_document(str(tmp_path / "out.docx"))
    assert {r.font(slot).value for p in after.paragraphs for r in p.visible_runs
            for slot in ("ascii", "hAnsi")} == {"Times New Roman"}
    assert repairable_left(outcome) == []


def test_direct_formatting_is_fixed_on_the_runs_only(tmp_path: Path) -> None:
    source = _write(tmp_path, overrides={"tieu_de": {"size_pt": 13}})
    styles_before = etree.tostring(_styles(source))
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    assert [(c.code, c.where) for c in outcome.changes] == [("H002", "direct")]
    assert etree.tostring(_styles(tmp_path / "out.docx")) == styles_before


def test_a_style_shared_with_correct_paragraphs_is_left_alone(tmp_path: Path) -> None:
    # Body 13 pt from Normal, but the line under the summary and the Nơi nhận items are fine
    # at other sizes: only the body paragraphs inherit 13 from Normal and are all fixed together.
    source = _write(tmp_path, normal_size_pt=16)
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    changes = [c for c in outcome.changes if c.code == "B001"]
    assert changes and changes[0].after == "15 pt"  # the nearest bound of 14–15
    assert repairable_left(outcome) == []


def _with_capped_name(source: Path, target: Path) -> None:
    """The signer's name typed "Hoàng Văn Minh" but shown in capitals by the caps property."""
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b'<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Ho\xc3\xa0ng',
                                    b'<w:rPr><w:b/><w:bCs/><w:caps/></w:rPr><w:t xml:space="preserve">Ho\xc3\xa0ng', 1)
            b.writestr(info, data)


def test_capitals_made_by_the_caps_property_are_dropped_not_retyped(tmp_path: Path) -> None:
    from .helpers import SAMPLES, text_differences

    source = tmp_path / "caps.docx"
    _with_capped_name(SAMPLES / "good" / "nghi-quyet.docx", source)
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    assert [f.code for f in outcome.before.findings] == ["S005"]
    assert [(c.code, c.prop, c.after) for c in outcome.changes] == [("S005", "case", "as typed")]
    assert outcome.after.findings == () and text_differences(source, tmp_path / "out.docx") == []
