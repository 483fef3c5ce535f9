"""One bad file is one error row: a worker that dies or hangs never stops or skews the audit."""
from __future__ import annotations

import shutil
from pathlib import Path

from audit_corpus import build_archive, by_path, read_jsonl

from thethuc.audit.runner import AuditOptions, run_audit


def _run(root: Path, out: Path, **changes: object) -> int:
    opts = AuditOptions(roots=(str(root),), ruleset="hd36", jsonl=str(out), **changes)
    return run_audit(opts).exit_code


def test_a_file_that_kills_its_worker_is_one_unreadable_row(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    _run(archive.root, tmp_path / "ref.jsonl", jobs=2)
    reference = by_path(read_jsonl(tmp_path / "ref.jsonl"))
    crash = archive.root / "2019" / "crash.docx"
    shutil.copyfile(archive.deviating, crash)

    code = _run(archive.root, tmp_path / "out.jsonl", jobs=2, checker="audit_checkers:crash_on_name")

    rows = by_path(read_jsonl(tmp_path / "out.jsonl"))
    assert code == 3
    died = rows.pop(str(crash))
    assert died["status"] == "error" and died["error"]["kind"] == "unreadable"
    assert "died" in died["error"]["message"]
    assert rows == reference  # every other file checked, once, with its usual result


def test_a_hanging_file_times_out_alone(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    slow = archive.root / "2020" / "slow.docx"
    shutil.copyfile(archive.deviating, slow)

    _run(archive.root, tmp_path / "out.jsonl", jobs=2, timeout=1.0, checker="audit_checkers:sleep_on_name")

    rows = by_path(read_jsonl(tmp_path / "out.jsonl"))
    assert len(rows) == archive.checkable + archive.old + 1  # the old formats are listed too
    assert rows[str(slow)]["error"]["kind"] == "unreadable"
    assert "timed out" in rows[str(slow)]["error"]["message"]
    assert rows[str(archive.deviating)]["status"] == "checked"
