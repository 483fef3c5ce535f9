"""``stages.run_stages`` is the one run of load → recognise → check, shared by check and fix."""
from __future__ import annotations

import ast
from pathlib import Path

from thethuc.fix.engine import fix_file
from thethuc.pipeline import check_file

ROOT = Path(__file__).resolve().parents[1]
BAD = sorted((ROOT / "samples" / "bad").glob("*.docx"))[0]


def test_stages_sit_below_the_pipeline_and_the_fix_stage() -> None:
    tree = ast.parse((ROOT / "thethuc" / "stages.py").read_text("utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    later = ("pipeline", "fix", "report", "cli", "commands", "audit", "config", "annotate")
    ours = {m.split(".")[1] for m in imported if m.startswith("thethuc.")}
    assert "load" in ours and not ours & set(later)


def test_fix_judges_a_file_exactly_as_check_does(tmp_path: Path) -> None:
    for stage in ("draft", "issued"):
        checked = check_file(str(BAD), "auto", "shown.docx", stage=stage, ignore=("P009",))
        fixed = fix_file(str(BAD), "auto", "shown.docx", None, {"stage": stage, "ignore": ("P009",)})
        assert fixed.before == checked and checked.findings


def test_an_unreadable_file_is_the_same_error_row_for_check_and_fix(tmp_path: Path) -> None:
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    checked = check_file(str(broken), "hd36", "hong.docx", stage="draft")
    fixed = fix_file(str(broken), "hd36", "hong.docx", None, {"stage": "draft"})
    assert checked.status == "error" and fixed.before == checked
    assert "hong.docx" in checked.error.text("en") and str(tmp_path) not in checked.error.text("en")
