"""The non-conforming samples (samples/bad): a good sample with a few deliberate clerk mistakes,
and the exact rule codes (spec hd36 §2) each must produce. Everything else stays as in the good one.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from thethuc.records import dataclass
from thethuc.testing import party_texts as tx
from thethuc.testing.party import Layout, PartyDoc, Signer, body, libreoffice_layout
from thethuc.testing.party_samples import GOOD


@dataclass(frozen=True)
class BadSample:
    """A non-conforming sample (samples/bad): a good document with deliberate clerk mistakes, and exactly
    the codes the checker must report for it."""

    doc: PartyDoc
    layout: Layout
    codes: tuple[str, ...]  # exactly the codes the checker must report, sorted
    about: str


def _doc(name: str, **changes: Any) -> PartyDoc:
    return replace(GOOD[name].doc, **changes)


def _signer(name: str, **changes: Any) -> tuple[Signer, ...]:
    return (replace(GOOD[name].doc.signers[0], **changes),)


def state_document() -> PartyDoc:
    """A Nghị định 30 quyết định of the provincial People's Committee, conforming to nd30."""
    return PartyDoc(
        family="state", tieu_de="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", tieu_ngu="Độc lập - Tự do - Hạnh phúc",
        co_quan_ban_hanh=("ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"), dau_sao=None, so_ky_hieu="Số: 15/QĐ-UBND",
        dia_danh_ngay="Lạng Sơn, ngày 05 tháng 3 năm 2019", ten_loai="QUYẾT ĐỊNH",
        trich_yeu=("Về việc phê duyệt Đề án số hóa tài liệu lưu trữ", "tỉnh Lạng Sơn giai đoạn 2019 - 2025"),
        gach_trich_yeu=None,
        body=body(
            ("ban_hanh", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
            ("can_cu", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
            ("can_cu", "Căn cứ Luật Lưu trữ ngày 11 tháng 11 năm 2011;"),
            ("can_cu", "Theo đề nghị của Giám đốc Sở Nội vụ."),
            ("ban_hanh", "QUYẾT ĐỊNH:"),
            ("dieu", "Điều 1. Phê duyệt Đề án số hóa tài liệu lưu trữ tỉnh Lạng Sơn giai đoạn 2019 - 2025."),
            *tx.SO_HOA,
            ("dieu", "Điều 2. Sở Nội vụ chủ trì, phối hợp với các sở, ngành tổ chức thực hiện Đề án."),
            *tx.NHIEM_VU[:3],
            ("dieu", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."),
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị "
            "có liên quan chịu trách nhiệm thi hành Quyết định này.",
        ),
        signers=(Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lâm Văn Tuấn"),),
        noi_nhan_muc=("- Như Điều 3;", "- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, NC."),
    )


_MIXED_NOI_NHAN = ("- Ban Bí thư Trung ương Đảng (để báo cáo);", "- Các đồng chí Tỉnh ủy viên,",
                   "- Các huyện ủy, thành ủy, đảng ủy trực thuộc;", "- Lưu Văn phòng Tỉnh ủy")

_GAP_BAO_CAO = body(
    ("de_muc_1", "I. KẾT QUẢ CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM 2018"),
    ("de_muc_2", "1. Công tác lãnh đạo, chỉ đạo"), tx.TINH_HINH[0],
    ("de_muc_2", "2- Công tác văn thư"), tx.TINH_HINH[1],
    ("de_muc_2", "3. Công tác lưu trữ"), *tx.SO_HOA,
    ("de_muc_1", "II. HẠN CHẾ, NGUYÊN NHÂN"), *tx.TINH_HINH[2:],
    ("de_muc_1", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2019"), *tx.NHIEM_VU,
)

BAD: dict[str, BadSample] = {
    "so-va-tham-quyen-kieu-nha-nuoc": BadSample(
        _doc("nghi-quyet", so_ky_hieu="Số: 15-NQ/TU", signers=_signer("nghi-quyet", tham_quyen="TM. BAN THƯỜNG VỤ")),
        Layout(), ("H008", "S002"), "state habits in a Party file: `Số:` with a colon, `TM.` instead of `T/M`"),
    "thieu-dau-sao-ngay-khong-so-0": BadSample(
        _doc("thong-bao", dau_sao=None, dia_danh_ngay="Lạng Sơn, ngày 8 tháng 4 năm 2019"),
        Layout(), ("H007", "H011"), "no `*` under the issuing body; day 8 written without its leading zero"),
    "sai-co-chu": BadSample(
        GOOD["nghi-quyet"].doc,
        Layout(overrides={"tieu_de": {"size_pt": 14}, "ten_loai": {"size_pt": 14},
                          "trich_yeu": {"size_pt": 13}, "chuc_vu_ky": {"bold": True}}),
        ("H002", "S004", "T002", "T003"), "tiêu đề 14, tên loại 14, trích yếu 13 pt, chức vụ in bold"),
    "noi-dung-13pt-khong-thut-dong": BadSample(
        GOOD["bao-cao"].doc, Layout(normal_size_pt=13, normal_first_line_mm=0),
        ("B001", "B004"), "Normal style set to 13 pt with no first-line indent (header sizes set on runs)"),
    "kho-letter-le-cu": BadSample(
        GOOD["ke-hoach"].doc, libreoffice_layout(paper_mm=(215.9, 279.4), margins_mm=(25, 25, 35, 15)),
        ("P001", "P003", "P004", "P005"), "US Letter paper and the pre-2018 margins 25/25/35/15 mm"),
    "phong-arial-chu-mau": BadSample(
        GOOD["to-trinh"].doc, Layout(font="Arial", overrides={"ten_loai": {"color": "C00000"}}),
        ("P007", "P009"), "theme body font Arial; tên loại coloured red"),
    "doan-van-vntime": BadSample(
        GOOD["huong-dan"].doc, Layout(legacy_body=True, space_before_pt=0),
        ("B005", "P008"), "body paragraphs pasted from an old file: .VnTime font and TCVN3-encoded text (one cause: "
        "one P008, no P007), no space between paragraphs"),
    "gach-chan-tieu-de-so-trang-dau": BadSample(
        GOOD["nghi-quyet"].doc, Layout(title_rule="underline", page_number="first-page"),
        ("H003", "P011"), "tiêu đề underlined instead of a drawn line; page number shown on page 1 too"),
    "kho-ngang-noi-nhan-dau-cau": BadSample(
        _doc("thong-bao", noi_nhan_muc=_MIXED_NOI_NHAN), Layout(landscape=True),
        ("N004", "P002"), "landscape A4 with no wide table; Nơi nhận items mix `;` and `,`, last lacks `.`"),
    "cong-van-vv-hoc-ham": BadSample(
        _doc("cong-van", trich_yeu_cong_van=("V/v chuẩn bị tổng kết", "công tác lưu trữ năm 2019"),
             signers=_signer("cong-van", ho_ten="TS. Nông Đức Thắng")),
        Layout(), ("S005", "T005"), "công văn summary starting `V/v`; `TS.` before the signer's name"),
    "danh-so-nhay-coc": BadSample(
        _doc("bao-cao", body=_GAP_BAO_CAO), Layout(normal_align="left"),
        ("B003", "B008", "B009"), "headings I, II, IV (III missing); `1.` and `2-` mixed; body left-aligned"),
    "van-ban-nha-nuoc": BadSample(
        state_document(), Layout(), ("X003",),
        "a state quyết định (Nghị định 30) checked against hd36: one X003 suggesting --ruleset nd30"),
    "dau-mat-khan-sai": BadSample(
        _doc("cong-van", dau_mat="BÍ MẬT", dau_khan="KHẨN CẤP"), Layout(),
        ("X001", "X002"), "secrecy mark `BÍ MẬT` and urgency mark `KHẨN CẤP`, neither an HD36 value"),
    "noi-nhan-chu-ky-sai-dinh-dang": BadSample(
        GOOD["ke-hoach"].doc,
        libreoffice_layout(overrides={"noi_nhan": {"bold": True, "underline": False},
                                      "noi_nhan_muc": {"size_pt": 14}, "tham_quyen_ky": {"bold": False}}),
        ("N002", "N003", "S003"), "LibreOffice file: Nơi nhận bold not underlined, items 14 pt, T/M not bold"),
    "trich-yeu-viet-hoa-thieu-gach": BadSample(
        _doc("chi-thi", trich_yeu=("Về đẩy mạnh số hóa tài liệu lưu trữ", "của Đảng bộ tỉnh"), gach_trich_yeu=None),
        libreoffice_layout(overrides={"noi_dung": {"italic": True}}),
        ("B002", "T003", "T004"), "trích yếu starts with capital `Về`; no `-----`; body paragraphs in italic"),
    "so-trang-chan-trang-so-dam": BadSample(
        GOOD["huong-dan"].doc,
        Layout(page_number="footer", overrides={"so_ky_hieu": {"bold": True}, "dia_danh_ngay": {"italic": False}}),
        ("H009", "H012", "P010"), "page number in the footer; số in bold; place/date upright"),
    "quyet-dinh-dieu-gian-dong": BadSample(
        GOOD["quyet-dinh"].doc, Layout(space_before_pt=0, line_exact_pt=13, overrides={"dieu": {"bold": False}}),
        ("B005", "B006", "B007"), "no space between paragraphs, exact 13 pt lines, Điều not bold"),
    "ky-hieu-sai-loai-co-quan": BadSample(
        _doc("nghi-quyet", so_ky_hieu="Số 15-CT/TU"),
        Layout(overrides={"co_quan_cap_tren": {"bold": True}, "co_quan_ban_hanh": {"bold": False}}),
        ("H004", "H006", "H010"), "NGHỊ QUYẾT numbered as CT; upper body bold, issuing body not bold"),
}
