"""Closings and body lines as real drafts lay them out: a receipt block beside the
signature, minutes signed by THƯ KÝ and CHỦ TỌA, a `Ghi chú:` under the signature, short bold label
lines and centred titles in the body, a signature typed with tabs and spaces.

Role lists first (recognise alone), then the same patterns in .docx files written the way Word
writes them (the Party factory with its own closing), checked whole through the pipeline.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.recognise.blocks import C, word_header
from tests.recognise.build import L, check
from thethuc.pipeline import check_file
from thethuc.testing.docx import docx_bytes
from thethuc.testing.party import Block, Layout, PartyDoc, Signer
from thethuc.testing.party_samples import GOOD
from thethuc.testing.party_writer import build_parts, role_paragraph
from thethuc.testing.wordml import borderless_table, paragraph, run

J = {"align": "justify", "first_line": 720}
HEAD = [*word_header(so="Số 12-GGT/ĐU"), (L("GIẤY GIỚI THIỆU", **C, bold=True), "ten_loai")]


def _recipients(table: tuple[int, int, int]) -> list:
    return [(L("Nơi nhận:", table=table, underline="single"), "noi_nhan"),
            (L("- Như trên,", table=table, size=24), "noi_nhan_muc"),
            (L("- Lưu Văn phòng.", table=table, size=24), "noi_nhan_muc")]


# ---------------------------------------------------------------- roles


def test_a_receipt_block_beside_the_signature_is_not_a_signature() -> None:
    """giấy giới thiệu: the left cell is for the receiving body to fill in (real file: diendue48k
    ĐHKT_QĐ 213 … Sinh vien.docx gave S001 "bên trái", S004 and S005 on it)."""
    left, right = (1, 0, 0), (1, 0, 1)
    rec = check([
        *HEAD,
        (L("Đảng ủy giới thiệu đồng chí Lê Văn B về sinh hoạt tại nơi cư trú.", **J), "noi_dung"),
        (L("ĐẢNG ỦY NƠI CƯ TRÚ", table=left, **C, bold=True), None),
        (L("Tiếp nhận ngày ……………………", table=left), None),
        (L("Đã giới thiệu về sinh hoạt tại Chi bộ ……………", table=left), None),
        (L("T/M ĐẢNG ỦY", table=left, **C, bold=True), None),
        (L("BÍ THƯ", table=left, **C), None),
        (L("T/M ĐẢNG ỦY", table=right, **C, bold=True), "tham_quyen_ky"),
        (L("PHÓ BÍ THƯ", table=right, **C), "chuc_vu_ky"),
        (L("", table=right), None),
        (L("Phan Minh Đức", table=right, **C, bold=True), "ho_ten_ky"),
        *_recipients((1, 1, 0)),
    ])
    assert any("receipt" in n for n in rec.notes)


def test_a_confirmation_block_headed_above_its_authority_is_not_a_signature() -> None:
    left, right = (1, 0, 0), (1, 0, 1)
    check([
        *HEAD,
        (L("Đảng ủy giới thiệu đồng chí Lê Văn B về sinh hoạt tại nơi cư trú.", **J), "noi_dung"),
        (L("XÁC NHẬN CỦA ĐẢNG ỦY NƠI ĐẾN", table=left, **C, bold=True), None),
        (L("T/M ĐẢNG ỦY", table=left, **C, bold=True), None),
        (L("BÍ THƯ", table=left, **C), None),
        (L("T/M ĐẢNG ỦY", table=right, **C, bold=True), "tham_quyen_ky"),
        (L("PHÓ BÍ THƯ", table=right, **C), "chuc_vu_ky"),
        (L("Phan Minh Đức", table=right, **C, bold=True), "ho_ten_ky"),
        *_recipients((1, 1, 0)),
    ])


def test_a_receipt_like_block_that_is_the_only_signature_stays_the_signature() -> None:
    # Dropping it would leave the document "unsigned" (S001): a wrong finding costs more.
    right = (1, 0, 1)
    check([
        *HEAD,
        (L("Đảng ủy giới thiệu đồng chí Lê Văn B về sinh hoạt tại nơi cư trú.", **J), "noi_dung"),
        *_recipients((1, 0, 0)),
        (L("T/M ĐẢNG ỦY", table=right, **C, bold=True), "tham_quyen_ky"),
        (L("Đã xem xét và đồng ý giới thiệu", table=right), None),
        (L("Phan Minh Đức", table=right, **C, bold=True), "ho_ten_ky"),
    ])


def test_the_name_is_the_line_that_reads_like_a_name() -> None:
    right = (1, 0, 1)
    check([
        *HEAD,
        (L("Đảng ủy giới thiệu đồng chí Lê Văn B.", **J), "noi_dung"),
        *_recipients((1, 0, 0)),
        (L("T/M ĐẢNG ỦY", table=right, **C, bold=True), "tham_quyen_ky"),
        (L("BÍ THƯ", table=right, **C), "chuc_vu_ky"),
        (L("", table=right), None),
        (L("Phan Minh Đức", table=right, **C, bold=True), "ho_ten_ky"),
        (L("Ký thay theo ủy quyền của Bí thư", table=right, **C, italic=True), None),
    ])


def test_minutes_signed_by_the_secretary_and_the_chair() -> None:
    """Biên bản: THƯ KÝ and CHỦ TỌA side by side, each a signature; the part typed in lower case
    is not judged as a title, and is never the name."""
    rec = check([
        *HEAD[:-1],
        (L("BIÊN BẢN", **C, bold=True), "ten_loai"),
        (L("họp chi bộ tháng 9", **C, bold=True), "trich_yeu"),
        (L("3. Thư ký cuộc họp: đồng chí Lê Thị C", **J), "de_muc_2"),
        (L("Thư ký cuộc họp:", **J), None),  # a label in running text: it does not open the closing
        (L("Cuộc họp kết thúc lúc 11 giờ cùng ngày.", **J), "noi_dung"),
        (L("THƯ KÝ", table=(1, 0, 0), **C, bold=True), "chuc_vu_ky"),
        (L("", table=(1, 0, 0)), None),
        (L("Lê Thị C", table=(1, 0, 0), **C, bold=True), "ho_ten_ky"),
        (L("Chủ tọa", table=(1, 0, 1), **C, bold=True), None),
        (L("", table=(1, 0, 1)), None),
        (L("{{chu_tri}}", table=(1, 0, 1), **C, bold=True), "ho_ten_ky"),
    ])
    assert any("2 signers" in n for n in rec.notes)


def test_a_task_table_with_a_chu_tri_column_is_not_a_signature() -> None:
    """A plan's table "Nội dung | Chủ trì | Phối hợp" in the body: the column header names no signer."""
    rec = check([
        *HEAD[:-1],
        (L("KẾ HOẠCH", **C, bold=True), "ten_loai"),
        (L("tổ chức đại hội", **C, bold=True), "trich_yeu"),
        (L("Phân công thực hiện như sau:", **J), "noi_dung"),
        (L("Nội dung", table=(1, 0, 0), bold=True), None),
        (L("Chủ trì", table=(1, 0, 1), bold=True), None),
        (L("Phối hợp", table=(1, 0, 2), bold=True), None),
        (L("Chuẩn bị văn kiện", table=(1, 1, 0)), None),
        (L("Ban Tuyên giáo", table=(1, 1, 1)), None),
        (L("Văn phòng", table=(1, 1, 2)), None),
        (L("Các đơn vị triển khai thực hiện nghiêm túc kế hoạch này.", **J), "noi_dung"),
        *[(line, role) for line, role in _recipients((2, 0, 0))],
        (L("T/M BAN THƯỜNG VỤ", table=(2, 0, 1), **C, bold=True), "tham_quyen_ky"),
        (L("BÍ THƯ", table=(2, 0, 1), **C), "chuc_vu_ky"),
        (L("Phan Minh Đức", table=(2, 0, 1), **C, bold=True), "ho_ten_ky"),
    ])
    assert not any("signers side by side" in n for n in rec.notes)


