"""Outputs rendered in the workers: the same bytes as the single-process reports and journal."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
from dataclasses import replace
from pathlib import Path

import pytest
from audit_corpus import build_archive, good, read_jsonl
from rich.console import Console

from thethuc.audit import outputs
from thethuc.audit.discovery import walk
from thethuc.audit.journal import Journal
from thethuc.audit.render import Outputs, journal_json, render
from thethuc.audit.runner import AuditOptions, run_audit
from thethuc.audit.summary import AuditSummary
from thethuc.audit.terminal import ProgressBar
from thethuc.model import FileResult, Finding, Location, Text
from thethuc.pipeline import check_file
from thethuc.report.json_report import file_json
from thethuc.ruleset.loader import builtin_names


def _tricky_result() -> FileResult:
    """Cells that need CSV quoting, and one that Excel would run as a formula."""
    loc = Location("document", "word/document.xml", 3, table=(0, 1, 2))
    finding = Finding("B001", "noi-dung-size", "error", "noi_dung", Text('Cỡ "13", không 14', "Size 13"),
                      location=loc, excerpt="dòng một\ndòng hai, có dấu phẩy",
                      also=(Location("document", "word/document.xml", 9),))
    formula = Finding("H002", "noi-nhan", "warning", None, Text("Nơi nhận", "Recipients"),
                      location=loc, excerpt="=- Lưu VP")
    return FileResult("kho/a.docx", "checked", "hd36", ruleset_reason=Text("mặc định", "default"),
                      document_type="nghị quyết", findings=(finding, formula))


def test_rendered_csv_rows_parse_back_to_the_cells(tmp_path: Path) -> None:
    out = render(_tricky_result(), "kho/a.docx", "kho", Outputs("vi", csv=True))

    assert out.csv.endswith("\r\n") and out.jsonl == "" and out.journal == ""
    rows = list(csv.reader(io.StringIO(out.csv, newline="")))
    assert len(rows) == 2
    assert rows[0][:6] == ["kho/a.docx", "kho", "không đạt", "nghị quyết", "hd36", "mặc định"]
    assert rows[0][10] == 'Cỡ "13", không 14' and rows[0][16] == "dòng một\ndòng hai, có dấu phẩy"
    # Table, row, column counted from 1 as the text report counts them.
    assert rows[0][15] == "1,2,3" and rows[0][17] == "9"
    assert rows[1][8] == "cảnh báo" and rows[1][16] == "'=- Lưu VP"
    assert out.digest.findings == (("B001", "noi-dung-size", "error"), ("H002", "noi-nhan", "warning"))


def test_journal_line_from_worker_json_is_the_same_bytes(tmp_path: Path) -> None:
    cand = next(walk([str(good(tmp_path / "a.docx"))]))
    result = _tricky_result()
    whole, split = tmp_path / "whole.jsonl", tmp_path / "split.jsonl"
    with Journal(str(whole), "fp") as j:
        j.record(cand, result)
    with Journal(str(split), "fp") as j:
        out = render(result, cand.display, cand.folder, Outputs(journal=True))
        j.record_json(cand, out.digest.status, out.digest.severity_counts(), out.journal)
    assert split.read_bytes() == whole.read_bytes()
    with Journal(str(split), "fp") as j:
        assert j.lookup(cand) == replace(result, path=cand.display)


def test_parallel_audit_writes_what_a_single_process_check_reports(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    jsonl, journal = tmp_path / "kq.jsonl", tmp_path / "j.jsonl"
    run_audit(AuditOptions(roots=(str(archive.root),), ruleset="hd36", jobs=2, jsonl=str(jsonl),
                           journal=str(journal), lang="en"))

    cands = {c.display: c for c in walk([str(archive.root)]) if c.kind == "check"}
    expected = [check_file(c.path, "hd36", display_path=c.display) for c in cands.values()]
    # The old formats (listed, not checked) aside, each line is what check_file reports.
    lines = [ln for ln in jsonl.read_text(encoding="utf-8").splitlines() if '"kind": "not-docx", "message"' not in ln
             or not json.loads(ln)["path"].endswith((".doc", ".odt"))]
    assert sorted(lines) == sorted(json.dumps(file_json(r, "en"), ensure_ascii=False) for r in expected)
    journaled = {ln["path"]: ln for ln in read_jsonl(journal)}
    for r in expected:
        assert journaled[r.path]["result"] == json.loads(journal_json(r))


def test_outputs_reach_the_disk_when_a_flush_is_due(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outputs, "FLUSH_EVERY_S", 0.0)
    cand = next(walk([str(good(tmp_path / "a.docx"))]))
    sink = outputs.JsonlSink(str(tmp_path / "kq.jsonl"))
    sink.rendered(cand, render(_tricky_result(), cand.display, cand.folder, Outputs(jsonl=True)))
    # Still open: a user tailing the file sees the line without waiting for the end of the audit.
    assert json.loads((tmp_path / "kq.jsonl").read_text(encoding="utf-8"))["path"] == "kho/a.docx"
    sink.finish(AuditSummary(), False)


def test_progress_bar_ends_on_the_true_count_though_it_redraws_rarely() -> None:
    bar = ProgressBar("en", Console(file=io.StringIO(), force_terminal=False))
    summary = AuditSummary()
    summary.severities["error"] = 7
    bar.start(250)
    for _ in range(250):
        bar.advance(summary)
    bar.close()
    task = bar._progress.tasks[0]
    assert task.completed == 250 and task.fields["findings"] == 7


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                    reason="workers are spawned, not forked from a warmed server, on this platform")
def test_workers_start_with_the_built_in_rule_sets_loaded(tmp_path: Path) -> None:
    (tmp_path / "kho").mkdir()
    good(tmp_path / "kho" / "a.docx")
    out = tmp_path / "kq.jsonl"
    run_audit(AuditOptions(roots=(str(tmp_path / "kho"),), ruleset="hd36", jobs=1, jsonl=str(out),
                           checker="audit_checkers:count_warm_rulesets"))
    [row] = read_jsonl(out)
    assert int(row["document_type"]) >= len(builtin_names())


def test_csv_status_follows_fail_on_like_check() -> None:
    # "đạt" as `check` says it: a file whose findings all stay below --fail-on passes.
    warning_only = replace(_tricky_result(), findings=_tricky_result().findings[1:])
    for fail_on, status in (("error", "đạt"), ("warning", "không đạt")):
        out = render(warning_only, "kho/a.docx", "kho", Outputs("vi", csv=True, fail_on=fail_on))
        assert {row[2] for row in csv.reader(io.StringIO(out.csv, newline=""))} == {status}
