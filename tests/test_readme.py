"""The README's examples are real: every ``$ thethuc …`` block is run and its output compared.

A changed message or a new rule then fails here until the README shows what users will see.
"""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.M | re.S)


def examples(text: str) -> list[tuple[str, str]]:
    """(command, expected output) of each fenced block that starts with ``$ thethuc``."""
    found = []
    for block in _FENCE.findall(text):
        first, _, rest = block.partition("\n")
        if first.startswith("$ thethuc "):
            found.append((first.removeprefix("$ "), rest))
    return found


README_EXAMPLES = examples((PROJECT / "README.md").read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    assert [cmd for cmd, _ in README_EXAMPLES] == ["thethuc check samples/bad/sai-co-chu.docx"]


@pytest.mark.parametrize(("command", "expected"), README_EXAMPLES, ids=[c for c, _ in README_EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(command: str, expected: str) -> None:
    argv = shlex.split(command)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120")
    run = subprocess.run([sys.executable, "-m", "thethuc", *argv[1:]], cwd=PROJECT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.stdout == expected
