"""Display names of the recogniser's roles (spec §1), in Vietnamese and English.

Checks, reporters and `inspect` read this module; it imports nothing from the stages.
"""
from __future__ import annotations

from thethuc.model import Text

ROLE_NAMES: dict[str, tuple[str, str]] = {
    "tieu_de": ("tiêu đề", "party title"),
    "duong_ke_tieu_de": ("đường kẻ dưới tiêu đề", "rule under the party title"),
    "co_quan_cap_tren": ("tên cơ quan cấp trên", "upper body"),
    "co_quan_ban_hanh": ("tên cơ quan ban hành", "issuing body"),
    "dau_sao": ("dấu sao", "asterisk line"),
    "so_ky_hieu": ("số và ký hiệu", "number and symbol"),
    "trich_yeu_cong_van": ("trích yếu công văn", "official letter summary"),
    "dia_danh_ngay": ("địa danh và ngày tháng năm", "place and date"),
    "dau_mat": ("dấu chỉ mức độ mật", "secrecy mark"),
    "dau_khan": ("dấu chỉ mức độ khẩn", "urgency mark"),
    "du_thao": ("chỉ dẫn dự thảo", "draft mark"),
    "chi_dan_luu_hanh": ("chỉ dẫn phạm vi lưu hành", "circulation note"),
    "ten_loai": ("tên loại văn bản", "document type name"),
    "ten_hoi_nghi": ("tên hội nghị", "plenum name"),
    "trich_yeu": ("trích yếu nội dung", "summary"),
    "gach_trich_yeu": ("gạch dưới trích yếu", "dash line under the summary"),
    "kinh_gui": ("kính gửi", "addressee line"),
    "kinh_gui_muc": ("nơi được kính gửi", "addressee"),
    "noi_dung": ("nội dung", "body text"),
    "can_cu": ("căn cứ ban hành", "legal basis"),
    "phan": ("phần", "part"),
    "phan_ten": ("tên phần", "part title"),
    "chuong": ("chương", "chapter"),
    "chuong_ten": ("tên chương", "chapter title"),
    "muc": ("mục", "section"),
    "muc_ten": ("tên mục", "section title"),
    "dieu": ("điều", "article"),
    "khoan": ("khoản", "clause"),
    "diem": ("điểm", "point"),
    "de_muc_1": ("đề mục cấp 1", "heading level 1"),
    "de_muc_2": ("đề mục cấp 2", "heading level 2"),
    "de_muc_3": ("đề mục cấp 3", "heading level 3"),
    "de_muc_4": ("đề mục cấp 4", "heading level 4"),
    "de_muc_5": ("đề mục cấp 5", "heading level 5"),
    "tham_quyen_ky": ("thẩm quyền ký", "signing authority"),
    "chuc_vu_ky": ("chức vụ người ký", "signer's title"),
    "ho_ten_ky": ("họ tên người ký", "signer's name"),
    "noi_nhan": ("nơi nhận", "recipients heading"),
    "noi_nhan_muc": ("nơi nhận (mục)", "recipient"),
    "ky_hieu_nguoi_danh_may": ("ký hiệu người đánh máy và số lượng bản", "typist mark and copies"),
    "thong_tin_lien_he": ("thông tin liên hệ", "contact details"),
    "so_trang": ("số trang", "page number"),
    "phu_luc": ("phụ lục", "appendix heading"),
    "quoc_hieu": ("quốc hiệu", "national title"),
    "tieu_ngu": ("tiêu ngữ", "national motto"),
    "duong_ke_tieu_ngu": ("đường kẻ dưới tiêu ngữ", "rule under the motto"),
    "duong_ke_co_quan": ("đường kẻ dưới tên cơ quan", "rule under the issuing body"),
}


def role_name(role: str) -> Text:
    """The display name of a role in both report languages; the code itself if unknown."""
    vi, en = ROLE_NAMES.get(role) or (role, role)
    return Text(vi, en)