def test_minutes_with_the_names_in_the_row_under_the_parts() -> None:
    check([
        *HEAD[:-1],
        (L("BIÊN BẢN", **C, bold=True), "ten_loai"),
        (L("họp lớp", **C, bold=True), "trich_yeu"),
        (L("Cuộc họp kết thúc lúc 11 giờ cùng ngày.", **J), "noi_dung"),
        (L("THƯ KÝ", table=(1, 0, 0), **C, bold=True), "chuc_vu_ky"),
        (L("CHỦ TỌA", table=(1, 0, 1), **C, bold=True), "chuc_vu_ky"),
        (L("Lê Thị C", table=(1, 1, 0), **C, bold=True), "ho_ten_ky"),
        (L("Trần Văn D", table=(1, 1, 1), **C, bold=True), "ho_ten_ky"),
    ])


def test_a_note_under_the_signature_is_not_part_of_it() -> None:
    right = (1, 0, 1)
    check([
        *HEAD,
        (L("Đảng ủy giới thiệu đồng chí Lê Văn B.", **J), "noi_dung"),
        *_recipients((1, 0, 0)),
        (L("T/M ĐẢNG ỦY", table=right, **C, bold=True), "tham_quyen_ky"),
        (L("BÍ THƯ", table=right, **C), "chuc_vu_ky"),
        (L("Phan Minh Đức", table=right, **C, bold=True), "ho_ten_ky"),
        (L("Ghi chú:", bold=True, italic=True), None),
        (L("Giấy giới thiệu có giá trị đến ngày 31/12.", italic=True), None),
        (L("Đồng chí Lê Văn B", italic=True), None),  # a name-like line in the note is not the signer
    ])


