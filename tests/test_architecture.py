"""The stages flow one way: load → recognise → check → report. No stage imports a later one."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "thethuc"

# stage → the thethuc modules it must never import (directly or from a submodule)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "load": ("recognise", "ruleset", "checks", "report", "pipeline", "cli", "commands", "audit", "config", "annotate"),
    "recognise": ("load", "ruleset", "checks", "report", "pipeline", "cli", "commands", "audit", "config", "annotate"),
    "checks": ("load", "recognise", "report", "pipeline", "cli", "commands", "audit", "config", "annotate"),
    "ruleset": ("load", "recognise", "report", "pipeline", "cli", "commands", "audit", "annotate"),
    "report": ("load", "recognise", "checks", "pipeline", "cli", "commands", "audit", "annotate"),
}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {n for n in names if n.startswith("thethuc.")}


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_no_later_stage(stage: str) -> None:
    offending = []
    for path in sorted((PACKAGE / stage).glob("*.py")):
        for module in _imported_modules(path):
            top = module.split(".")[1]
            if top in FORBIDDEN[stage]:
                offending.append(f"{path.name} imports {module}")
    assert offending == []


def test_the_check_fixture_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text("from thethuc.report.text import TextReporter\nimport thethuc.model\n", "utf-8")
    assert _imported_modules(bad) == {"thethuc.report.text", "thethuc.model"}
