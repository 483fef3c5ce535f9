"""`thethuc audit` end to end on a small archive: outputs, exit codes, journal resume, jobs."""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from audit_corpus import Archive, build_archive, by_path, good, read_jsonl, touch_later
from click.testing import CliRunner, Result

from thethuc.cli import main

# One entry of the spec §4 "files" array (extra keys allowed, as the contract says).
FILE_SCHEMA = {
    "type": "object",
    "required": ["path", "status", "error", "document_type", "findings"],
    "properties": {
        "path": {"type": "string"},
        "status": {"enum": ["checked", "error"]},
        "error": {"oneOf": [{"type": "null"}, {
            "type": "object", "required": ["kind", "message"],
            "properties": {"kind": {"enum": ["not-docx", "encrypted", "corrupt", "too-large", "unreadable"]},
                           "message": {"type": "string"}}}]},
        "document_type": {"type": ["string", "null"]},
        "findings": {"type": "array", "items": {
            "type": "object",
            "required": ["code", "name", "severity", "element", "message", "expected", "actual", "location"],
            "properties": {"code": {"type": "string", "pattern": "^[A-Z][0-9]{3}$"},
                           "severity": {"enum": ["error", "warning", "info"]},
                           "message": {"type": "string"},
                           "location": {"oneOf": [{"type": "null"}, {
                               "type": "object", "required": ["part", "paragraph", "table"]}]}}}},
    },
}


def audit(*args: str) -> Result:
    return CliRunner().invoke(main, ["audit", "--ruleset", "hd36", *args], catch_exceptions=False)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return build_archive(tmp_path / "kho")


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(raw.decode("utf-8-sig").splitlines()))


def test_outputs_agree_with_each_other_and_with_the_archive(archive: Archive, tmp_path: Path) -> None:
    out_csv, out_jsonl = tmp_path / "kq.csv", tmp_path / "kq.jsonl"
    res = audit("--jobs", "2", "--csv", str(out_csv), "--jsonl", str(out_jsonl), str(archive.root))
    assert res.exit_code == 3, res.output  # unreadable files win over findings

    listed = read_jsonl(out_jsonl)
    assert len(listed) == archive.checkable + archive.old  # one object per file the CSV lists
    for obj in listed:
        jsonschema.validate(obj, FILE_SCHEMA)
    old = [f for f in listed if f["path"].endswith((".doc", ".odt"))]
    assert sorted(Path(f["path"]).name for f in old) == ["cu.doc", "cu.odt"]
    assert all(f["error"]["kind"] == "not-docx" and "--convert" in f["error"]["message"] for f in old)
    files = [f for f in listed if f not in old]
    errors = [f for f in files if f["status"] == "error"]
    assert len(errors) == archive.broken
    assert {Path(f["path"]).name for f in errors} == {"khong-phai-zip.docx", "ole.docx", "cat-ngan.docx"}
    checked = by_path(files)
    vietnamese = str(archive.root / "2019" / "Nghị quyết số 15.docx")
    assert checked[vietnamese]["status"] == "checked"
    assert checked[vietnamese]["document_type"] == "nghị quyết"

    rows = _csv_rows(out_csv)
    assert rows[0][:3] == ["Tệp", "Thư mục", "Trạng thái"]
    findings = sum(len(f["findings"]) for f in files)
    clean = [f for f in files if f["status"] == "checked" and not f["findings"]]
    assert clean  # a conforming file is in the archive
    # A row per finding, per unreadable or old file, and per file without findings: every file is there.
    assert len(rows) - 1 == findings + archive.broken + archive.old + len(clean)
    assert {r[0] for r in rows[1:]} == {f["path"] for f in listed}
    per_file = {p: sum(1 for r in rows[1:] if r[0] == p) for p in checked}
    assert all(per_file[p] == max(1, len(f["findings"])) for p, f in checked.items() if f["status"] == "checked")
    assert all(r[2] == "đạt" for r in rows[1:] if r[0] in {f["path"] for f in clean})
    old_rows = [r for r in rows[1:] if r[2] == "chưa kiểm tra"]
    assert sorted(Path(r[0]).name for r in old_rows) == ["cu.doc", "cu.odt"]
    assert "--convert" in old_rows[0][-1]
    assert any(r[0] == vietnamese for r in rows) or not checked[vietnamese]["findings"]
    assert all(unicodedata.is_normalized("NFC", cell) for r in rows for cell in r)

    assert "Đã kiểm tra" in res.stdout and "Không đọc được" in res.stdout
    assert "Chưa kiểm tra" in res.stdout


