"""Old formats: listed as not checked, or converted with LibreOffice in a temporary folder."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from audit_corpus import good, read_jsonl
from click.testing import CliRunner

from thethuc.cli import main

SOFFICE = shutil.which("soffice")


def _make_old_formats(folder: Path, work: Path) -> list[Path]:
    """A .doc and an .odt saved by LibreOffice from a conforming nghị quyết."""
    src = good(work / "nghi-quyet.docx")
    profile = (work / "lo-profile").as_uri()
    made = []
    for fmt in ("doc", "odt"):
        subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(folder), str(src)], check=True, capture_output=True, timeout=180)
        made.append(folder / f"nghi-quyet.{fmt}")
    return made


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_convert_checks_old_formats_without_touching_them(tmp_path: Path) -> None:
    folder, work = tmp_path / "kho", tmp_path / "work"
    folder.mkdir()
    work.mkdir()
    old = _make_old_formats(folder, work)
    before = _snapshot(folder)

    listed = CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--jsonl", str(tmp_path / "a.jsonl"),
                                       str(folder)])
    # Listed in the JSONL as in the CSV, with what `check` says of such a file and the --convert hint.
    listed_rows = read_jsonl(tmp_path / "a.jsonl")
    assert sorted(Path(r["path"]).name for r in listed_rows) == sorted(p.name for p in old)
    assert all(r["status"] == "error" and r["error"]["kind"] == "not-docx" and "--convert" in r["error"]["message"]
               for r in listed_rows)
    assert "Chưa kiểm tra" in listed.stdout and listed.exit_code == 0

    res = CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--convert", "--jobs", "2",
                                    "--jsonl", str(tmp_path / "b.jsonl"), str(folder)])
    rows = {Path(r["path"]).name: r for r in read_jsonl(tmp_path / "b.jsonl")}
    assert set(rows) == {p.name for p in old}
    for row in rows.values():
        assert row["status"] == "checked", row
        assert row["document_type"] == "nghị quyết"
    assert "Đã chuyển đổi bằng LibreOffice" in res.stdout
    assert _snapshot(folder) == before  # originals untouched, nothing written beside them
