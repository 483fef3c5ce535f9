"""The conforming sample documents (samples/good): one per document type, Word and LibreOffice.

Tests reuse them as bases: ``dataclasses.replace(GOOD["nghi-quyet"].doc, so_ky_hieu="Số: 15-NQ/TU")``.
"""
from __future__ import annotations

from thethuc.records import dataclass
from thethuc.testing import party_texts as tx
from thethuc.testing.party import Layout, PartyDoc, Signer, body, libreoffice_layout


@dataclass(frozen=True)
class Sample:
    """A conforming sample (samples/good): its content, its layout (Word or LibreOffice) and one line for
    samples/README.md."""

    doc: PartyDoc
    layout: Layout
    about: str  # one line for samples/README.md


def _nghi_quyet() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 15-NQ/TU",
        dia_danh_ngay="Lạng Sơn, ngày 27 tháng 8 năm 2018", ten_loai="NGHỊ QUYẾT",
        ten_hoi_nghi=("HỘI NGHỊ LẦN THỨ MƯỜI BA", "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)"),
        trich_yeu=("về tăng cường công tác văn thư, lưu trữ", "của Đảng bộ tỉnh giai đoạn 2018 - 2025"),
        body=body(
            ("de_muc_1", "I. TÌNH HÌNH VÀ NGUYÊN NHÂN"), *tx.TINH_HINH,
            ("de_muc_1", "II. MỤC TIÊU"),
            ("de_muc_2", "1. Mục tiêu chung"),
            "Nâng cao chất lượng, hiệu quả công tác văn thư, lưu trữ, góp phần nâng cao năng lực lãnh đạo, "
            "sức chiến đấu của tổ chức đảng; bảo quản an toàn, phát huy giá trị tài liệu lưu trữ của Đảng bộ tỉnh.",
            ("de_muc_2", "2. Mục tiêu cụ thể"),
            ("de_muc_4", "a) Đến năm 2020, 100% cơ quan, đơn vị thực hiện lập hồ sơ công việc và nộp lưu hồ sơ "
                         "vào lưu trữ cơ quan đúng quy định."),
            ("de_muc_4", "b) Đến năm 2025, hoàn thành số hóa tài liệu của Ban Chấp hành, Ban Thường vụ Tỉnh ủy "
                         "các khóa từ năm 1975 đến nay."),
            ("de_muc_1", "III. NHIỆM VỤ, GIẢI PHÁP"), *tx.NHIEM_VU,
            ("de_muc_2", "1. Về số hóa tài liệu"), *tx.SO_HOA,
            ("de_muc_1", "IV. TỔ CHỨC THỰC HIỆN"), *tx.TO_CHUC,
            "Nghị quyết này được phổ biến đến chi bộ và đảng viên.",
        ),
        signers=(tx.BI_THU,), noi_nhan_muc=tx.NOI_NHAN_TINH,
    )


def _quyet_dinh() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 1205-QĐ/TU",
        dia_danh_ngay="Lạng Sơn, ngày 05 tháng 02 năm 2019", ten_loai="QUYẾT ĐỊNH",
        trich_yeu=("về việc ban hành Quy chế công tác văn thư, lưu trữ", "của các cơ quan Đảng tỉnh"),
        body=body(
            ("can_cu", "- Căn cứ Điều lệ Đảng;"),
            ("can_cu", "- Căn cứ Quy định số 66-QĐ/TW ngày 06 tháng 02 năm 2017 của Ban Chấp hành Trung ương "
                       "về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng;"),
            ("can_cu", "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVI, nhiệm kỳ 2015 - 2020;"),
            ("can_cu", "- Xét đề nghị của Văn phòng Tỉnh ủy,"),
            ("ban_hanh", "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH"),
            ("dieu", "Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác văn thư, lưu trữ của các cơ quan "
                     "Đảng tỉnh."),
            ("dieu", "Điều 2. Quy chế áp dụng đối với các ban, cơ quan tham mưu, giúp việc Tỉnh ủy, các huyện ủy, "
                     "thành ủy, đảng ủy trực thuộc Tỉnh ủy."),
            ("khoan", "1. Người đứng đầu cơ quan chịu trách nhiệm tổ chức thực hiện Quy chế trong cơ quan mình."),
            ("khoan", "2. Cán bộ, công chức có trách nhiệm:"),
            ("diem", "a) Lập hồ sơ công việc được giao và nộp lưu vào lưu trữ cơ quan đúng thời hạn;"),
            ("diem", "b) Bảo vệ, bảo quản an toàn văn bản, tài liệu trong quá trình giải quyết công việc;"),
            ("diem", "c) Không giữ hồ sơ, tài liệu của cơ quan làm tài liệu riêng."),
            ("dieu", "Điều 3. Trách nhiệm của Văn phòng Tỉnh ủy"), *tx.NHIEM_VU[:4],
            ("dieu", "Điều 4. Hiệu lực thi hành"),
            "Quyết định này có hiệu lực từ ngày ký. Các cơ quan, đơn vị, cán bộ, công chức có liên quan "
            "căn cứ Quyết định thi hành.",
        ),
        signers=(tx.BI_THU,), noi_nhan_muc=("- Như Điều 2,", "- Văn phòng Trung ương Đảng (để báo cáo),",
                                            "- Thường trực Tỉnh ủy,", tx.LUU),
    )