def test_label_lines_and_centred_titles_are_not_body_text() -> None:
    check([
        *HEAD[:-1],
        (L("BÁO CÁO", **C, bold=True), "ten_loai"),
        (L("kết quả huấn luyện", **C, bold=True), "trich_yeu"),
        (L("ĐẢNG ỦY ĐẠI HỌC ĐÀ NẴNG", **C, bold=True), None),
        (L("Giới thiệu đồng chí Lê Văn B, sinh năm 2004.", **J), "noi_dung"),
        (L("Tổng hợp:", bold=True, **J), None),
        (L("CHỈ HUY TIỂU ĐOÀN: 06 đồng chí", bold=True, **J), None),
        (L("Những ưu, khuyết điểm chính:", bold=True, **J), None),
        (L("BƯỚC MỘT", **C, bold=True), None),
        (L("Tổ chức hội nghị hiệp thương lần thứ nhất để thỏa thuận về cơ cấu, thành phần",
           **C, bold=True), None),
        (L("(Thực hiện từ ngày 01/12 đến ngày 10/12/2025)", **C, italic=True), None),
        (L("Tổ chức hội nghị hiệp thương lần thứ ba để lựa chọn, lập danh sách", bold=True), None),  # left by mistake
        (L("Các đơn vị tổ chức hội nghị theo đúng quy định.", **J), "noi_dung"),
        (L("Theo quy định về phân cấp giám sát đối với cấp xã", bold=True, **J), None),  # a bold lead line
        (L("Tổng hợp:", **J), None),  # a bare label, bold or not
        (L("Lưu ý: Việc tổ chức hội nghị cử tri do Ủy ban nhân dân xã chủ trì.", italic=True, **J), None),
        (L("* Thời gian thực hiện: từ khi thành lập đến khi kết thúc bầu cử.", italic=True, **J), None),
        (L("Lưu ý: các đơn vị gửi báo cáo trước ngày 15.", **J), "noi_dung"),  # upright: read as text
        (L("Các đơn vị tổ chức hội nghị theo đúng quy định.", **J), "noi_dung"),
        # a centred line in bold that is running text, after body text, stays body text (B002/B003)
        (L("Các đơn vị tổ chức hội nghị theo đúng quy định của Luật Bầu cử và hướng dẫn.",
           **C, bold=True), "noi_dung"),
        # and so does a whole paragraph in bold that only holds a colon
        (L("Đề nghị các chi bộ tổ chức quán triệt nội dung này đến toàn thể đảng viên trong chi bộ: "
           "thực hiện nghiêm túc.", bold=True, **J), "noi_dung"),
    ])