def test_conforming_archive_exits_0_and_findings_exit_1(tmp_path: Path) -> None:
    clean = tmp_path / "sach"
    clean.mkdir()
    good(clean / "a.docx")
    good(clean / "b.docx")
    first = audit("--quiet", "--jsonl", str(tmp_path / "a.jsonl"), str(clean))
    rows = read_jsonl(tmp_path / "a.jsonl")
    has_errors = any(f["severity"] == "error" for r in rows for f in r["findings"])
    assert first.exit_code == (1 if has_errors else 0)
    assert audit("--quiet", "--fail-on", "info", str(clean)).exit_code == (
        1 if any(r["findings"] for r in rows) else 0)


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert audit(str(tmp_path / "khong-co")).exit_code == 2


def test_journal_skips_unchanged_files_and_rechecks_a_changed_one(archive: Archive,
                                                                   tmp_path: Path) -> None:
    journal = tmp_path / "nhat-ky.jsonl"
    first_out, second_out, third_out = (tmp_path / f"{n}.jsonl" for n in ("1", "2", "3"))

    audit("--quiet", "--journal", str(journal), "--jsonl", str(first_out), str(archive.root))
    first = read_jsonl(first_out)
    lines_after_first = read_jsonl(journal)
    assert len(lines_after_first) == archive.checkable
    # The JSONL also lists the old formats (not checked, so not journaled).
    assert {ln["path"] for ln in lines_after_first} == {f["path"] for f in first
                                                         if not f["path"].endswith((".doc", ".odt"))}
    assert all({"size", "mtime_ns", "status", "counts", "result"} <= ln.keys() for ln in lines_after_first)
    retried = sum(1 for f in first if f["error"] and f["error"]["kind"] == "unreadable")

    res = audit("--journal", str(journal), "--jsonl", str(second_out), str(archive.root))
    # Nothing re-checked (no new journal line) yet every file is in the outputs, unchanged.
    assert len(read_jsonl(journal)) == archive.checkable + retried
    assert sorted(read_jsonl(second_out), key=lambda f: f["path"]) == sorted(first, key=lambda f: f["path"])
    assert "Lấy lại từ nhật ký" in res.stdout

    good(archive.deviating)  # the clerk fixed the 13 pt file
    touch_later(archive.deviating)
    audit("--quiet", "--journal", str(journal), "--jsonl", str(third_out), str(archive.root))
    lines = read_jsonl(journal)
    assert len(lines) == archive.checkable + 2 * retried + 1
    assert lines[-1]["path"] == str(archive.deviating)
    third = by_path(read_jsonl(third_out))
    reference = by_path(first)[str(archive.root / "2019" / "Nghị quyết số 15.docx")]
    assert third[str(archive.deviating)]["findings"] == reference["findings"]


def test_jobs_2_gives_the_same_results_as_jobs_1(archive: Archive, tmp_path: Path) -> None:
    outs = {}
    for jobs in ("1", "2"):
        out_jsonl, out_csv = tmp_path / f"j{jobs}.jsonl", tmp_path / f"j{jobs}.csv"
        res = audit("--quiet", "--jobs", jobs, "--jsonl", str(out_jsonl), "--csv", str(out_csv),
                    str(archive.root))
        outs[jobs] = (res.exit_code, sorted(read_jsonl(out_jsonl), key=lambda f: f["path"]),
                      sorted(_csv_rows(out_csv)))
    assert outs["1"] == outs["2"]