def _quy_dinh() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 09-QĐ/TU",
        dia_danh_ngay="Lạng Sơn, ngày 12 tháng 3 năm 2019", ten_loai="QUY ĐỊNH",
        trich_yeu=("về lập hồ sơ và nộp lưu hồ sơ, tài liệu", "vào lưu trữ các cơ quan Đảng"),
        body=body(
            ("chuong", "Chương I"), ("chuong_ten", "QUY ĐỊNH CHUNG"),
            ("dieu", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"),
            ("khoan", "1. Quy định này quy định việc lập hồ sơ công việc, nộp lưu hồ sơ, tài liệu vào lưu trữ "
                      "cơ quan của các cơ quan Đảng trong Đảng bộ tỉnh."),
            ("khoan", "2. Quy định áp dụng đối với cán bộ, công chức, người lao động trong các cơ quan Đảng."),
            ("dieu", "Điều 2. Giải thích từ ngữ"),
            "Hồ sơ là một tập văn bản, tài liệu có liên quan với nhau về một vấn đề, một sự việc hoặc có "
            "cùng một đặc điểm, hình thành trong quá trình giải quyết công việc.",
            ("chuong", "Chương II"), ("chuong_ten", "LẬP HỒ SƠ VÀ NỘP LƯU HỒ SƠ"),
            ("muc", "Mục 1"), ("muc_ten", "LẬP HỒ SƠ CÔNG VIỆC"),
            ("dieu", "Điều 3. Yêu cầu đối với hồ sơ được lập"), *tx.NHIEM_VU[:2],
            ("muc", "Mục 2"), ("muc_ten", "NỘP LƯU HỒ SƠ, TÀI LIỆU"),
            ("dieu", "Điều 4. Thời hạn nộp lưu"), *tx.NHIEM_VU[2:4],
            ("chuong", "Chương III"), ("chuong_ten", "TỔ CHỨC THỰC HIỆN"),
            ("dieu", "Điều 5. Trách nhiệm thi hành"), *tx.TO_CHUC,
        ),
        signers=(tx.BI_THU,), noi_nhan_muc=tx.NOI_NHAN_TINH,
    )


def _chi_thi() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 24-CT/TU",
        dia_danh_ngay="Lạng Sơn, ngày 09 tháng 01 năm 2019", ten_loai="CHỈ THỊ",
        trich_yeu=("về đẩy mạnh số hóa tài liệu lưu trữ", "của Đảng bộ tỉnh"),
        body=body(*tx.TINH_HINH[:2],
                  "Để khắc phục những hạn chế trên, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng "
                  "tập trung thực hiện tốt một số nhiệm vụ sau:",
                  *(f"{i}. {t}" for i, t in enumerate(tx.NHIEM_VU + tx.SO_HOA[:2], start=1)),
                  *tx.TO_CHUC),
        signers=(tx.BI_THU,), noi_nhan_muc=tx.NOI_NHAN_TINH,
    )


def _thong_bao() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 318-TB/TU",
        dia_danh_ngay="Lạng Sơn, ngày 18 tháng 4 năm 2019", ten_loai="THÔNG BÁO",
        trich_yeu=("kết luận của Ban Thường vụ Tỉnh ủy", "về công tác văn thư, lưu trữ năm 2018"),
        body=body("Ngày 15 tháng 4 năm 2019, Ban Thường vụ Tỉnh ủy nghe Văn phòng Tỉnh ủy báo cáo kết quả "
                  "công tác văn thư, lưu trữ năm 2018. Sau khi thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:",
                  *(f"{i}. {t}" for i, t in enumerate(tx.TINH_HINH + tx.NHIEM_VU, start=1)),
                  "Văn phòng Tỉnh ủy thông báo để các cấp ủy, tổ chức đảng biết, thực hiện."),
        signers=(tx.TL_CHANH_VP,), noi_nhan_muc=tx.NOI_NHAN_TINH[2:],
    )


