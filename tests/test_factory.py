"""Tests of the HD36 document factory (thethuc.testing.party*) and of the committed samples."""
from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from thethuc.testing.party import Layout, libreoffice_layout, party_docx_bytes, write_party
from thethuc.testing.party_bad import BAD, state_document
from thethuc.testing.party_samples import GOOD
from thethuc.testing.tcvn3 import to_tcvn3

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SPEC = ROOT / ".." / "shared" / "spec" / "hd36.md"
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
W = "{{{}}}".format(NS["w"])


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _xml(data: bytes, member: str) -> etree._Element:
    return etree.fromstring(_parts(data)[member])


@pytest.fixture(scope="module")
def word_nq() -> bytes:
    s = GOOD["nghi-quyet"]
    return party_docx_bytes(s.doc, s.layout)


@pytest.fixture(scope="module")
def lo_ct() -> bytes:
    s = GOOD["chi-thi"]
    return party_docx_bytes(s.doc, s.layout)


def _header_table(data: bytes) -> etree._Element:
    return _xml(data, "word/document.xml").find("w:body/w:tbl", NS)


def _cells(tbl: etree._Element) -> list[etree._Element]:
    return tbl.findall("w:tr/w:tc", NS)


def _text(el: etree._Element) -> str:
    return "".join(el.itertext())


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*/*.docx")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_opens_with_python_docx(path: Path) -> None:
    document = docx.Document(str(path))
    assert len(document.tables) >= 2  # header block and signature block
    assert any(p.text for p in document.paragraphs)


def test_header_block_is_borderless_two_column_table(word_nq: bytes) -> None:
    tbl = _header_table(word_nq)
    assert len(tbl.findall("w:tblGrid/w:gridCol", NS)) == 2
    borders = tbl.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(W + "val") for b in borders} == {"nil"}
    assert len(borders) == 6
    left, right = _cells(tbl)
    assert "TỈNH ỦY" in _text(left) and "Số 15-NQ/TU" in _text(left)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in _text(right) and "Lạng Sơn, ngày 27" in _text(right)
    # The borders are hidden directly over a table style that has them (Word's "Table Grid").
    style = tbl.find("w:tblPr/w:tblStyle", NS).get(W + "val")
    styles = _xml(word_nq, "word/styles.xml")
    grid = styles.find(f"w:style[@w:styleId='{style}']/w:tblPr/w:tblBorders", NS)
    assert {b.get(W + "val") for b in grid} == {"single"}


def test_sizes_live_in_styles_not_on_every_run(word_nq: bytes) -> None:
    styles = _xml(word_nq, "word/styles.xml")
    normal = styles.find("w:style[@w:styleId='Normal']", NS)
    assert normal.get(W + "default") == "1"
    assert normal.find("w:rPr/w:sz", NS).get(W + "val") == "28"
    assert normal.find("w:pPr/w:jc", NS).get(W + "val") == "both"
    assert normal.find("w:pPr/w:ind", NS).get(W + "firstLine") == "567"
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(W + "asciiTheme") == "minorHAnsi" and defaults.get(W + "ascii") is None
    theme = _xml(word_nq, "word/theme/theme1.xml")
    assert theme.find(".//a:minorFont/a:latin", NS).get("typeface") == "Times New Roman"
    title = styles.find("w:style[@w:styleId='TieuDe']/w:rPr/w:sz", NS)
    assert title.get(W + "val") == "30"
    body = _xml(word_nq, "word/document.xml").find("w:body", NS)
    body_runs = [r for p in body.findall("w:p", NS) if p.find("w:pPr/w:pStyle", NS) is None for r in p.findall("w:r",
                                                                                                               NS)]
    assert body_runs and all(r.find("w:rPr/w:sz", NS) is None for r in body_runs)
    assert all(r.find("w:rPr/w:rFonts", NS) is None for r in body.iter(W + "r"))


def test_elements_that_differ_from_normal_carry_their_size_on_runs(word_nq: bytes) -> None:
    left, _ = _cells(_header_table(word_nq))
    by_text = {_text(p): p for p in left.findall("w:p", NS)}
    assert by_text["TỈNH ỦY"].find("w:r/w:rPr/w:b", NS) is not None
    assert by_text["TỈNH ỦY"].find("w:r/w:rPr/w:sz", NS) is None  # 14 pt = Normal: not repeated
    sig = _xml(word_nq, "word/document.xml").findall("w:body/w:tbl", NS)[-1]
    items = [p for p in sig.iter(W + "p") if _text(p).startswith("- ")]
    assert items and all(p.find("w:r/w:rPr/w:sz", NS).get(W + "val") == "24" for p in items)


def test_normal_in_13pt_keeps_header_elements_at_14_on_runs() -> None:
    s = BAD["noi-dung-13pt-khong-thut-dong"]
    data = party_docx_bytes(s.doc, s.layout)
    normal = _xml(data, "word/styles.xml").find("w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:rPr/w:sz", NS).get(W + "val") == "26"
    left, _ = _cells(_header_table(data))
    assert {p.find("w:r/w:rPr/w:sz", NS).get(W + "val") for p in left.findall("w:p", NS)} == {"28"}


def test_drawn_line_under_title_in_right_cell(word_nq: bytes) -> None:
    _, right = _cells(_header_table(word_nq))
    paras = right.findall("w:p", NS)
    assert _text(paras[0]) == "ĐẢNG CỘNG SẢN VIỆT NAM"
    line_para = paras[1]
    choice = line_para.find(".//mc:AlternateContent/mc:Choice", NS)
    assert choice.find(".//wps:wsp/wps:spPr/a:prstGeom", NS).get("prst") == "line"
    extent = int(choice.find(".//wp:anchor/wp:extent", NS).get("cx"))
    assert 63 <= extent / 36000 <= 73  # ≈ the title's width at 15 pt bold
    assert line_para.find(".//mc:Fallback//v:line", NS) is not None
    assert "Lạng Sơn" in _text(paras[2])


def test_page_number_in_default_header_and_not_on_page_one(word_nq: bytes) -> None:
    parts = _parts(word_nq)
    sect = etree.fromstring(parts["word/document.xml"]).find("w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    refs = {h.get(W + "type"): h.get("{{{}}}id".format(NS["r"])) for h in sect.findall("w:headerReference", NS)}
    assert set(refs) == {"default", "first"}
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    target = {r.get("Id"): r.get("Target") for r in rels}
    default = etree.fromstring(parts["word/" + target[refs["default"]]])
    first = etree.fromstring(parts["word/" + target[refs["first"]]])
    assert "PAGE" in " ".join(t.text for t in default.iter(W + "instrText"))
    assert default.find(".//w:fldChar", NS) is not None
    assert default.find("w:p/w:pPr/w:jc", NS).get(W + "val") == "center"
    assert first.find(".//w:instrText", NS) is None
    pg = sect.find("w:pgSz", NS)
    mar = sect.find("w:pgMar", NS)
    assert (pg.get(W + "w"), pg.get(W + "h")) == ("11906", "16838")
    assert [mar.get(W + k) for k in ("top", "bottom", "left", "right")] == ["1134", "1134", "1701", "850"]


def test_pages_reported_for_multi_page_documents(word_nq: bytes) -> None:
    app = _parts(word_nq)["docProps/app.xml"].decode()
    assert int(re.search(r"<Pages>(\d+)</Pages>", app).group(1)) >= 2


def test_libreoffice_flavour(lo_ct: bytes) -> None:
    parts = _parts(lo_ct)
    assert b"<Application>LibreOffice/7" in parts["docProps/app.xml"]
    assert "word/theme/theme1.xml" not in parts
    doc = etree.fromstring(parts["word/document.xml"])
    assert doc.find(".//wps:wsp", NS) is None and doc.find(".//v:line", NS) is not None
    text_runs = [r for r in doc.iter(W + "r") if r.find("w:t", NS) is not None]
    assert all(r.find("w:rPr/w:rFonts", NS).get(W + "hAnsi") == "Times New Roman" for r in text_runs)
    assert all(r.find("w:rPr/w:sz", NS) is not None for r in text_runs)
    normal = etree.fromstring(parts["word/styles.xml"]).find("w:style[@w:styleId='Normal']", NS)
    assert normal.get(W + "default") is None  # as LibreOffice 7.4 writes it; paragraphs name it
    assert all(p.find("w:pPr/w:pStyle", NS) is not None for p in doc.iter(W + "p"))


def test_underline_instead_of_line_and_number_on_page_one() -> None:
    s = BAD["gach-chan-tieu-de-so-trang-dau"]
    data = party_docx_bytes(s.doc, s.layout)
    _, right = _cells(_header_table(data))
    title = right.find("w:p", NS)
    assert title.find("w:r/w:rPr/w:u", NS).get(W + "val") == "single"
    assert right.find(".//wps:wsp", NS) is None and right.find(".//v:line", NS) is None
    sect = _xml(data, "word/document.xml").find("w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is None
    assert [h.get(W + "type") for h in sect.findall("w:headerReference", NS)] == ["default"]


def test_page_number_in_footer_variant() -> None:
    s = BAD["so-trang-chan-trang-so-dam"]
    parts = _parts(party_docx_bytes(s.doc, s.layout))
    assert not any(n.startswith("word/header") for n in parts)
    assert b"PAGE" in parts["word/footer1.xml"] and b"PAGE" not in parts["word/footer2.xml"]


def test_legacy_body_is_vntime_with_tcvn3_text() -> None:
    assert to_tcvn3("Tỉnh ủy Lạng Sơn về công tác văn thư, lưu trữ") == \
        "TØnh ñy L¹ng S¬n vÒ c«ng t¸c v¨n th\u00ad, l\u00adu tr÷"
    s = BAD["doan-van-vntime"]
    doc = _xml(party_docx_bytes(s.doc, s.layout), "word/document.xml")
    fonts = {r.get(W + "ascii") for r in doc.iter(W + "rFonts")}
    assert fonts == {".VnTime"}
    assert any("c«ng t¸c" in (t.text or "") for t in doc.iter(W + "t"))


def test_state_flavour_header() -> None:
    data = party_docx_bytes(state_document(), Layout())
    left, right = _cells(_header_table(data))
    assert _text(right).startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc")
    assert "Số: 15/QĐ-UBND" in _text(left) and "*" not in _text(left)
    assert len(right.findall(".//wps:wsp", NS)) == 1 and len(left.findall(".//wps:wsp", NS)) == 1


def test_write_party_and_text_is_nfc(tmp_path: Path) -> None:
    s = GOOD["cong-van"]
    path = write_party(tmp_path / "cv.docx", s.doc, replace(s.layout))
    document = docx.Document(str(path))
    left = document.tables[0].rows[0].cells[0].text
    assert "về việc chuẩn bị tổng kết" in left
    assert all(p.text == __import__("unicodedata").normalize("NFC", p.text) for p in document.paragraphs)


def _load_build():
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_is_reproducible_and_matches_committed_files(tmp_path: Path) -> None:
    build = _load_build()
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in build.build(tmp_path / "a")}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in build.build(tmp_path / "b")}
    assert first == second
    committed = {rel: (SAMPLES / rel).read_bytes() for rel in first}
    assert committed == first
    assert len([r for r in first if r.parts[0] == "good"]) >= 9
    assert len([r for r in first if r.parts[0] == "bad" and r.suffix == ".docx"]) >= 10


def test_expected_yaml_lists_every_bad_file_with_spec_codes() -> None:
    expected = yaml.safe_load((SAMPLES / "bad" / "expected.yaml").read_text(encoding="utf-8"))
    files = {p.name for p in (SAMPLES / "bad").glob("*.docx")}
    assert set(expected) == files
    assert all(2 <= len(codes) <= 5 or codes == ["X003"] for codes in expected.values())
    families = {code[0] for codes in expected.values() for code in codes}
    assert families == set("PHTBSNX")
    if SPEC.exists():
        known = set(re.findall(r"^\| ([PHTBSNX]\d{3}) \|", SPEC.read_text(encoding="utf-8"), re.M))
        assert {c for codes in expected.values() for c in codes} <= known


def test_libreoffice_layout_keeps_knobs() -> None:
    lay = libreoffice_layout(landscape=True)
    assert lay.producer == "libreoffice" and lay.title_rule == "vml" and lay.landscape
