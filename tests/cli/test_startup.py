"""What the CLI does for its start-up time (issue 16): the stages imported, then frozen out of the
collector's sight, before a file is checked in the CLI's own process."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

from thethuc.commands import check as check_command
from thethuc.commands import ready_to_check

ROOT = Path(__file__).resolve().parents[2]


def test_ready_to_check_imports_the_stages_and_freezes_what_they_made() -> None:
    before = gc.get_freeze_count()
    try:
        ready_to_check()
        assert {"thethuc.checks", "thethuc.load", "thethuc.recognise", "thethuc.ruleset"} <= set(sys.modules)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()  # this test process goes on collecting as before


def test_a_check_in_this_process_gets_ready_first_and_workers_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(check_command, "ready_to_check", lambda: calls.append("ready"))
    monkeypatch.setattr(check_command, "check_one", lambda *task: calls.append("check") or task)
    assert list(check_command.check_all([("a.docx", "a.docx", "auto", {}, False)], jobs=1)) != []
    assert calls == ["ready", "check"]


def test_the_help_imports_no_stage() -> None:
    # ready_to_check lives in thethuc.commands, which every command imports: it must import nothing itself.
    done = subprocess.run([sys.executable, "-c", "import sys, thethuc.cli, thethuc.commands; "
                           "print(sorted(m for m in sys.modules if m.split('.')[:2] in "
                           "(['thethuc', 'checks'], ['thethuc', 'load'], ['thethuc', 'recognise'])))"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
