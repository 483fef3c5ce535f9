"""Regenerate the hd05 and nd30 samples: <set>/good/*.docx, <set>/bad/*.docx, bad/expected.yaml, README.md.

Run ``python samples/build_rulesets.py [OUT_DIR]`` (default: this folder). hd05 samples are the hd36
good samples re-dated after 27/5/2026 and brought to HD05; nd30 samples are state documents of
UBND tỉnh Lạng Sơn. Each bad sample changes a good one in a way that fires only codes the rule set changes.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from thethuc.testing import party_texts as tx
from thethuc.testing.party import Layout, PartyDoc, Signer, body, write_sample_set
from thethuc.testing.party_samples import GOOD as HD36_GOOD

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Sample:
    doc: PartyDoc
    layout: Layout
    codes: tuple[str, ...]  # exactly the codes the rule set must report (empty for a good sample)
    about: str


# ---------------------------------------------------------------- hd05: Party documents from 27/5/2026

# HD05 ends every recipient line with ";" and the căn cứ list with "."; it wants Exactly 18–22 pt lines.
HD05_LAYOUT = Layout(line_exact_pt=18)
NOI_NHAN_05 = ("- Ban Bí thư Trung ương Đảng (để báo cáo);", "- Văn phòng Trung ương Đảng (để báo cáo);",
               "- Các đồng chí Tỉnh ủy viên;", "- Các huyện ủy, thành ủy, đảng ủy trực thuộc;", tx.LUU)


def _hd05(name: str, date: str, **changes: object) -> PartyDoc:
    doc = HD36_GOOD[name].doc
    items = tuple(line[:-1] + ";" if line.endswith(",") else line for line in doc.noi_nhan_muc)
    return replace(doc, dia_danh_ngay=f"Lạng Sơn, {date}", noi_nhan_muc=items, **changes)


def _quyet_dinh_05() -> PartyDoc:
    doc = _hd05("quyet-dinh", "ngày 02 tháng 6 năm 2026", so_ky_hieu="Số 215-QĐ/TU")
    # QĐ 66 became QĐ 399 (09/01/2026); the last căn cứ line ends with "." under HD05.
    can_cu = body(("can_cu", "- Căn cứ Điều lệ Đảng;"),
                  ("can_cu", "- Căn cứ Quy định số 399-QĐ/TW ngày 09 tháng 01 năm 2026 của Ban Chấp hành Trung "
                             "ương về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng;"),
                  ("can_cu", "- Xét đề nghị của Văn phòng Tỉnh ủy."))
    rest = tuple(b for b in doc.body if b.kind != "can_cu")
    return replace(doc, body=can_cu + rest)


def _cong_van_05() -> PartyDoc:
    doc = _hd05("cong-van", "ngày 15 tháng 7 năm 2026", so_ky_hieu="Số 3105-CV/TU",
                trich_yeu_cong_van=("về việc chuẩn bị sơ kết", "công tác lưu trữ 6 tháng đầu năm 2026"))
    return replace(doc, kinh_gui=("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy;",
                                  "Các ban, cơ quan tham mưu, giúp việc Tỉnh ủy."))


def _thong_bao_05() -> PartyDoc:
    # An acting head signs "Q. CHÁNH VĂN PHÒNG" (hd05.md S002), which hd36 does not know.
    return _hd05("thong-bao", "ngày 08 tháng 9 năm 2026", so_ky_hieu="Số 128-TB/VPTU",
                 co_quan_cap_tren=("TỈNH ỦY LẠNG SƠN",), co_quan_ban_hanh=("VĂN PHÒNG",),
                 signers=(Signer("Q. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nông Đức Thắng"),))


HD05_GOOD: dict[str, Sample] = {
    "nghi-quyet": Sample(_hd05("nghi-quyet", "ngày 15 tháng 6 năm 2026"), HD05_LAYOUT, (),
                         "nghị quyết of a plenum, Exactly 18 pt lines, recipients ending `;`"),
    "quyet-dinh": Sample(_quyet_dinh_05(), HD05_LAYOUT, (),
                         "quyết định: căn cứ lines `- …;`, the last ending `.`; Điều/khoản/điểm"),
    "cong-van": Sample(_cong_van_05(), HD05_LAYOUT, (), "công văn: Kính gửi list ending `;` then `.`"),
    "thong-bao-quyen": Sample(_thong_bao_05(), HD05_LAYOUT, (), "thông báo signed `Q. CHÁNH VĂN PHÒNG`"),
}

HD05_BAD: dict[str, Sample] = {
    "gian-dong-1-5-thut-12-7": Sample(
        HD05_GOOD["nghi-quyet"].doc, replace(HD05_LAYOUT, line_exact_pt=None, line_multiple=1.5,
                                             normal_first_line_mm=12.7),
        ("B004", "B006"), "1.5 lines and a 12.7 mm indent: fine under hd36, not HD05's Exactly 18–22 pt and ≈10 mm"),
    "dau-phay-noi-nhan-can-cu": Sample(
        replace(HD05_GOOD["quyet-dinh"].doc,
                noi_nhan_muc=("- Như Điều 2,", "- Văn phòng Trung ương Đảng (để báo cáo),", tx.LUU),
                body=tuple(replace(b, text=b.text.replace("Văn phòng Tỉnh ủy.", "Văn phòng Tỉnh ủy,"))
                           for b in HD05_GOOD["quyet-dinh"].doc.body)),
        HD05_LAYOUT, ("B011", "N004"), "recipients ending `,` and the last căn cứ ending `,` (hd36 allows both)"),
    "quan-ham-hoa-toc-hen-gio": Sample(
        replace(HD05_GOOD["cong-van"].doc, dau_khan="HỎA TỐC HẸN GIỜ",
                signers=(replace(tx.TL_CHANH_VP, ho_ten="Đại tá Nông Đức Thắng"),)),
        HD05_LAYOUT, ("S005", "X002"), "`HỎA TỐC HẸN GIỜ` (gone in HD05) and a military rank before the name"),
    "ngay-truoc-hd05": Sample(
        replace(HD05_GOOD["nghi-quyet"].doc, dia_danh_ngay="Lạng Sơn, ngày 26 tháng 5 năm 2026"),
        HD05_LAYOUT, ("X007",), "dated 26/5/2026, the eve of HD05: hd36 governs it (info only)"),
}

# ---------------------------------------------------------------- nd30: state documents (Nghị định 30)

UBND = ("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN")
QUOC_HIEU = {"family": "state", "tieu_de": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "tieu_ngu": "Độc lập - Tự do - Hạnh phúc", "dau_sao": None, "gach_trich_yeu": None}
CHU_TICH = Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lâm Văn Tuấn")
KT_CHU_TICH = Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Mai")
# Nghị định 30 sets căn cứ lines in italic, công văn summaries and "Kính gửi:" upright.
ND30_LAYOUT = Layout(overrides={"can_cu": {"italic": True}, "trich_yeu_cong_van": {"italic": False},
                                "kinh_gui": {"italic": False}})


def _state(**fields: object) -> PartyDoc:
    return PartyDoc(**{**QUOC_HIEU, **fields})


def _quyet_dinh_nn() -> PartyDoc:
    return _state(
        co_quan_ban_hanh=UBND, so_ky_hieu="Số: 1205/QĐ-UBND", dia_danh_ngay="Lạng Sơn, ngày 05 tháng 3 năm 2021",
        ten_loai="QUYẾT ĐỊNH", trich_yeu=("Về việc phê duyệt Đề án số hóa", "tài liệu lưu trữ giai đoạn 2021 - 2025"),
        body=body(("ban_hanh", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
                  ("can_cu", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
                  ("can_cu", "Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;"),
                  ("can_cu", "Theo đề nghị của Giám đốc Sở Nội vụ."),
                  ("ban_hanh", "QUYẾT ĐỊNH:"),
                  ("dieu", "Điều 1. Phê duyệt Đề án số hóa tài liệu lưu trữ tỉnh Lạng Sơn giai đoạn 2021 - 2025."),
                  *tx.SO_HOA,
                  ("dieu", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
                  "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan, đơn vị "
                  "có liên quan chịu trách nhiệm thi hành Quyết định này./."),
        signers=(CHU_TICH,), noi_nhan_muc=("- Như Điều 2;", "- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, NC."))


def _cong_van_nn() -> PartyDoc:
    return _state(
        co_quan_ban_hanh=UBND, so_ky_hieu="Số: 2475/UBND-NC", dia_danh_ngay="Lạng Sơn, ngày 25 tháng 11 năm 2022",
        trich_yeu_cong_van=("V/v chuẩn bị tổng kết công tác", "văn thư, lưu trữ năm 2022"),
        kinh_gui=("Các sở, ban, ngành tỉnh;", "Ủy ban nhân dân các huyện, thành phố."),
        body=body("Để chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2022, Ủy ban nhân dân tỉnh đề nghị các cơ "
                  "quan, đơn vị thực hiện một số nội dung sau:",
                  *(f"{i}. {t}" for i, t in enumerate(tx.NHIEM_VU[:3], start=1)),
                  "Đề nghị các cơ quan, đơn vị triển khai thực hiện./."),
        signers=(KT_CHU_TICH,), noi_nhan_muc=("- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."))


def _ke_hoach_nn() -> PartyDoc:
    return _state(
        co_quan_cap_tren=("UBND TỈNH LẠNG SƠN",), co_quan_ban_hanh=("SỞ VĂN HÓA VÀ THỂ THAO",),
        so_ky_hieu="Số: 09/KH-SVHTT",
        dia_danh_ngay="Lạng Sơn, ngày 14 tháng 01 năm 2023", ten_loai="KẾ HOẠCH",
        trich_yeu=("Kiểm tra công tác văn thư, lưu trữ", "năm 2023"),
        body=body(("de_muc_1", "I. MỤC ĐÍCH, YÊU CẦU"), *tx.TINH_HINH[:2],
                  ("de_muc_1", "II. NỘI DUNG KIỂM TRA"), *tx.NHIEM_VU[:3],
                  ("de_muc_1", "III. TỔ CHỨC THỰC HIỆN"), "Văn phòng Sở chủ trì, theo dõi và báo cáo kết quả./."),
        signers=(Signer(None, "GIÁM ĐỐC", "Vi Văn Hùng"),),
        noi_nhan_muc=("- UBND tỉnh (để báo cáo);", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."))


ND30_GOOD: dict[str, Sample] = {
    "quyet-dinh": Sample(_quyet_dinh_nn(), ND30_LAYOUT, (), "quyết định of UBND tỉnh: TM., căn cứ in italic, Điều"),
    "cong-van": Sample(_cong_van_nn(), ND30_LAYOUT, (), "công văn `Số: 2475/UBND-NC`, `V/v …` upright, KT. signature"),
    "ke-hoach": Sample(_ke_hoach_nn(), ND30_LAYOUT, (), "kế hoạch of a Sở under UBND tỉnh, head signs directly"),
}

ND30_BAD: dict[str, Sample] = {
    "so-va-tham-quyen-kieu-dang": Sample(
        replace(ND30_GOOD["quyet-dinh"].doc, so_ky_hieu="Số 1205-QĐ/UBND",
                signers=(replace(CHU_TICH, tham_quyen="T/M ỦY BAN NHÂN DÂN"),)),
        ND30_LAYOUT, ("H008", "S002"), "Party habits in a state file: `Số 1205-QĐ/UBND`, `T/M` instead of `TM.`"),
    "noi-nhan-chuc-vu-kieu-dang": Sample(
        ND30_GOOD["cong-van"].doc,
        replace(ND30_LAYOUT, overrides={**ND30_LAYOUT.overrides, "noi_nhan": {"bold": False, "italic": False,
                                                                              "underline": True, "size_pt": 14},
                                        "noi_nhan_muc": {"size_pt": 12}, "chuc_vu_ky": {"bold": False}}),
        ("N002", "N003", "S004"), "Party formatting: Nơi nhận 14 underlined, items 12 pt, chức vụ not bold"),
    "le-hep-quoc-hieu-14": Sample(
        ND30_GOOD["ke-hoach"].doc,
        replace(ND30_LAYOUT, margins_mm=(15, 15, 25, 10),
                overrides={**ND30_LAYOUT.overrides, "tieu_de": {"size_pt": 14}}),
        ("H002", "P003", "P004", "P005", "P006"), "margins 15/15/25/10 mm and the quốc hiệu in 14 pt"),
    "thieu-tieu-ngu-quy-dinh-qd": Sample(
        replace(ND30_GOOD["quyet-dinh"].doc, tieu_ngu=None, ten_loai="QUY ĐỊNH",
                trich_yeu=("Về công tác văn thư, lưu trữ", "của Ủy ban nhân dân tỉnh")),
        ND30_LAYOUT, ("H010", "H013"), "no tiêu ngữ; a QUY ĐỊNH numbered QĐ (Phụ lục III: QyĐ)"),
}

SETS: dict[str, tuple[dict[str, Sample], dict[str, Sample]]] = {
    "hd05": (HD05_GOOD, HD05_BAD), "nd30": (ND30_GOOD, ND30_BAD)}


def expected_yaml(name: str) -> str:
    lines = [f"# Exact rule codes each bad sample must produce under --ruleset {name} "
             "(generated by samples/build_rulesets.py).",
             "# Written from the intent of each mistake; the checker is held to it, not the other way round."]
    lines += [f"{file}.docx: [{', '.join(sorted(s.codes))}]" for file, s in SETS[name][1].items()]
    return "\n".join(lines) + "\n"


def readme(name: str) -> str:
    good, bad = SETS[name]
    head = (f"# Samples for rule set `{name}`\n\nGenerated by `python samples/build_rulesets.py`; do not edit "
            f"the .docx files by hand. `good/` conforms to `{name}` (no finding); `bad/expected.yaml` lists the "
            f"exact codes each bad file produces under `--ruleset {name}`.\n\n"
            "| file | codes | shows |\n|---|---|---|\n")
    rows = [f"| `good/{n}.docx` | – | {s.about} |" for n, s in good.items()]
    rows += [f"| `bad/{n}.docx` | {', '.join(sorted(s.codes))} | {s.about} |" for n, s in bad.items()]
    return head + "\n".join(rows) + "\n"


def build(out_dir: Path) -> list[Path]:
    """Write both sets under ``out_dir``/hd05 and ``out_dir``/nd30; returns the paths written."""
    written: list[Path] = []
    for name, (good, bad) in SETS.items():
        written += write_sample_set(out_dir / name, {"good": good, "bad": bad},
                                    {"bad/expected.yaml": expected_yaml(name), "README.md": readme(name)})
    return written

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for p in build(target):
        print(p)
