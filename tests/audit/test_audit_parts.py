"""The audit's parts on their own: codec, chunking, discovery, summary, journal."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from thethuc.audit.codec import result_from_dict, result_to_dict
from thethuc.audit.discovery import AuditedFile, walk
from thethuc.audit.journal import Journal
from thethuc.audit.runner import chunked
from thethuc.audit.summary import AuditSummary, Record
from thethuc.audit.worker import Task
from thethuc.model import FileResult, Finding, InputProblem, Location, Text

LOC = Location("document", "word/document.xml", 12, table=(0, 1, 1), textbox=False)


def _finding(code: str = "B001", severity: str = "error") -> Finding:
    return Finding(code, "noi-dung-size", severity, "noi_dung",
                   Text("Cỡ chữ phần nội dung là 13 pt", "Body text is 13 pt"),
                   expected=Text("14–15 pt", "14–15 pt"), actual=Text("13 pt", "13 pt"),
                   source="style:Normal", location=LOC, excerpt="Thời gian qua",
                   also=(Location("document", "word/document.xml", 14),
                         Location("header", "word/header1.xml", 1)))


def _checked(path: str, *findings: Finding) -> FileResult:
    return FileResult(path, "checked", "hd36", ruleset_reason=Text("mặc định", "default"),
                      document_type="nghị quyết", findings=findings, suppressed=(_finding("P009", "info"),))


def _cand(path: str = "/a/x.docx", size: int = 100, mtime: int = 5, folder: str = "a") -> AuditedFile:
    return AuditedFile(path, path, folder, size, mtime, "check")


def test_codec_round_trip_is_lossless_in_both_languages() -> None:
    result = _checked("kho/2019/nq.docx", _finding(), _finding("H002", "warning"))
    data = json.loads(json.dumps(result_to_dict(result), ensure_ascii=False))
    assert result_from_dict(data) == result
    error = FileResult("x.docx", "error", "hd36", error=InputProblem("corrupt", "x.docx: hỏng"))
    assert result_from_dict(result_to_dict(error)) == error


def test_chunks_group_small_files_and_send_big_or_converted_ones_alone() -> None:
    sizes = [10, 10, 10, 5_000, 10, 10, 10, 10, 10]
    tasks = [Task(i, f"/f{i}", f"f{i}", convert=(i == 6)) for i in range(len(sizes))]
    chunks = list(chunked(tasks, sizes, max_files=2, max_bytes=1_000))
    assert [[t.index for t in c] for c in chunks] == [[0, 1], [2], [3], [4, 5], [6], [7, 8]]


def test_walk_classifies_files_skips_owner_files_and_names_top_folders(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    (root / "2019" / "q1").mkdir(parents=True)
    (root / ".git").mkdir()
    for rel in ("2019/q1/a.docx", "2019/b.DOCX", "2019/~$b.DOCX", "c.dotx", "2019/old.doc", "d.odt",
                "notes.txt", ".git/e.docx", "2019/ảnh.docm"):
        (root / rel).write_bytes(b"x" * 3)
    found = list(walk([str(root), str(root / "2019" / "b.DOCX")]))  # b is named twice: once
    shown = {Path(c.display).relative_to(root).as_posix(): (c.kind, c.folder) for c in found}
    assert shown == {
        "2019/b.DOCX": ("check", str(root / "2019")), "2019/old.doc": ("convert", str(root / "2019")),
        "2019/ảnh.docm": ("check", str(root / "2019")), "2019/q1/a.docx": ("check", str(root / "2019")),
        "c.dotx": ("check", str(root)), "d.odt": ("convert", str(root)),
    }
    assert all(c.size == 3 and Path(c.path).is_absolute() for c in found)


def test_summary_conformity_follows_fail_on_and_worst_files_are_ordered() -> None:
    warn_only = _checked("w.docx", _finding("P003", "warning"))
    two_errors = _checked("e2.docx", _finding(), _finding("H002"))
    one_error = _checked("e1.docx", _finding())
    clean = _checked("ok.docx")
    for fail_on, conforming in (("error", 2), ("warning", 1)):
        s = AuditSummary(fail_on=fail_on, total=4)
        for r in (warn_only, two_errors, one_error, clean):
            s.add(Record(_cand(r.path), r))
        assert (s.checked, s.conforming, s.nonconforming) == (4, conforming, 4 - conforming)
        assert [w.path for w in s.worst()] == ["e2.docx", "e1.docx", "w.docx"]
        assert s.rules["hd36:B001"].findings == 2 and s.rules["hd36:B001"].files == 2  # per rule set and code
        assert s.exit_code() == 1
    s.add(Record(_cand("bad.docx"), FileResult("bad.docx", "error", "hd36",
                                               error=InputProblem("not-docx", "bad.docx: …"))))
    assert s.unreadable == 1 and s.exit_code() == 3  # unreadable wins over findings


def test_journal_reuses_only_unchanged_files_and_heals_a_cut_line(tmp_path: Path) -> None:
    path = str(tmp_path / "j.jsonl")
    ok, broken, flaky = _cand("/a/ok.docx"), _cand("/a/bad.docx"), _cand("/a/flaky.docx")
    with Journal(path, "fp1") as j:
        j.record(ok, _checked(ok.display, _finding()))
        j.record(broken, FileResult(broken.display, "error", "hd36",
                                    error=InputProblem("not-docx", "bad: not a zip")))
        j.record(flaky, FileResult(flaky.display, "error", "hd36",
                                   error=InputProblem("unreadable", "flaky: timed out")))
    with Journal(path, "fp1") as j:
        assert j.lookup(ok) == _checked(ok.display, _finding())
        assert j.lookup(broken) is not None  # a broken file stays broken until it changes
        assert j.lookup(flaky) is None  # a passing failure is retried
        assert j.lookup(_cand("/a/ok.docx", size=101)) is None
        assert j.lookup(_cand("/a/ok.docx", mtime=6)) is None
    with Journal(path, "fp2") as j:  # another rule set or tool version
        assert j.lookup(ok) is None
    with open(path, "ab") as fh:  # a kill in the middle of a write
        fh.write(b'{"v": 1, "key": "/a/half.docx", "si')
    with Journal(path, "fp1") as j:
        assert j.lookup(ok) is not None
        j.record(_cand("/a/new.docx"), _checked("/a/new.docx"))
    lines = Path(path).read_bytes().splitlines()
    assert json.loads(lines[-1])["key"] == "/a/new.docx"
    with Journal(path, "fp1") as j:
        assert j.lookup(_cand("/a/new.docx")) == _checked("/a/new.docx")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_sink_writes_bom_and_one_row_per_finding(tmp_path: Path, lang: str) -> None:
    from thethuc.audit.outputs import CsvSink

    out = tmp_path / "a.csv"
    sink = CsvSink(str(out), lang)
    sink.file(Record(_cand("kho/nq.docx"), _checked("kho/nq.docx", _finding(), _finding("H002"))))
    sink.file(Record(_cand("kho/ok.docx"), _checked("kho/ok.docx")))
    sink.file(Record(_cand("kho/x.docx"), FileResult("kho/x.docx", "error", "hd36",
                                                     error=InputProblem("corrupt", "kho/x.docx: hỏng"))))
    sink.not_checked(AuditedFile("/kho/c.doc", "kho/c.doc", "kho", 1, 1, "convert"))
    sink.finish(AuditSummary(), False)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    # header, two findings, one file without findings (so every file is accounted for), one error
    # file, one old file
    assert len(rows) == 1 + 2 + 1 + 1 + 1
    column = dict(zip(rows[0], range(len(rows[0])), strict=True))
    status = column["Trạng thái" if lang == "vi" else "Status"]
    assert [r[status] for r in rows[1:]] == (["không đạt", "không đạt", "đạt", "không đọc được", "chưa kiểm tra"]
                                             if lang == "vi" else ["failed", "failed", "passed", "unreadable",
                                                                   "not checked"])
    message = rows[1][column["Thông báo" if lang == "vi" else "Message"]]
    assert message == ("Cỡ chữ phần nội dung là 13 pt" if lang == "vi" else "Body text is 13 pt")
    assert rows[1][column["Cũng ở đoạn" if lang == "vi" else "Also at paragraphs"]] == "14, 1"


def test_csv_sink_names_the_rule_set_reason_and_defuses_formulas(tmp_path: Path) -> None:
    from thethuc.audit.outputs import CsvSink

    why = Text("văn bản nhà nước (có quốc hiệu)", "a state document (national title)")
    result = replace(_checked("kho/qd.docx", _finding()), ruleset="nd30", ruleset_reason=why)
    out = tmp_path / "a.csv"
    sink = CsvSink(str(out), "vi")
    sink.file(Record(_cand("kho/qd.docx"), replace(result, findings=(
        replace(result.findings[0], excerpt="- Lưu: VT, VP."),))))
    sink.finish(AuditSummary(), False)
    import csv
    header, row = list(csv.reader(out.read_text("utf-8-sig").splitlines()))
    cells = dict(zip(header, row, strict=True))
    assert cells["Bộ quy tắc"] == "nd30" and cells["Lý do chọn bộ quy tắc"] == why.vi
    assert cells["Nội dung"] == "'- Lưu: VT, VP."  # Excel would run "- Lưu…" as a formula


def test_summary_and_html_count_a_code_per_rule_set(tmp_path: Path) -> None:
    # H002 is tieu-de-format under hd36 and quoc-hieu-format under nd30 (auto picks both in one
    # audit): two rules with their own totals, never one sum under "H002".
    from thethuc.audit.html import HtmlSink

    party = _checked("/a/p.docx", replace(_finding("H002"), name="tieu-de-format"))
    state = replace(_checked("/a/s.docx", replace(_finding("H002"), name="quoc-hieu-format")), ruleset="nd30")
    s = AuditSummary(total=2)
    html = HtmlSink(str(tmp_path / "kq.html"))
    for r in (party, state):
        s.add(Record(_cand(r.path), r))
        html.file(Record(_cand(r.path), r))
    assert {(t.ruleset, t.code, t.name, t.findings) for t in s.rules_by_count()} == {
        ("hd36", "H002", "tieu-de-format", 1), ("nd30", "H002", "quoc-hieu-format", 1)}
    html.finish(s, False)
    page = (tmp_path / "kq.html").read_text(encoding="utf-8")
    assert 'data-code="hd36:H002"' in page and 'data-code="nd30:H002"' in page
    assert 'data-codes=" nd30:H002 "' in page  # the file filter uses the same key as the chart
