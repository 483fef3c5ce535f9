"""`check` says what it did not check: empty folders, old formats, standard input, broken links."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.cli_docs import good
from thethuc.cli import main

SOFFICE = shutil.which("soffice")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--ruleset", "hd36", *args], catch_exceptions=False)


def test_an_empty_folder_is_said_not_passed_silently(tmp_path: Path) -> None:
    res = run(str(tmp_path))
    assert res.exit_code == 0
    assert res.stderr == f"thethuc: không có tệp Word (.docx, .docm, .dotx) nào để kiểm tra trong {tmp_path}\n"


def test_old_formats_in_a_folder_are_counted_with_the_convert_hint(tmp_path: Path) -> None:
    (tmp_path / "a.doc").write_bytes(b"x")
    (tmp_path / "b.ODT").write_bytes(b"x")
    res = run(str(tmp_path), "--lang", "en")
    lines = res.stderr.splitlines()
    assert lines[0].startswith("thethuc: skipped 2 old-format files (.doc/.odt), not checked, e.g. ")
    assert "--convert" in lines[0]
    assert lines[1].startswith("thethuc: no Word file")
    good(tmp_path / "c.docx")
    both = run(str(tmp_path))
    assert both.stderr.startswith("thethuc: bỏ qua 2 tệp định dạng cũ") and "không có tệp Word" not in both.stderr


def test_standard_input_is_refused_in_one_line() -> None:
    res = run("-")
    assert res.exit_code == 2
    assert res.stderr == "thethuc: '-' (đầu vào chuẩn) không dùng được: hãy đưa đường dẫn tệp .docx hoặc thư mục\n"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_broken_link_is_unreadable_in_check_and_audit_alike(tmp_path: Path) -> None:
    good(tmp_path / "a.docx")
    (tmp_path / "b.docx").symlink_to(tmp_path / "da-xoa.docx")
    checked = run(str(tmp_path), "--quiet")
    assert checked.exit_code == 3
    said = f"không đọc được {tmp_path / 'b.docx'}: liên kết hỏng: trỏ tới {tmp_path / 'da-xoa.docx'}"
    assert said in checked.stdout
    assert "Error" not in checked.stdout  # no exception name
    audited = CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "-q", "--jsonl", str(tmp_path / "kq.jsonl"),
                                        str(tmp_path)])
    assert audited.exit_code == 3
    assert "liên kết hỏng" in (tmp_path / "kq.jsonl").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_check_convert_checks_old_formats_as_audit_does(tmp_path: Path) -> None:
    folder = tmp_path / "ho-so"
    folder.mkdir()
    src = good(tmp_path / "nghi-quyet.docx")
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt",
                    "--outdir", str(folder), str(src)], check=True, capture_output=True, timeout=180)
    before = (folder / "nghi-quyet.odt").read_bytes()
    res = run(str(folder), "--convert", "--format", "json")
    assert res.exit_code in (0, 1), res.output
    assert '"path": "' + str(folder / "nghi-quyet.odt") + '"' in res.stdout
    assert '"status": "checked"' in res.stdout and res.stderr == ""
    assert (folder / "nghi-quyet.odt").read_bytes() == before  # only read
    assert sorted(p.name for p in folder.iterdir()) == ["nghi-quyet.odt"]
