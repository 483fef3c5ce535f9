"""A copy of the project's tree as a release ships it: no git, no local environments, no build output.

Tests that install or tag the project work on such a copy, so they pass in a git checkout, a
release tarball or a `git archive` alike, and never write into the source tree.
"""
from __future__ import annotations

import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
_NOT_PROJECT = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "*.pyc", "*.egg-info",
                                      ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache",
                                      "build", "dist")


def copy_project(target: Path) -> Path:
    shutil.copytree(PROJECT, target, ignore=_NOT_PROJECT, dirs_exist_ok=True)
    shutil.rmtree(target / "benchmarks" / "out", ignore_errors=True)  # measurements, not sources
    return target