def test_a_typed_closing_beside_a_signer_in_a_table_is_not_a_receipt() -> None:
    """Only a table cell can be a receipt block: a typed closing opening with `Nơi nhận:` stays
    the signature when a second signer follows in a table."""
    check([*HEAD[:-1], (L("BÁO CÁO", **C, bold=True), "ten_loai"), (L("kết quả", **C, bold=True), "trich_yeu"),
           (L("Nội dung.", **J), "noi_dung"),
           (L("Nơi nhận:\t\t\t\tT/M BAN THƯỜNG VỤ", bold=True), ("noi_nhan", "tham_quyen_ky")),
           (L("- Như trên,\t\t\t\t\tBÍ THƯ", size=24), ("noi_nhan_muc", "chuc_vu_ky")),
           (L("- Lưu VP.", size=24), "noi_nhan_muc"),
           (L(""), None),
           (L("\t\t\t\tNguyễn Văn A", bold=True), "ho_ten_ky"),
           (L("K/T GIÁM ĐỐC", table=(1, 0, 1), **C, bold=True), "tham_quyen_ky"),
           (L("PHÓ GIÁM ĐỐC", table=(1, 0, 1), **C), "chuc_vu_ky"),
           (L("Đỗ Văn M", table=(1, 0, 1), **C, bold=True), "ho_ten_ky")])


def test_a_signature_typed_with_tabs_and_spaces() -> None:
    """No table: `Nơi nhận:` and the authority share a line (tabs), the name is pushed right with
    spaces or typed at the margin under the signing space; it is never a recipient."""
    head = [*HEAD[:-1], (L("BÁO CÁO", **C, bold=True), "ten_loai"), (L("kết quả công tác", **C, bold=True),
                                                                     "trich_yeu"),
            (L("Nội dung báo cáo.", **J), "noi_dung")]
    closing = [
        (L("Nơi nhận:\t\t\t\tT/M BAN THƯỜNG VỤ", bold=True), ("noi_nhan", "tham_quyen_ky")),
        (L("- Như trên (Báo cáo);\t\t\t\tBÍ THƯ", size=24), ("noi_nhan_muc", "chuc_vu_ky")),
        (L("- Lưu VP.", size=24), "noi_nhan_muc"),
        (L(""), None),
    ]
    check([*head, *closing, (L(" " * 60 + "Nguyễn Văn A", bold=True), "ho_ten_ky")])
    check([*head, *closing, (L("Nguyễn Văn A", bold=True), "ho_ten_ky")])
    check([*head,
           (L("\t\t\t\tT/M BAN THƯỜNG VỤ", bold=True), "tham_quyen_ky"),
           (L("\t\t\t\t\tBÍ THƯ"), "chuc_vu_ky"),
           (L(""), None),
           (L("\t\t\t\tNguyễn Văn A", bold=True), "ho_ten_ky"),
           (L("Nơi nhận:", underline="single"), "noi_nhan"),
           (L("- Như trên,", size=24), "noi_nhan_muc"),
           (L("- Lưu VP.", size=24), "noi_nhan_muc")])


# ---------------------------------------------------------------- Word-built documents, whole checks

TEXT_WIDTH = 9355  # A4, 30 mm / 15 mm margins
HALVES = (4200, TEXT_WIDTH - 4200)


def _write(path: Path, doc: PartyDoc, closing: str | None = None, after: str = "",
           patch: tuple[str, str] | None = None, layout: Layout | None = None) -> str:
    parts = build_parts(doc, layout or Layout(), closing, after)
    if patch:
        assert patch[0] in parts.body
        parts = replace(parts, body=parts.body.replace(patch[0], patch[1], 1))
    path.write_bytes(docx_bytes(parts))
    return str(path)


def _codes(path: str) -> list[str]:
    result = check_file(path, "hd36")
    assert result.status == "checked", result.error
    return sorted(f.code for f in result.findings)


def _cell(doc: PartyDoc, *lines: tuple[str, str]) -> str:
    return "".join(role_paragraph(doc, Layout(), role, text) for role, text in lines)


def _signer(doc: PartyDoc, authority: str | None, title: str, name: str) -> str:
    lines = ([("tham_quyen_ky", authority)] if authority else []) + [
        ("chuc_vu_ky", title), ("ky_trong", ""), ("ky_trong", ""), ("ho_ten_ky", name)]
    return _cell(doc, *lines)


