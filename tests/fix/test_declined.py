"""Where the element may not be what the checker took it for, the fixer leaves it and says why:
a wrong fix costs more than a missed one (the false findings of tests/realdocs/judgments.yaml)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from thethuc.fix import fix_file
from thethuc.load import load_document
from thethuc.testing.party import Block, write_party
from thethuc.testing.party_samples import GOOD

from .helpers import repairable_left

LABEL = "Lưu ý: các đơn vị gửi báo cáo trước ngày 15 hằng tháng về Văn phòng Tỉnh ủy."


def test_a_label_line_read_as_body_keeps_its_look(tmp_path: Path) -> None:
    sample = GOOD["bao-cao"]
    doc = replace(sample.doc, body=(Block("noi_dung", LABEL), *sample.doc.body))
    source = write_party(tmp_path / "in.docx", doc, replace(sample.layout, normal_size_pt=13))
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    assert [(f.code, f.excerpt[:6]) for f in outcome.after.findings] == [("B001", "Lưu ý:")]
    assert outcome.is_declined(outcome.after.findings[0]) and repairable_left(outcome) == []
    sizes = {p.text[:6]: p.visible_runs[0].size_half_pt.value for p in load_document(str(tmp_path / "out.docx")).body()
             if p.text.strip()}
    assert sizes["Lưu ý:"] == 26  # 13 pt as before: pinned while Normal became 14 pt
    assert any(p.text.startswith("Lưu ý") for p in load_document(str(source)).body())


def test_a_bold_summary_read_as_body_is_not_unbolded(tmp_path: Path) -> None:
    sample = GOOD["bao-cao"]
    source = write_party(tmp_path / "in.docx", replace(sample.doc, ten_loai=""), sample.layout)
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    declined = {d.code for d in outcome.declined}
    assert {"B002", "B003"} <= declined
    assert not [c for c in outcome.changes if c.code in ("B002", "B003")]
    assert "bold or italic throughout" in outcome.declined[0].reason.en


def test_in_a_document_of_unknown_type_only_the_page_is_fixed(tmp_path: Path) -> None:
    sample = GOOD["bao-cao"]
    doc = replace(sample.doc, ten_loai="", so_ky_hieu="Số 12/TU", trich_yeu=())
    source = write_party(tmp_path / "in.docx", doc, replace(sample.layout, normal_size_pt=13, margins_mm=(25, 20, 30,
                                                                                                          15)))
    outcome = fix_file(str(source), "hd36", None, str(tmp_path / "out.docx"))
    assert outcome.before.document_type is None
    assert [c.code for c in outcome.changes] == ["P003"]
    assert "B001" in {d.code for d in outcome.declined}
    assert "not recognised" in next(d for d in outcome.declined if d.code == "B001").reason.en


def test_at_least_line_spacing_is_left(tmp_path: Path) -> None:
    import zipfile

    source = tmp_path / "in.docx"
    sample = GOOD["bao-cao"]
    # at least 30 pt under 14 pt text: wider than 1.5 lines whatever Word makes of the minimum
    write_party(tmp_path / "base.docx", sample.doc, replace(sample.layout, line_exact_pt=30))
    with zipfile.ZipFile(tmp_path / "base.docx") as a, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b'w:lineRule="exact"', b'w:lineRule="atLeast"')
            b.writestr(info, data)
    outcome = fix_file(str(source), "hd36", None, None)
    assert "B006" in {f.code for f in outcome.before.findings}
    assert not [c for c in outcome.changes if c.code == "B006"]
    assert "B006" in {d.code for d in outcome.declined}