def _bao_cao() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 145-BC/TU",
        dia_danh_ngay="Lạng Sơn, ngày 20 tháng 12 năm 2018", ten_loai="BÁO CÁO",
        trich_yeu=("kết quả công tác văn thư, lưu trữ năm 2018,", "phương hướng, nhiệm vụ năm 2019"),
        body=body(
            ("de_muc_1", "I. KẾT QUẢ CÔNG TÁC VĂN THƯ, LƯU TRỮ NĂM 2018"),
            ("de_muc_2", "1. Công tác lãnh đạo, chỉ đạo"), tx.TINH_HINH[0],
            ("de_muc_2", "2. Công tác văn thư"), tx.TINH_HINH[1],
            ("de_muc_4", "a) Quản lý văn bản đến: tiếp nhận, đăng ký 12.460 văn bản, chuyển giao kịp thời, "
                         "đúng địa chỉ."),
            ("de_muc_4", "b) Quản lý văn bản đi: phát hành 3.215 văn bản, bảo đảm đúng thể thức, thời gian."),
            ("de_muc_2", "3. Công tác lưu trữ"), *tx.SO_HOA,
            ("de_muc_2", "4. Hạn chế, nguyên nhân"), *tx.TINH_HINH[2:],
            ("de_muc_1", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2019"), *tx.NHIEM_VU,
            ("de_muc_1", "III. ĐỀ XUẤT, KIẾN NGHỊ"),
            ("de_muc_5", "- Đề nghị Văn phòng Trung ương Đảng tiếp tục mở lớp bồi dưỡng nghiệp vụ lưu trữ."),
            ("de_muc_5", "- Đề nghị bố trí kinh phí cải tạo kho lưu trữ của các huyện ủy."),
        ),
        signers=(tx.PHO_BI_THU,), noi_nhan_muc=tx.NOI_NHAN_TINH,
    )


def _ke_hoach() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 86-KH/TU",
        dia_danh_ngay="Lạng Sơn, ngày 02 tháng 5 năm 2019", ten_loai="KẾ HOẠCH",
        trich_yeu=("số hóa tài liệu lưu trữ của Đảng bộ tỉnh", "giai đoạn 2019 - 2020"),
        body=body(
            ("de_muc_1", "I. MỤC ĐÍCH, YÊU CẦU"), *tx.NHIEM_VU[:2],
            ("de_muc_1", "II. NỘI DUNG"),
            ("de_muc_2", "1. Khảo sát, lựa chọn tài liệu"), tx.SO_HOA[0],
            ("de_muc_2", "2. Số hóa và quản lý dữ liệu"), tx.SO_HOA[1],
            ("de_muc_2", "3. Khai thác, sử dụng"), tx.SO_HOA[2],
            ("de_muc_1", "III. KINH PHÍ"), tx.NHIEM_VU[3],
            ("de_muc_1", "IV. TỔ CHỨC THỰC HIỆN"), *tx.TO_CHUC, tx.NHIEM_VU[4],
        ),
        signers=(tx.BI_THU,), noi_nhan_muc=tx.NOI_NHAN_TINH,
    )


def _huong_dan() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=("TỈNH ỦY LẠNG SƠN",), co_quan_ban_hanh=("VĂN PHÒNG",), so_ky_hieu="Số 05-HD/VPTU",
        dia_danh_ngay="Lạng Sơn, ngày 22 tháng 3 năm 2019", ten_loai="HƯỚNG DẪN",
        trich_yeu=("lập danh mục hồ sơ và số hóa tài liệu", "tại các cơ quan Đảng"),
        body=body(
            ("de_muc_1", "I. YÊU CẦU CHUNG"), *tx.NHIEM_VU[:3],
            ("de_muc_1", "II. HƯỚNG DẪN CỤ THỂ"),
            ("de_muc_2", "1. Lập danh mục hồ sơ"), tx.TINH_HINH[1],
            ("de_muc_3", "1.1. Căn cứ lập danh mục"), tx.NHIEM_VU[3],
            ("de_muc_3", "1.2. Thời gian ban hành danh mục"), tx.NHIEM_VU[4],
            ("de_muc_2", "2. Số hóa tài liệu"), *tx.SO_HOA,
            ("de_muc_1", "III. TỔ CHỨC THỰC HIỆN"), *tx.TO_CHUC,
        ),
        signers=(tx.KT_CHANH_VP,),
        noi_nhan_muc=("- Thường trực Tỉnh ủy (để báo cáo),", "- Các huyện ủy, thành ủy, đảng ủy trực thuộc,",
                      "- Lưu Văn phòng Tỉnh ủy."),
    )