def _noi_nhan(doc: PartyDoc) -> str:
    return _cell(doc, ("noi_nhan", "Nơi nhận:"), *(("noi_nhan_muc", t) for t in doc.noi_nhan_muc))


def test_word_receipt_block_beside_the_signature(tmp_path: Path) -> None:
    doc = GOOD["thong-bao"].doc
    assert _codes(_write(tmp_path / "clean.docx", doc)) == []
    receipt = _cell(doc, ("tham_quyen_ky", "ĐẢNG ỦY NƠI CƯ TRÚ"), ("noi_nhan_muc", "Tiếp nhận ngày ……………"),
                     ("noi_nhan_muc", "Đã giới thiệu về sinh hoạt tại Chi bộ ……………"),
                     ("tham_quyen_ky", "T/M ĐẢNG ỦY"), ("chuc_vu_ky", "BÍ THƯ"))
    signer = doc.signers[0]
    closing = borderless_table(HALVES, [[_noi_nhan(doc), _signer(doc, signer.tham_quyen, signer.chuc_vu,
                                                                 signer.ho_ten)],
                                        [receipt, ""]])
    assert _codes(_write(tmp_path / "receipt.docx", doc, closing)) == []


def test_word_joint_signers_side_by_side(tmp_path: Path) -> None:
    """A joint document: two signers fill the row, Nơi nhận goes under them. Neither signer is
    "on the left" (S001) and Nơi nhận is not "not level with the authority" (N001)."""
    doc = replace(GOOD["huong-dan"].doc, signers=(
        Signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị K"), Signer("K/T GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đỗ Văn M")))
    assert _codes(_write(tmp_path / "joint.docx", doc)) == []


def test_word_minutes_signed_by_the_secretary_and_the_chair(tmp_path: Path) -> None:
    doc = GOOD["thong-bao"].doc
    closing = borderless_table(HALVES, [
        [_signer(doc, None, "THƯ KÝ", "Lê Thị C"), _signer(doc, None, "CHỦ TỌA", "Trần Văn D")],
        [_noi_nhan(doc), ""]])
    path = _write(tmp_path / "minutes.docx", doc, closing)
    assert _codes(path) == []
    from thethuc.load import load_document
    from thethuc.recognise import recognise

    rec = recognise(load_document(path))
    assert [p.text for p in rec.paragraphs_with("ho_ten_ky")] == ["Lê Thị C", "Trần Văn D"]


def test_word_note_under_the_signature_and_labels_in_the_body(tmp_path: Path) -> None:
    base = GOOD["bao-cao"].doc
    doc = replace(base, body=(
        Block("phan_ten", "ĐẢNG ỦY ĐẠI HỌC ĐÀ NẴNG"),  # centred, bold: names a body
        *base.body[:2],
        Block("de_muc_1", "Tổng hợp:"),  # a bold label line
        Block("de_muc_1", "CHỈ HUY TIỂU ĐOÀN: 06 đồng chí"),
        *base.body[2:]))
    note = _cell(doc, ("noi_dung", "Ghi chú:"), ("noi_dung", "Bản này gửi kèm danh sách đảng viên"),
                 ("noi_dung", "Đồng chí Lê Văn B"))
    assert _codes(_write(tmp_path / "labels.docx", doc, after=note)) == []


def test_word_sizes_are_the_sizes_of_the_text(tmp_path: Path) -> None:
    """A 9 pt full stop closing a body paragraph and the drafter's initials lowered in a small
    subscript after the last recipient: the lines are still 14 and 12 pt."""
    doc = GOOD["nghi-quyet"].doc
    last = doc.body[-1].text
    assert last.endswith(".")
    stop = (f"{last}</w:t></w:r>", f"{last[:-1]}</w:t></w:r>" + run(".", '<w:sz w:val="18"/><w:szCs w:val="18"/>'))
    initials = run("NVA", '<w:vertAlign w:val="subscript"/><w:sz w:val="14"/>') + run(".", '<w:sz w:val="24"/>')
    lines = [role_paragraph(doc, Layout(), "noi_nhan", "Nơi nhận:")]
    lines += [role_paragraph(doc, Layout(), "noi_nhan_muc", t) for t in doc.noi_nhan_muc[:-1]]
    lines.append(role_paragraph(doc, Layout(), "noi_nhan_muc", doc.noi_nhan_muc[-1].rstrip("."), initials))
    signer = doc.signers[0]
    closing = borderless_table(HALVES, [["".join(lines), _signer(doc, signer.tham_quyen, signer.chuc_vu,
                                                                 signer.ho_ten)]])
    assert _codes(_write(tmp_path / "sizes.docx", doc, closing, patch=stop)) == []


def test_word_signature_typed_with_tabs_and_spaces(tmp_path: Path) -> None:
    """No table: the authority and title pushed right with tabs, the name with spaces, Nơi nhận
    below at the margin (a typed layout; the signer's name was once read as a recipient)."""
    doc = GOOD["thong-bao"].doc
    signer = doc.signers[0]
    centre = '<w:jc w:val="left"/><w:ind w:firstLine="0"/><w:spacing w:before="0"/>'
    bold = "<w:b/><w:bCs/>"
    lines = [
        paragraph(run("\t\t\t\t\t") + run(signer.tham_quyen or "", bold), None, centre),
        paragraph(run("\t\t\t\t\t\t") + run(signer.chuc_vu), None, centre),
        paragraph("", None, centre), paragraph("", None, centre),
        paragraph(run(" " * 70 + signer.ho_ten, bold), None, centre),
    ]
    closing = "".join(lines) + _noi_nhan(doc)
    path = _write(tmp_path / "typed.docx", doc, closing)
    assert _codes(path) == []  # S001 once said "on the left": the tabs put it on the right
    from thethuc.load import load_document
    from thethuc.recognise import recognise

    rec = recognise(load_document(path))
    assert [p.text.strip() for p in rec.paragraphs_with("ho_ten_ky")] == [signer.ho_ten]
    assert signer.ho_ten not in [p.text.strip() for p in rec.paragraphs_with("noi_nhan_muc")]


def test_word_recipients_and_signature_typed_on_the_same_lines(tmp_path: Path) -> None:
    """`Nơi nhận:<tab>…<tab>T/L BAN THƯỜNG VỤ`, `- recipient,<tab>…<tab>CHÁNH VĂN PHÒNG`: each line is
    cut into the recipient part and the signature part, each judged with its own runs (once one
    paragraph, labelled for the signature: N001 missing, S002 «Nơi nhận: T/L …», S003/S004 on
    the recipient's letters and size)."""
    doc = GOOD["thong-bao"].doc
    signer = doc.signers[0]
    left = '<w:jc w:val="left"/><w:ind w:firstLine="0"/><w:spacing w:before="0"/>'
    bold, under, small = "<w:b/><w:bCs/>", '<w:u w:val="single"/>', '<w:sz w:val="24"/><w:szCs w:val="24"/>'
    lines = [
        paragraph(run("Nơi nhận:", under) + run("\t\t\t\t") + run(signer.tham_quyen or "", bold), None, left),
        paragraph(run(doc.noi_nhan_muc[0], small) + run("\t\t\t") + run(signer.chuc_vu), None, left),
        *[paragraph(run(item, small), None, left) for item in doc.noi_nhan_muc[1:]],
        paragraph("", None, left),
        paragraph(run("\t\t\t\t\t\t") + run(signer.ho_ten, bold), None, left),
    ]
    path = _write(tmp_path / "typed-lines.docx", doc, "".join(lines))
    assert _codes(path) == []
    from thethuc.load import load_document
    from thethuc.recognise import recognise

    rec = recognise(load_document(path))
    assert [p.text.strip() for p in rec.paragraphs_with("noi_nhan")] == ["Nơi nhận:"]
    assert [p.text.strip() for p in rec.paragraphs_with("tham_quyen_ky")] == [signer.tham_quyen]
    assert [p.text.strip() for p in rec.paragraphs_with("chuc_vu_ky")] == [signer.chuc_vu]
    assert len(rec.paragraphs_with("noi_nhan_muc")) == len(doc.noi_nhan_muc)
