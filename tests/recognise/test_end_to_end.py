"""Recognise documents loaded from real .docx files: raw-XML builds (Word table layout and a
LibreOffice-like tab layout), the samples/good set and the shared corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.errors import DocxInputError
from thethuc.load import load_document
from thethuc.recognise import recognise
from thethuc.testing.docx import DocxParts, para, write_docx
from thethuc.testing.wordml import borderless_table, drawn_line, page_field, paragraph

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "good"
CENTER = '<w:jc w:val="center"/>'
JUSTIFY = '<w:jc w:val="both"/><w:ind w:firstLine="720"/>'
B = "<w:b/>"


def _cell(*paras: str) -> str:
    return "".join(paras)


def _word_party_docx(tmp_path: Path) -> Path:
    header = borderless_table((3600, 5800), [[
        _cell(para("ĐẢNG BỘ TỈNH LẠNG SƠN", CENTER), para("TỈNH ỦY", CENTER, B), para("*", CENTER),
              para("Số 15-NQ/TU", CENTER)),
        _cell(para("ĐẢNG CỘNG SẢN VIỆT NAM", CENTER, B + '<w:sz w:val="30"/>'),
              paragraph(drawn_line(1, 2_300_000, 500_000), ppr=CENTER),
              para("Lạng Sơn, ngày 7 tháng 8 năm 2018", '<w:jc w:val="right"/>', "<w:i/>")),
    ]])
    signature = borderless_table((4600, 4800), [[
        _cell(para("Nơi nhận:", "", '<w:u w:val="single"/>'), para("- Ban Bí thư (để báo cáo),"),
              para("- Lưu Văn phòng Tỉnh ủy.")),
        _cell(para("T/M BAN THƯỜNG VỤ", CENTER, B), para("BÍ THƯ", CENTER), para(), para(),
              para("Hoàng Văn Minh", CENTER, B)),
    ]])
    body = (header + para() + para("NGHỊ QUYẾT", CENTER, B) + para("về công tác văn thư, lưu trữ", CENTER, B)
            + para("-----", CENTER) + para("I. TÌNH HÌNH", JUSTIFY, B)
            + para("Công tác văn thư có nhiều chuyển biến.", JUSTIFY) + signature
            + '<w:sectPr><w:headerReference w:type="default" r:id="rIdheader1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
            'w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>')
    parts = DocxParts(body=body, headers={"header1": paragraph(page_field(), ppr=CENTER)})
    return write_docx(tmp_path / "nq.docx", parts)


def _tab_layout_docx(tmp_path: Path) -> Path:
    """LibreOffice-like: no tables; left and right header parts separated by tabs."""
    tabs = '<w:tabs><w:tab w:val="center" w:pos="1800"/><w:tab w:val="center" w:pos="6600"/></w:tabs>'
    body = (para("\tHUYỆN ỦY BẮC SƠN\tĐẢNG CỘNG SẢN VIỆT NAM", tabs, B)
            .replace("\t", '</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">')
            + para("*", '<w:ind w:left="1500"/>')
            + para("Số 08-TB/HU", '<w:ind w:left="1100"/>')
            + para("Bắc Sơn, ngày 12 tháng 3 năm 2020", '<w:jc w:val="right"/>', "<w:i/>")
            + para("THÔNG BÁO", CENTER, B) + para("kết luận của Thường trực Huyện ủy", CENTER, B)
            + para("Ngày 10/3/2020, Thường trực Huyện ủy họp.", JUSTIFY)
            + para("T/L BAN THƯỜNG VỤ", CENTER + '<w:ind w:left="4700"/>', B)
            + para("CHÁNH VĂN PHÒNG", CENTER + '<w:ind w:left="4700"/>')
            + para("", CENTER + '<w:ind w:left="4700"/>')
            + para("Lý Văn Q", CENTER + '<w:ind w:left="4700"/>', B)
            + para("Nơi nhận:", "", '<w:u w:val="single"/>') + para("- Các đồng chí Huyện ủy viên,")
            + para("- Lưu.") + para("Phụ lục 1", CENTER + '<w:pageBreakBefore/>', B))
    return write_docx(tmp_path / "tb.docx", DocxParts(body=body, application="LibreOffice/7.6"))


def _texts_and_roles(path: Path) -> list[tuple[str, str | None]]:
    rec = recognise(load_document(path))
    return [(p.text, r) for p, r in zip(rec.doc.paragraphs, rec.roles, strict=True) if p.text.strip() or r]


def test_word_table_layout_from_raw_xml(tmp_path: Path) -> None:
    path = _word_party_docx(tmp_path)
    assert _texts_and_roles(path) == [
        ("ĐẢNG BỘ TỈNH LẠNG SƠN", "co_quan_cap_tren"), ("TỈNH ỦY", "co_quan_ban_hanh"), ("*", "dau_sao"),
        ("Số 15-NQ/TU", "so_ky_hieu"), ("ĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de"), ("", "duong_ke_tieu_de"),
        ("Lạng Sơn, ngày 7 tháng 8 năm 2018", "dia_danh_ngay"), ("NGHỊ QUYẾT", "ten_loai"),
        ("về công tác văn thư, lưu trữ", "trich_yeu"), ("-----", "gach_trich_yeu"),
        ("I. TÌNH HÌNH", "de_muc_1"), ("Công tác văn thư có nhiều chuyển biến.", "noi_dung"),
        ("Nơi nhận:", "noi_nhan"), ("- Ban Bí thư (để báo cáo),", "noi_nhan_muc"),
        ("- Lưu Văn phòng Tỉnh ủy.", "noi_nhan_muc"), ("T/M BAN THƯỜNG VỤ", "tham_quyen_ky"),
        ("BÍ THƯ", "chuc_vu_ky"), ("Hoàng Văn Minh", "ho_ten_ky"), ("2", "so_trang"),
    ]
    rec = recognise(load_document(path))
    assert (rec.family, rec.document_type, str(rec.issue_date)) == ("party", "nghị quyết", "2018-08-07")


def test_tab_layout_from_raw_xml(tmp_path: Path) -> None:
    path = _tab_layout_docx(tmp_path)
    assert _texts_and_roles(path) == [
        # one typed line, two elements: read as its left and right parts
        ("HUYỆN ỦY BẮC SƠN", "co_quan_ban_hanh"), ("\tĐẢNG CỘNG SẢN VIỆT NAM", "tieu_de"), ("*", "dau_sao"),
        ("Số 08-TB/HU", "so_ky_hieu"), ("Bắc Sơn, ngày 12 tháng 3 năm 2020", "dia_danh_ngay"),
        ("THÔNG BÁO", "ten_loai"), ("kết luận của Thường trực Huyện ủy", "trich_yeu"),
        ("Ngày 10/3/2020, Thường trực Huyện ủy họp.", "noi_dung"),
        ("T/L BAN THƯỜNG VỤ", "tham_quyen_ky"), ("CHÁNH VĂN PHÒNG", "chuc_vu_ky"), ("Lý Văn Q", "ho_ten_ky"),
        ("Nơi nhận:", "noi_nhan"), ("- Các đồng chí Huyện ủy viên,", "noi_nhan_muc"), ("- Lưu.", "noi_nhan_muc"),
        ("Phụ lục 1", "phu_luc"),
    ]


def _sample(name: str) -> Path:
    path = SAMPLES / f"{name}.docx"
    if not path.is_file():
        pytest.skip(f"sample not built: {path}")
    return path


# Every role of every sample is held by test_sample_roles.py; here, the facts it does not hold.
@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.docx")))
def test_good_samples_have_an_issue_date(name: str) -> None:
    rec = recognise(load_document(_sample(name)))
    assert rec.issue_date is not None and 2018 <= rec.issue_date.year <= 2026


def test_every_loadable_corpus_file_is_recognised(corpus_vn: Path) -> None:
    recognised = 0
    for path in sorted(corpus_vn.iterdir()):
        try:
            doc = load_document(path)
        except DocxInputError:
            continue  # .doc binaries: the load stage reports them
        rec = recognise(doc)
        # paragraphs holding several elements are read as their parts (recognise/lines.py)
        assert len(rec.roles) == len(rec.doc.paragraphs) >= len(doc.paragraphs)
        assert not [n for n in rec.notes if "internal error" in n], path.name
        recognised += 1
    assert recognised >= 20


@pytest.mark.parametrize("name", [
    "vanbanplus__30_2020_ND_CP.docx", "vanbanplus__ND30_Phuluc1.docx", "vanbanplus__ND30_Phuluc3.docx",
    "vanbanplus__ND30_Phuluc4.docx", "luongminh__QĐ thành lập Tổ tiếp công dân (chuan).docx",
    "luongminh__16-KH-MTTQ-BTT_bau_cu.docx",
])
def test_corpus_state_documents_are_state(corpus_vn: Path, name: str) -> None:
    rec = recognise(load_document(corpus_vn / name))
    assert rec.family == "state"


def test_corpus_decree_structure(corpus_vn: Path) -> None:
    rec = recognise(load_document(corpus_vn / "vanbanplus__30_2020_ND_CP.docx"))
    assert rec.document_type == "nghị định"
    assert str(rec.issue_date) == "2020-03-05"
    dieu = [h.number for h in rec.headings if h.role == "dieu"]
    assert dieu[:3] == [1, 2, 3] and len(dieu) == 38
    assert len(rec.paragraphs_with("quoc_hieu")) == 1 and len(rec.paragraphs_with("ho_ten_ky")) == 1


def test_corpus_party_resolution_from_template(corpus_vn: Path) -> None:
    rec = recognise(load_document(corpus_vn / "chibosv__Mau 13_KND_Nghi quyet de nghi chinh thuc chi bo.docx"))
    assert (rec.family, rec.document_type) == ("party", "nghị quyết")
    assert [p.text.strip() for p in rec.paragraphs_with("tham_quyen_ky")] == ["T/M CHI BỘ"]
    assert [p.text.strip() for p in rec.paragraphs_with("co_quan_ban_hanh")] == ["CHI BỘ SINH VIÊN"]
