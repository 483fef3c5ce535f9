"""The real state documents in ../shared/corpus/vn check under nd30 (and auto) without a crash."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.pipeline import check_file

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "vn"
# The decree itself, its appendices, and state documents of UBND, HĐND, Mặt trận (.docx ones; the
# .doc files are OLE2 and are reported unreadable by the load stage, which has its own tests).
STATE = ("vanbanplus__30_2020_ND_CP.docx", "vanbanplus__ND30_Phuluc1.docx", "vanbanplus__ND30_Phuluc3.docx",
         "vanbanplus__ND30_Phuluc4.docx", "hanoi__To-trinh-UBND-HN-DU-THAO-v6.docx",
         "luongminh__QĐ thành lập Tổ tiếp công dân (chuan).docx", "luongminh__16-KH-MTTQ-BTT_bau_cu.docx",
         "luongminh__01-KH-TBTTKT_Pho_Bang.docx", "luongminh__HD hiệp thương (MTTQ tỉnh Quảng Ninh).docx")

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")


@pytest.mark.parametrize("name", STATE)
def test_state_document_checks_under_nd30_without_internal_errors(name: str) -> None:
    result = check_file(str(CORPUS / name), "nd30")
    assert result.status == "checked", result.error
    assert [f.message.en for f in result.findings if f.code == "INTERNAL"] == []


@pytest.mark.parametrize("name", [n for n in STATE if "Phuluc" not in n])
def test_auto_recognises_state_documents(name: str) -> None:
    result = check_file(str(CORPUS / name), "auto")
    assert result.ruleset == "nd30"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in result.ruleset_reason.vi


def test_decree_findings_are_the_known_few() -> None:
    # The decree's own text: a clean header block (quốc hiệu, tiêu ngữ, typed rules, `Số: 30/2020/NĐ-CP`).
    found = {f.code for f in check_file(str(CORPUS / "vanbanplus__30_2020_ND_CP.docx"), "nd30").findings}
    assert not found & {"H001", "H002", "H003", "H005", "H006", "H007", "H008", "H009", "H011", "H012", "H013",
                        "T001", "T002", "T003", "T004"}


@pytest.mark.parametrize("name", ["chibosv__Mau 13_KND_Nghi quyet de nghi chinh thuc chi bo.docx"])
def test_party_document_is_not_sent_to_nd30(name: str) -> None:
    assert check_file(str(CORPUS / name), "auto").ruleset in ("hd36", "hd05")
