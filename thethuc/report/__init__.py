"""Report stage: reporters turn FileResults into bytes on a stream (``--format``).

To add a format, decorate its class with ``@register("name")`` and name its module in ``_MODULES``.
A format's module is imported when the format is first asked for: ``thethuc check`` writing text
does not import the SARIF, JUnit or CSV writers, and ``thethuc --help`` imports none.
"""
from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from thethuc.report import base
from thethuc.report.base import Reporter, ReportOptions, register
from thethuc.report.summary import CodeCount, Summary

# format name → module of thethuc.report that registers it
_MODULES = {"json": "json_report", "text": "text", "csv": "csv", "github": "github", "junit": "junit",
            "sarif": "sarif"}


class _Reporters(Mapping[str, type[Reporter]]):
    """``REPORTERS[name]``: the reporter class, its module imported on first use."""

    def __getitem__(self, name: str) -> type[Reporter]:
        if name not in base.REPORTERS and name in _MODULES:
            importlib.import_module(f"thethuc.report.{_MODULES[name]}")
        return base.REPORTERS[name]

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(_MODULES), **base.REPORTERS})

    def __len__(self) -> int:
        return len(set(_MODULES) | set(base.REPORTERS))

    def __contains__(self, name: object) -> bool:
        return name in _MODULES or name in base.REPORTERS


REPORTERS: Mapping[str, type[Reporter]] = _Reporters()

__all__ = ["REPORTERS", "CodeCount", "ReportOptions", "Reporter", "Summary", "register"]
