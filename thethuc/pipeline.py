"""Run one file through the stages: load → recognise → choose rule set → check.

The runners (check, audit, pre-commit) call ``check_file`` and hand the FileResult to the
reporters; the stages themselves run in ``stages.py``, which ``fix`` shares.
"""
from __future__ import annotations

from thethuc.model import FileResult
from thethuc.ruleset.types import RuleSet
from thethuc.stages import run_stages


def check_file(path: str, ruleset_spec: str | RuleSet = "hd36", display_path: str | None = None,
               stage: str = "issued", **options: object) -> FileResult:
    """Check one file at ``stage`` (``draft``: blank number and date are for the văn thư to fill in;
    ``issued``: they must be there); never raises for a bad input (it becomes an error FileResult).
    The cyclic garbage collector is paused while it runs (``thethuc.gcpause``), then as it was."""
    return run_stages(path, ruleset_spec, display_path or path, stage, options).result
