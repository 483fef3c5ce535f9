"""Checkers that stand in for thethuc.pipeline.check_file in the worker-isolation tests.

They must be importable by name in worker processes: the pool passes its sys.path on.
"""
from __future__ import annotations

import os
import time

from thethuc.model import FileResult, Finding, Location, Text
from thethuc.pipeline import check_file


def crash_on_name(path: str, ruleset_spec: str = "hd36", display_path: str | None = None,
                  **options: object) -> FileResult:
    """The real checker, except that a file named *crash* kills its worker like a segfault."""
    if "crash" in os.path.basename(path):
        os._exit(11)
    return check_file(path, ruleset_spec, display_path=display_path, **options)


def sleep_on_name(path: str, ruleset_spec: str = "hd36", display_path: str | None = None,
                  **options: object) -> FileResult:
    """A file named *slow* hangs (a pathological document); the others are checked for real."""
    if "slow" in os.path.basename(path):
        time.sleep(60)
    return check_file(path, ruleset_spec, display_path=display_path, **options)


def one_finding(path: str, ruleset_spec: str = "hd36", display_path: str | None = None,
                **options: object) -> FileResult:
    """One B001 finding per file, without reading it: for runner mechanics, not for rules."""
    loc = Location("document", "word/document.xml", 7)
    finding = Finding("B001", "noi-dung-size", "error", "noi_dung", Text("Cỡ chữ 13", "Size 13"),
                      location=loc, excerpt="Thời gian qua")
    return FileResult(display_path or path, "checked", ruleset_spec, findings=(finding,))


def count_warm_rulesets(path: str, ruleset_spec: str = "hd36", display_path: str | None = None,
                        **options: object) -> FileResult:
    """Reports, as the document type, how many rule sets the worker had loaded before this file."""
    from thethuc.ruleset import _load_cached  # the cache the fork server warms

    return FileResult(display_path or path, "checked", ruleset_spec,
                      document_type=str(_load_cached.cache_info().currsize))
