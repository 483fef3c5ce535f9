"""nd30 (Nghị định 30): every code fails on a document with that one mistake and passes on the good samples."""
from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from tests.rulesets.conftest import codes
from thethuc.ruleset import load_ruleset
from thethuc.testing.party import Signer


def _over(layout: Any, **roles: dict[str, object]) -> Any:
    return replace(layout, overrides={**layout.overrides, **roles})


# code → (good sample, document changes, layout changes): one clerk mistake each.
MISTAKES: dict[str, tuple[str, dict[str, object], dict[str, object]]] = {
    "P001": ("quyet-dinh", {}, {"paper_mm": (215.9, 279.4)}),
    "P002": ("quyet-dinh", {}, {"landscape": True}),
    "P003": ("quyet-dinh", {}, {"margins_mm": (30, 20, 30, 15)}),
    "P005": ("quyet-dinh", {}, {"margins_mm": (20, 20, 25, 15)}),
    "P007": ("quyet-dinh", {}, {"font": "Arial"}),
    "P008": ("quyet-dinh", {}, {"legacy_body": True}),
    "P010": ("quyet-dinh", {"pages": 3}, {"page_number": "footer"}),
    "P011": ("quyet-dinh", {"pages": 3}, {"page_number": "first-page"}),
    "H001": ("quyet-dinh", {"tieu_de": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."}, {}),
    "H008": ("quyet-dinh", {"so_ky_hieu": "Số: 5/QĐ-UBND"}, {}),
    "H011": ("quyet-dinh", {"dia_danh_ngay": "Lạng Sơn, ngày 5 tháng 3 năm 2021"}, {}),
    "H013": ("quyet-dinh", {"tieu_ngu": "Độc lập-Tự do-Hạnh phúc"}, {}),
    "T001": ("quyet-dinh", {"ten_loai": "QUYẾT ĐINH"}, {}),
    "T006": ("cong-van", {"trich_yeu_cong_van": ("Về việc chuẩn bị tổng kết công tác", "văn thư, lưu trữ năm 2022")},
             {}),
    "B008": ("ke-hoach", {"body": None}, {}),
    "B011": ("quyet-dinh", {"body": "can_cu"}, {}),
    "S002": ("cong-van", {"signers": (Signer("K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Mai"),)}, {}),
    "S005": ("cong-van", {"signers": (Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TS. Hoàng Thị Mai"),)}, {}),
    "N004": ("quyet-dinh", {"noi_nhan_muc": ("- Như Điều 2,", "- Bộ Nội vụ,", "- Lưu: VT, NC.")}, {}),
    "X001": ("cong-van", {"dau_mat": "BÍ MẬT"}, {}),
    "X002": ("cong-van", {"dau_khan": "KHẨN CẤP"}, {}),
    "X007": ("quyet-dinh", {"dia_danh_ngay": "Lạng Sơn, ngày 04 tháng 3 năm 2020"}, {}),
}
# Formatting mistakes: code → (good sample, role, wrong formatting).
FORMAT_MISTAKES: dict[str, tuple[str, str, dict[str, object]]] = {
    "H002": ("quyet-dinh", "tieu_ngu", {"bold": False}),
    "H004": ("ke-hoach", "co_quan_cap_tren", {"bold": True}),
    "H006": ("quyet-dinh", "co_quan_ban_hanh", {"size_pt": 14}),
    "H009": ("quyet-dinh", "so_ky_hieu", {"size_pt": 14}),
    "H012": ("quyet-dinh", "dia_danh_ngay", {"italic": False}),
    "T002": ("quyet-dinh", "ten_loai", {"size_pt": 15}),
    "T003": ("quyet-dinh", "trich_yeu", {"bold": False}),
    "T005": ("cong-van", "trich_yeu_cong_van", {"italic": True}),
    "B002": ("ke-hoach", "noi_dung", {"bold": True}),
    "B003": ("ke-hoach", "noi_dung", {"align": "left"}),
    "B004": ("ke-hoach", "noi_dung", {"first_line_mm": 0}),
    "B007": ("quyet-dinh", "dieu", {"bold": False}),
    "S003": ("quyet-dinh", "tham_quyen_ky", {"bold": False}),
    "S004": ("quyet-dinh", "chuc_vu_ky", {"bold": False}),
    "N002": ("quyet-dinh", "noi_nhan", {"italic": False}),
    "N003": ("quyet-dinh", "noi_nhan_muc", {"size_pt": 12}),
    "N005": ("cong-van", "kinh_gui", {"italic": True}),
    "P009": ("quyet-dinh", "ten_loai", {"color": "FF0000"}),
}


def _doc_change(build: ModuleType, name: str, changes: dict[str, object]) -> Any:
    doc = build.ND30_GOOD[name].doc
    if changes.get("body") is None and "body" in changes:  # drop heading II.: I, III — a gap
        changes = {"body": tuple(b for b in doc.body if b.kind != "de_muc_1" or not b.text.startswith("II."))}
    elif changes.get("body") == "can_cu":  # the last căn cứ ends with ";" instead of "."
        changes = {"body": tuple(replace(b, text=b.text.replace("Nội vụ.", "Nội vụ;")) for b in doc.body)}
    return replace(doc, **changes)


@pytest.mark.parametrize("code", sorted(MISTAKES))
def test_each_mistake_fires_its_code(build: ModuleType, run, code: str) -> None:
    name, doc_changes, layout_changes = MISTAKES[code]
    layout = replace(build.ND30_GOOD[name].layout, **layout_changes)
    assert code in codes(run(_doc_change(build, name, doc_changes), layout, "nd30"))


@pytest.mark.parametrize("code", sorted(FORMAT_MISTAKES))
def test_each_formatting_mistake_fires_its_code(build: ModuleType, run, code: str) -> None:
    name, role, wrong = FORMAT_MISTAKES[code]
    sample = build.ND30_GOOD[name]
    layout = _over(sample.layout, **{role: {**sample.layout.overrides.get(role, {}), **wrong}})
    assert code in codes(run(sample.doc, layout, "nd30"))


def test_rule_under_a_short_issuing_body_is_too_long(build: ModuleType, run) -> None:
    # The factory draws 25 mm; under "SỞ NỘI VỤ" (≈ 30 mm of text) 1/3–1/2 is 10–15 mm.
    sample = build.ND30_GOOD["ke-hoach"]
    result = run(replace(sample.doc, co_quan_ban_hanh=("SỞ NỘI VỤ",)), sample.layout, "nd30")
    assert [f.code for f in result.findings] == ["H007"]


def test_party_document_under_nd30_misses_the_state_elements(run) -> None:
    from thethuc.testing.party_samples import GOOD

    found = codes(run(GOOD["nghi-quyet"].doc, GOOD["nghi-quyet"].layout, "nd30"))
    assert {"H001", "H013", "H008", "S002"} <= found


def test_nd30_has_no_party_only_rules() -> None:
    rules = {r.code for r in load_ruleset("nd30").rules}
    assert "X003" not in rules and "B010" not in rules and "X005" not in rules
    assert {"H013", "T006", "X007"} <= rules
