"""Arguments that cannot work are refused before the audit starts: one line, exit 2, no traceback."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from audit_corpus import build_archive
from click.testing import CliRunner, Result

from thethuc.audit.paths import scheduler_address
from thethuc.cli import main

PROJECT = Path(__file__).resolve().parents[2]


def audit(*args: str) -> Result:
    return CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "-q", *args], catch_exceptions=False)


def _one_line(res: Result) -> str:
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("thethuc audit: "), res.stderr
    return lines[0]


@pytest.mark.parametrize("option", ["--csv", "--jsonl", "--html", "--journal"])
def test_output_into_a_missing_folder_is_refused_before_any_file_is_checked(option: str, tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    journal = tmp_path / "nhat-ky.jsonl"
    extra = [] if option == "--journal" else ["--journal", str(journal)]
    line = _one_line(audit(option, str(tmp_path / "khong-co" / "kq.out"), *extra, str(archive.root)))
    assert option in line and "khong-co" in line and "không có thư mục" in line
    assert not journal.exists()  # refused before the run: nothing was checked or recorded


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs a folder no one can create files in")
def test_output_into_a_folder_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    line = _one_line(audit("--lang", "en", "--html", "/proc/bao-cao.html", str(archive.root)))
    assert line.startswith("thethuc audit: --html /proc/bao-cao.html: cannot write into the folder /proc")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_output_into_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    locked = tmp_path / "chi-doc"
    locked.mkdir(mode=0o555)
    line = _one_line(audit("--csv", str(locked / "kq.csv"), str(archive.root)))
    assert "không ghi được vào thư mục" in line


def test_output_naming_a_folder_is_refused(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    assert "đây là một thư mục" in _one_line(audit("--jsonl", str(tmp_path), str(archive.root)))


@pytest.mark.parametrize(("typed", "address"), [
    ("tcp://127.0.0.1", "tcp://127.0.0.1:8786"), ("tcp://10.0.0.5:9000", "tcp://10.0.0.5:9000"),
    ("10.0.0.5:9000", "tcp://10.0.0.5:9000"), ("tls://cum.local", "tls://cum.local:8786"),
    ("tcp://[::1]:8786", "tcp://[::1]:8786")])
def test_scheduler_address_defaults_to_port_8786(typed: str, address: str) -> None:
    assert scheduler_address(typed) == address


@pytest.mark.parametrize(("typed", "said"), [
    ("foo", "không phải địa chỉ máy lập lịch Dask"), ("tcp://h:abc", "cổng 'abc' không hợp lệ"),
    ("tcp://h:70000", "cổng '70000' không hợp lệ"), ("http://h:8786", "không phải địa chỉ"),
    ("tcp://", "không phải địa chỉ")])
def test_scheduler_that_is_no_address_is_refused_in_one_line(typed: str, said: str, tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    assert said in _one_line(audit("--scheduler", typed, str(archive.root)))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_scheduler_is_a_one_line_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    archive = build_archive(tmp_path / "kho")
    port = _free_port()  # nothing listens there: the connection is refused until the timeout
    line = _one_line(audit("--scheduler", f"tcp://127.0.0.1:{port}", str(archive.root)))
    assert f"không kết nối được tcp://127.0.0.1:{port}" in line


# The start method of Windows and macOS: workers import everything afresh and receive the work by
# pickling, instead of being forked from a warmed server.
SPAWN_MAIN = """\
import multiprocessing
import sys

import thethuc.audit.pool as pool

pool.process_context = lambda: multiprocessing.get_context("spawn")

if __name__ == "__main__":
    from thethuc.cli import main
    main(sys.argv[1:])
"""


def test_audit_and_check_jobs_work_with_the_spawn_start_method(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    script = tmp_path / "spawned.py"
    script.write_text(SPAWN_MAIN, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(PROJECT), NO_COLOR="1")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(script), *args], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=600, check=False)

    spawned = run("audit", "--ruleset", "hd36", "-q", "--jobs", "2", "--jsonl", str(tmp_path / "s.jsonl"),
                  str(archive.root))
    assert spawned.returncode == 3, spawned.stderr  # unreadable files in the archive win, as forked
    assert "Traceback" not in spawned.stderr
    forked = audit("--jobs", "2", "--jsonl", str(tmp_path / "f.jsonl"), str(archive.root))
    assert forked.exit_code == 3
    assert (sorted((tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines())
            == sorted((tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()))

    checked = run("check", "--ruleset", "hd36", "--jobs", "2", "--format", "json", str(archive.root))
    assert checked.returncode == 3 and "Traceback" not in checked.stderr, checked.stderr
    serial = CliRunner().invoke(main, ["check", "--ruleset", "hd36", "--format", "json", str(archive.root)])
    assert checked.stdout == serial.stdout
