"""Report files: written with the user's normal permissions, and a write error names the
file the user asked for, never the temporary file beside it."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_docs import good
from click.testing import CliRunner

from thethuc.atomic import WriteError, write_atomic
from thethuc.cli import main


@pytest.fixture()
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_report_file_gets_0644_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    doc = good(tmp_path / "a.docx")
    out = tmp_path / "bao-cao" / "report.json"
    result = CliRunner().invoke(main, ["check", str(doc), "--format", f"json:{out}"])
    assert result.exit_code == 0, result.output
    assert _mode(out) == 0o644 and _mode(out.parent) == 0o755


def test_a_replaced_report_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, "new")
    assert out.read_text() == "new" and _mode(out) == 0o640


def test_a_write_error_names_the_real_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    doc = good(tmp_path / "a.docx")
    taken = tmp_path / "report.json"
    taken.mkdir()  # the name is a folder: the final rename fails
    result = CliRunner().invoke(main, ["check", str(doc), "--format", f"json:{taken}"])
    assert result.exit_code == 2
    assert f"không ghi được báo cáo {taken}: đó là một thư mục" in result.output
    assert ".tmp" not in result.output and "Errno" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "report.json"]


def test_write_error_text_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as info:
        write_atomic(tmp_path / "missing" / "x.txt", "text")
    assert info.value.text.vi == f"{tmp_path / 'missing' / 'x.txt'}: thư mục không tồn tại"
    assert info.value.text.en.endswith("x.txt: the folder does not exist")


def test_an_annotated_copy_gets_0644_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    doc = good(tmp_path / "a.docx")
    result = CliRunner().invoke(main, ["check", str(doc), "--annotate"])
    assert result.exit_code in (0, 1), result.output
    assert _mode(tmp_path / "a.checked.docx") == 0o644


def test_a_zip_is_written_member_by_member_and_a_failure_leaves_nothing(tmp_path: Path, umask_022: None) -> None:
    # One writer for the repaired package (fix) and the commented copy (annotate).
    import zipfile

    from thethuc.atomic import write_zip

    stored = zipfile.ZipInfo("b.xml", date_time=(2001, 2, 3, 4, 5, 6))
    packed = zipfile.ZipInfo("a/c.xml", date_time=(2002, 1, 1, 0, 0, 0))
    packed.compress_type = zipfile.ZIP_DEFLATED
    out = tmp_path / "x.docx"
    write_zip(out, [(stored, b"<b/>"), (packed, b"<c/>" * 100)])
    with zipfile.ZipFile(out) as written:
        got = [(i.filename, i.date_time, i.compress_type, written.read(i)) for i in written.infolist()]
    assert got == [("b.xml", (2001, 2, 3, 4, 5, 6), zipfile.ZIP_STORED, b"<b/>"),
                   ("a/c.xml", (2002, 1, 1, 0, 0, 0), zipfile.ZIP_DEFLATED, b"<c/>" * 100)]
    assert _mode(out) == 0o644

    def broken() -> Iterator[tuple[zipfile.ZipInfo, bytes]]:
        yield stored, b"<b/>"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_zip(tmp_path / "y.docx", broken())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx"]
