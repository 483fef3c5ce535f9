"""Hand-built FileResults for the reporter golden tests: every shape a reporter must render."""
from __future__ import annotations

import io

from thethuc.model import FileResult, Finding, InputProblem, Location, Text
from thethuc.report import REPORTERS, ReportOptions, Summary
from thethuc.testing.party import PartyDoc, Signer, body


def short_doc() -> PartyDoc:
    """A conforming one-page nghị quyết, built the Word way by the tests that write .docx files."""
    return PartyDoc(
        co_quan_cap_tren=("ĐẢNG BỘ TỈNH LẠNG SƠN",), co_quan_ban_hanh=("TỈNH ỦY",),
        so_ky_hieu="Số 15-NQ/TU", dia_danh_ngay="Lạng Sơn, ngày 27 tháng 8 năm 2018",
        ten_loai="NGHỊ QUYẾT", trich_yeu=("về công tác văn thư, lưu trữ",),
        body=body("Căn cứ Điều lệ Đảng, Tỉnh ủy quyết nghị như sau.", "Công tác văn thư được thực hiện."),
        signers=(Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"),),
        noi_nhan_muc=("- Ban Bí thư (để báo cáo),", "- Lưu Văn phòng Tỉnh ủy."),
    )


TITLE_CELL = Location("document", "word/document.xml", 3, table=(0, 0, 1))
HEADER_PARA = Location("header", "word/header2.xml", 1)

H002 = Finding(
    code="H002", name="tieu-de-format", severity="error", element="tieu_de",
    message=Text("Tiêu đề phải in hoa, cỡ 15, đậm, đứng", "The party title must be capitals, 15 pt, bold, upright"),
    expected=Text("cỡ chữ 15", "size 15 pt"), actual=Text("cỡ chữ 14", "size 14 pt"),
    source="style:Normal", location=TITLE_CELL, excerpt="ĐẢNG CỘNG SẢN VIỆT NAM",
)
B001 = Finding(
    code="B001", name="noi-dung-size", severity="error", element="noi_dung",
    message=Text("Cỡ chữ nội dung 14–15, thống nhất", "Body text 14–15 pt, one size"),
    expected=Text("14–15", "14–15 pt"), actual=Text("13", "13 pt"), source="docDefaults",
    location=Location("document", "word/document.xml", 12), excerpt="Căn cứ Điều lệ Đảng; 50% đạt, còn lại: chưa",
    also=(Location("document", "word/document.xml", 13), Location("document", "word/document.xml", 15)),
)
P003 = Finding(
    code="P003", name="margin-top", severity="warning", element=None,
    message=Text("Lề trên 20 mm", "Top margin 20 mm"), expected=Text("20 mm", "20 mm"),
    actual=Text("25 mm", "25 mm"),
)
P010 = Finding(
    code="P010", name="page-number", severity="info", element="so_trang",
    message=Text("Số trang ở giữa đầu trang, cỡ 14", "Page number centred in the header, 14 pt"),
    location=HEADER_PARA, excerpt="=PAGE",
)
N003 = Finding(
    code="N003", name="noi-nhan-muc-format", severity="warning", element="noi_nhan_muc",
    message=Text("Mỗi mục nơi nhận cỡ 12", "Each recipient item 12 pt"),
    location=Location("document", "word/document.xml", 40, table=(1, 0, 0)), excerpt="- Lưu Văn phòng Tỉnh ủy.",
)

GOOD = FileResult(path="van-ban/nghi-quyet.docx", status="checked", ruleset="hd36",
                  document_type="nghị quyết", findings=(H002, B001, P003), suppressed=(N003,))
CLEAN = FileResult(path="van-ban/thong bao, số 2.docx", status="checked", ruleset="hd36",
                   document_type="thông báo", findings=(P010,))
BROKEN = FileResult(path="van-ban/hỏng.docx", status="error", ruleset="hd36",
                    error=InputProblem("corrupt", "van-ban/hỏng.docx: không phải tệp zip hợp lệ"))
RESULTS = (GOOD, CLEAN, BROKEN)


def render(fmt: str, results: tuple[FileResult, ...] = RESULTS, lang: str = "vi",
           options: ReportOptions | None = None) -> str:
    """Run one reporter over ``results`` the way the check command does."""
    stream = io.StringIO()
    reporter = REPORTERS[fmt](stream, lang, options or ReportOptions())
    reporter.start()
    for result in results:
        reporter.file(result)
    reporter.finish(Summary.of(results))
    return stream.getvalue()
