"""Ctrl-C during an audit: exit 130, outputs and journal hold exactly the finished files, and a
re-run with the journal finishes the job without re-checking them."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from audit_corpus import many_copies, read_jsonl

COUNT = 600
PROJECT = Path(__file__).resolve().parents[2]


def _audit_cmd(folder: Path, out: Path, journal: Path) -> list[str]:
    return [sys.executable, "-m", "thethuc", "audit", "--ruleset", "hd36", "--jobs", "1", "--quiet",
            "--journal", str(journal), "--jsonl", str(out / "kq.jsonl"), "--csv", str(out / "kq.csv"),
            "--html", str(out / "kq.html"), str(folder)]


def _wait_for_lines(path: Path, proc: subprocess.Popen[bytes], deadline_s: float = 120) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= 1:
            return
        time.sleep(0.05)
    raise AssertionError("the audit wrote no journal line")


def test_sigint_stops_cleanly_and_the_journal_resumes(tmp_path: Path) -> None:
    folder = many_copies(tmp_path / "kho", COUNT)
    out, journal = tmp_path / "out", tmp_path / "nhat-ky.jsonl"
    out.mkdir()
    proc = subprocess.Popen(_audit_cmd(folder, out, journal), cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_lines(journal, proc)
    os.kill(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 130
    done = read_jsonl(journal)  # every line whole: flushed one file at a time
    assert 0 < len(done) < COUNT
    assert f"{len(done)}/{COUNT}" in stderr.decode("utf-8")
    assert sorted(f["path"] for f in read_jsonl(out / "kq.jsonl")) == sorted(ln["path"] for ln in done)
    html = (out / "kq.html").read_text(encoding="utf-8")
    assert 'id="interrupted"' in html and html.rstrip().endswith("</html>")

    resumed = subprocess.run(_audit_cmd(folder, out, journal), cwd=PROJECT, capture_output=True,
                             timeout=600, check=False)
    assert resumed.returncode in (0, 1), resumed.stderr.decode("utf-8")
    lines = [json.loads(x) for x in journal.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == COUNT  # the files done before Ctrl-C were not checked again
    assert len({ln["path"] for ln in lines}) == COUNT
    assert len(read_jsonl(out / "kq.jsonl")) == COUNT
