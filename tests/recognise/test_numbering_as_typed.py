"""Numbering as people type it, in a Word-built document checked whole: `1.1.Công tác`
without the space, a quoted amended point `“a) …`, and the guideline's `- Như trên (Báo cáo);`."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from thethuc.load import load_document
from thethuc.pipeline import check_file
from thethuc.recognise import recognise
from thethuc.testing.party import Block, Layout, party_docx_bytes
from thethuc.testing.party_bad import state_document
from thethuc.testing.party_samples import GOOD


def test_glued_and_quoted_labels_are_headings(tmp_path: Path) -> None:
    base = GOOD["nghi-quyet"].doc
    body = list(base.body)
    at = next(i for i, b in enumerate(body) if b.text.startswith("1. Về số hóa"))
    body[at] = Block("de_muc_2", "1.Về số hóa tài liệu")  # no space after the label
    body.insert(at + 1, Block("de_muc_3", "1.1.Khảo sát tài liệu"))
    body.insert(at + 2, Block("de_muc_3", "1.2.Chuẩn hóa dữ liệu"))
    body.insert(at + 3, Block("de_muc_4", "“a) Sửa đổi quy trình số hóa như sau: …”"))
    path = tmp_path / "glued.docx"
    path.write_bytes(party_docx_bytes(replace(base, body=tuple(body)), Layout()))
    rec = recognise(load_document(str(path)))
    labels = [(h.role, h.label) for h in rec.headings]
    assert ("de_muc_2", "1.") in labels and ("de_muc_3", "1.1.") in labels and ("de_muc_3", "1.2.") in labels
    assert ("de_muc_4", "a)") in labels
    # numbered in order: no B008, and the glued labels are not body text (no B002 on bold lines)
    codes = sorted(f.code for f in check_file(str(path), "hd36").findings)
    assert "B008" not in codes and "B002" not in codes


def test_nhu_tren_with_its_reason_is_the_first_recipient(tmp_path: Path) -> None:
    doc = replace(state_document(), ten_loai="TỜ TRÌNH")  # the first line must be "- Như trên;" here
    path = tmp_path / "to-trinh.docx"
    path.write_bytes(party_docx_bytes(replace(doc, noi_nhan_muc=("- Như trên;", *doc.noi_nhan_muc[1:])), Layout()))
    rec = check_file(str(path), "nd30")
    assert rec.document_type == "tờ trình" and not [f for f in rec.findings if f.code == "N004"]
    path.write_bytes(party_docx_bytes(replace(doc, noi_nhan_muc=("- Như trên (Báo cáo);", *doc.noi_nhan_muc[1:])),
                                      Layout()))
    assert not [f for f in check_file(str(path), "nd30").findings if f.code == "N004"]
