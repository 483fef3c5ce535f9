"""The stages flow one way: load → recognise → check → (fix) → report. No stage imports a later one."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "thethuc"

# stage → the thethuc modules it must never import (directly or from a submodule)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "load": ("recognise", "ruleset", "checks", "fix", "report", "pipeline", "cli", "commands", "audit", "config",
             "annotate"),
    "recognise": ("load", "ruleset", "checks", "fix", "report", "pipeline", "cli", "commands", "audit", "config",
                  "annotate"),
    "checks": ("load", "recognise", "fix", "report", "pipeline", "cli", "commands", "audit", "config", "annotate"),
    "ruleset": ("load", "recognise", "fix", "report", "pipeline", "cli", "commands", "audit", "annotate"),
    # fix comes after check: it reads the load walk, the recognised roles and the checks' own
    # measures, and knows nothing of reporting, annotating or the command line.
    "fix": ("report", "pipeline", "cli", "commands", "audit", "config", "annotate"),
    "report": ("load", "recognise", "checks", "fix", "pipeline", "cli", "commands", "audit", "annotate"),
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