def _to_trinh() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=("TỈNH ỦY LẠNG SƠN",), co_quan_ban_hanh=("VĂN PHÒNG",), so_ky_hieu="Số 42-TTr/VPTU",
        dia_danh_ngay="Lạng Sơn, ngày 08 tháng 10 năm 2019", ten_loai="TỜ TRÌNH",
        trich_yeu=("về việc đầu tư cải tạo Kho Lưu trữ Tỉnh ủy",), kinh_gui=("Ban Thường vụ Tỉnh ủy",),
        kinh_gui_label="Kính trình:",
        body=body(*tx.TINH_HINH, tx.NHIEM_VU[3],
                  "Văn phòng Tỉnh ủy kính trình Ban Thường vụ Tỉnh ủy xem xét, cho chủ trương đầu tư cải "
                  "tạo Kho Lưu trữ Tỉnh ủy với tổng kinh phí dự kiến 4,5 tỷ đồng, thực hiện trong năm 2020.",
                  *tx.SO_HOA, "Kính trình Ban Thường vụ Tỉnh ủy xem xét, quyết định."),
        signers=(tx.CHANH_VP,), noi_nhan_muc=("- Như trên,", "- Lãnh đạo Văn phòng,", tx.LUU),
    )


def _cong_van() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=tx.CAP_TREN, co_quan_ban_hanh=tx.TINH_UY, so_ky_hieu="Số 2475-CV/TU",
        trich_yeu_cong_van=("về việc chuẩn bị tổng kết", "công tác lưu trữ năm 2019"),
        dia_danh_ngay="Lạng Sơn, ngày 25 tháng 11 năm 2019",
        kinh_gui=("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy;",
                  "Các ban, cơ quan tham mưu, giúp việc Tỉnh ủy."),
        body=body("Để chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2019, Ban Thường vụ Tỉnh ủy đề nghị các "
                  "cấp ủy, cơ quan thực hiện một số nội dung sau:",
                  *(f"{i}. {t}" for i, t in enumerate(tx.NHIEM_VU, start=1)), *tx.TO_CHUC),
        signers=(tx.TL_CHANH_VP,), noi_nhan_muc=("- Như trên,", "- Thường trực Tỉnh ủy (để báo cáo),", tx.LUU),
    )


GOOD: dict[str, Sample] = {
    "nghi-quyet": Sample(_nghi_quyet(), Layout(), "nghị quyết of a plenum: I./1./a) headings, plenum lines"),
    "quyet-dinh": Sample(_quyet_dinh(), Layout(), "quyết định: căn cứ lines, enacting line, Điều/khoản/điểm"),
    "quy-dinh": Sample(_quy_dinh(), Layout(), "quy định: Chương/Mục with title lines, Điều, khoản"),
    "chi-thi": Sample(_chi_thi(), libreoffice_layout(), "chỉ thị, saved by LibreOffice (direct fonts, VML line)"),
    "thong-bao": Sample(_thong_bao(), Layout(), "thông báo signed T/L BAN THƯỜNG VỤ"),
    "bao-cao": Sample(_bao_cao(), Layout(), "báo cáo: I./1./a)/- headings, signed by a deputy under T/M"),
    "ke-hoach": Sample(_ke_hoach(), libreoffice_layout(), "kế hoạch, saved by LibreOffice"),
    "huong-dan": Sample(_huong_dan(), Layout(), "hướng dẫn of the Văn phòng: 1.1. headings, K/T signature"),
    "to-trinh": Sample(_to_trinh(), Layout(), "tờ trình with Kính trình:, head signs in own name"),
    "cong-van": Sample(_cong_van(), Layout(), "công văn: no tên loại, 12 italic trích yếu under số, Kính gửi"),
}


# A short conforming one-page nghị quyết, for tests and benchmarks that need many quick documents.
SHORT_NGHI_QUYET = PartyDoc(
    co_quan_cap_tren=("ĐẢNG BỘ TỈNH LẠNG SƠN",),
    co_quan_ban_hanh=("TỈNH ỦY",),
    so_ky_hieu="Số 15-NQ/TU",
    dia_danh_ngay="Lạng Sơn, ngày 27 tháng 8 năm 2018",
    ten_loai="NGHỊ QUYẾT",
    trich_yeu=("về công tác văn thư, lưu trữ",),
    body=body(
        ("de_muc_1", "I. TÌNH HÌNH"),
        "Thời gian qua, công tác văn thư, lưu trữ của Đảng bộ tỉnh đã có nhiều chuyển biến tích cực.",
        ("de_muc_1", "II. NHIỆM VỤ"),
        "Các cấp ủy tiếp tục quán triệt, thực hiện nghiêm các quy định về thể thức văn bản của Đảng.",
    ),
    signers=(Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"),),
    noi_nhan_muc=("- Ban Bí thư (để báo cáo),", "- Các huyện ủy, thành ủy,", "- Lưu Văn phòng Tỉnh ủy."),
)
