"""``thethuc inspect`` through click: effective size with its source, and exit 3 for a broken file."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from thethuc.cli import main
from thethuc.errors import EXIT_UNREADABLE
from thethuc.testing.docx import DocxParts, para, write_docx


def test_inspect_shows_effective_size_and_source(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", DocxParts(body=para("ĐẢNG CỘNG SẢN VIỆT NAM", rpr='<w:b/><w:sz w:val="30"/>')
                                                     + para("Nội dung")))
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in result.output
    assert "15 (direct)" in result.output
    assert "11 (docDefaults)" in result.output


def test_inspect_all_runs_and_part_filter(tmp_path: Path) -> None:
    body = '<w:p><w:r><w:t>một </w:t></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>hai</w:t></w:r></w:p>'
    path = write_docx(tmp_path / "a.docx", DocxParts(body=body))
    result = CliRunner().invoke(main, ["inspect", "--all-runs", str(path)])
    assert result.exit_code == 0 and "13 (direct)" in result.output and "11 (docDefaults)" in result.output
    result = CliRunner().invoke(main, ["inspect", "--part", "header", str(path)])
    assert result.exit_code == 0 and "hai" not in result.output


def test_inspect_broken_file_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all")
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == EXIT_UNREADABLE
    assert "không phải tệp zip" in result.output


def test_inspect_counts_table_cells_from_one_and_notes_garbage_values(tmp_path: Path) -> None:
    # Issue 13: one numbering everywhere (the check report says "bảng 1 hàng 1 cột 2"), and a
    # garbage value read as absent is noted where a person can see why.
    cell = '<w:tc><w:p><w:r><w:rPr><w:sz w:val="1e309"/></w:rPr><w:t>{}</w:t></w:r></w:p></w:tc>'
    table = f'<w:tbl><w:tr>{cell.format("TỈNH ỦY")}{cell.format("ĐẢNG CỘNG SẢN VIỆT NAM")}</w:tr></w:tbl>'
    path = write_docx(tmp_path / "a.docx", DocxParts(body=table + para("x")))
    result = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["inspect", str(path)])
    assert result.exit_code == 0, result.output
    assert "bảng 1 hàng 1 cột 2" in result.output and "bảng 0" not in result.output
    assert "1e309" in result.output
