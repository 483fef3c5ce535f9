"""Shared helpers of the rule-set tests: build a factory document, check it, return its codes."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from thethuc.model import FileResult
from thethuc.pipeline import check_file
from thethuc.testing.party import Layout, PartyDoc, write_party

PROJECT = Path(__file__).resolve().parents[2]


def load_build_script() -> ModuleType:
    """samples/build_rulesets.py is a script, not a package module: import it by path."""
    spec = importlib.util.spec_from_file_location("build_rulesets", PROJECT / "samples" / "build_rulesets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build() -> ModuleType:
    return load_build_script()


@pytest.fixture()
def run(tmp_path: Path):
    """``run(doc, layout, ruleset)`` → FileResult of that document checked under ``ruleset``."""
    counter = iter(range(1000))

    def _run(doc: PartyDoc, layout: Layout, ruleset: str) -> FileResult:
        path = write_party(tmp_path / f"doc{next(counter)}.docx", doc, layout)
        return check_file(str(path), ruleset)

    return _run


def codes(result: FileResult) -> set[str]:
    return {f.code for f in result.findings}
