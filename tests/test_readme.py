"""The README's examples are real: every ``$ thethuc …`` block is run and its output compared.

A changed message or a new rule then fails here until the README shows what users will see. Each block
runs in a scratch folder holding a copy of ``samples/`` and the draft the stage example names (built here
the way Word writes it), so copies the commands write (``--annotate``, ``fix``) never land in the
project. The output is standard output then standard error; a line ``…`` stands for any lines.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from thethuc.testing.party import write_party
from thethuc.testing.party_samples import GOOD

PROJECT = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) of each fenced block that starts with ``$ thethuc``."""
    found = []
    for block in _FENCE.findall(text):
        first, _, rest = block.partition("\n")
        while first.endswith("\\"):  # a command continued on the next line
            more, _, rest = rest.partition("\n")
            first = f"{first[:-1].rstrip()} {more.strip()}"
        if first.startswith("$ thethuc "):
            found.append((first.removeprefix("$ "), rest))
    return found


README_EXAMPLES = examples((PROJECT / "README.md").read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    assert [shlex.split(cmd, comments=True)[:3] for cmd, _ in README_EXAMPLES] == [
        ["thethuc", "check", "samples/bad/sai-co-chu.docx"],
        ["thethuc", "check", "samples/bad/sai-co-chu.docx"],  # --annotate
        ["thethuc", "fix", "samples/bad/sai-co-chu.docx"],
        ["thethuc", "check", "du-thao-nghi-quyet.docx"],
        ["thethuc", "check", "--stage"]]


def _scratch(folder: Path) -> Path:
    shutil.copytree(PROJECT / "samples", folder / "samples", ignore=shutil.ignore_patterns("fixed", "*.checked.docx"))
    draft = GOOD["nghi-quyet"]  # the number and the day left for the văn thư, September 2026
    write_party(folder / "du-thao-nghi-quyet.docx",
                replace(draft.doc, so_ky_hieu="Số    -NQ/TU", dia_danh_ngay="Lạng Sơn, ngày    tháng 9 năm 2026"),
                draft.layout)
    return folder


def _matches(expected: str, got: str) -> bool:
    pattern = "".join("(?:.*\n)*?" if line == "…" else re.escape(line) + "\n" for line in expected.splitlines())
    return re.fullmatch(pattern, got) is not None


@pytest.mark.parametrize(("command", "expected"), README_EXAMPLES, ids=[c for c, _ in README_EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(command: str, expected: str, tmp_path: Path) -> None:
    argv = shlex.split(command, comments=True)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120", PYTHONPATH=str(PROJECT))
    run = subprocess.run([sys.executable, "-m", "thethuc", *argv[1:]], cwd=_scratch(tmp_path), env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert _matches(expected, run.stdout + run.stderr), run.stdout + run.stderr
