"""Hand-built FileResults for the reporter tests: every kind of finding and file a run can produce."""
from __future__ import annotations

from thethuc.model import FileResult, Finding, InputProblem, Location, Text


def loc(paragraph: int, part: str = "document", part_name: str = "word/document.xml",
        table: tuple[int, int, int] | None = None, textbox: bool = False) -> Location:
    return Location(part=part, part_name=part_name, paragraph=paragraph, table=table,
                    textbox=textbox)


TITLE_SIZE = Finding(
    code="H002", name="tieu-de-format", severity="error", element="tieu_de",
    message=Text("Tiêu đề phải in hoa, cỡ 15, đậm, đứng", "The party title must be capitals, 15 pt, bold, upright"),
    expected=Text("cỡ chữ 15", "size 15 pt"), actual=Text("cỡ chữ 14", "size 14 pt"),
    source="style:Normal", location=loc(3, table=(0, 0, 1)), excerpt="ĐẢNG CỘNG SẢN VIỆT NAM")

BODY_SIZE = Finding(
    code="B001", name="noi-dung-size", severity="error", element="noi_dung",
    message=Text("Nội dung phải cỡ 14–15", "Body text must be 14–15 pt"),
    expected=Text("cỡ chữ 14–15", "size 14–15 pt"), actual=Text("cỡ chữ 13", "size 13 pt"),
    source="direct", location=loc(12),
    excerpt="Thực hiện Nghị quyết số 15-NQ/TU [ngày 27/8/2018] của Ban Thường vụ Tỉnh ủy về công tác văn thư",
    also=(loc(14), loc(15), loc(16)))

MARGIN_TOP = Finding(
    code="P003", name="margin-top", severity="warning", element=None,
    message=Text("Lề trên phải 20 mm", "Top margin must be 20 mm"),
    expected=Text("20 mm (±1)", "20 mm (±1)"), actual=Text("lề trên 25 mm", "top margin 25 mm"))

PAGE_NUMBER = Finding(
    code="P010", name="page-number", severity="warning", element="so_trang",
    message=Text("Số trang phải cỡ 14, căn giữa ở đầu trang", "Page numbers must be 14 pt, centred in the header"),
    expected=Text("cỡ chữ 14", "size 14 pt"), actual=Text("cỡ chữ 11", "size 11 pt"),
    source="docDefaults", location=loc(1, part="header", part_name="word/header2.xml"), excerpt="2")

FONT = Finding(
    code="P007", name="font-family", severity="error", element="noi_dung",
    message=Text("Phông chữ phải là Times New Roman", "The font must be Times New Roman"),
    expected=Text("Times New Roman", "Times New Roman"), actual=Text("phông Calibri", "font Calibri"),
    source="style:Normal/theme:minorHAnsi", location=loc(20, textbox=True), excerpt="Ghi chú")

COLOUR = Finding(
    code="P009", name="font-colour", severity="info", element="ho_ten_ky",
    message=Text("Chữ nên màu đen", "Text should be black"),
    actual=Text("màu 1F3864", "colour 1F3864"), source="table-style:Signature",
    location=loc(40, table=(2, 0, 1)), excerpt="Nguyễn Văn A")

SUPPRESSED = Finding(
    code="H003", name="tieu-de-rule", severity="error", element="duong_ke_tieu_de",
    message=Text("Thiếu đường kẻ dưới tiêu đề", "No line under the party title"))

NQ = FileResult(
    path="ho-so/nq-15.docx", status="checked", ruleset="hd36",
    ruleset_reason=Text("Văn bản của Đảng ban hành ngày 27/8/2018: áp dụng Hướng dẫn 36-HD/VPTW",
                        "Party document issued on 27/8/2018: Guideline 36-HD/VPTW applies"),
    document_type="nghị quyết",
    findings=(TITLE_SIZE, BODY_SIZE, FONT, MARGIN_TOP, PAGE_NUMBER, COLOUR))

CLEAN = FileResult(path="ho-so/cv-02.docx", status="checked", ruleset="hd36", document_type="công văn")

BROKEN = FileResult(path="ho-so/hong.docx", status="error", ruleset="hd36",
                    error=InputProblem("corrupt", "ho-so/hong.docx: tệp ZIP hỏng, không mở được"))

UNTYPED = FileResult(path="ho-so/khac.docx", status="checked", ruleset="hd36", document_type=None,
                     findings=(MARGIN_TOP,), suppressed=(SUPPRESSED,))

RESULTS: tuple[FileResult, ...] = (NQ, CLEAN, BROKEN, UNTYPED)


# ---------------------------------------------------------------- golden files

from pathlib import Path  # noqa: E402 (the golden files' folder is a section of its own)

GOLDEN = Path(__file__).resolve().parent / "golden"  # compared by tests/golden.py
