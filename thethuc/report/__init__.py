"""Report stage: reporters turn FileResults into bytes on a stream (``--format``).

To add a format, decorate its class with ``@register("name")`` and add its module to the import below.
"""
# The format modules are imported only to register themselves (REPORTERS is read sorted, so order is free).
from thethuc.report import csv, github, json_report, junit, sarif, text  # noqa: F401 (imported to register)
from thethuc.report.base import REPORTERS, Reporter, ReportOptions, register
from thethuc.report.summary import CodeCount, Summary

__all__ = ["REPORTERS", "CodeCount", "ReportOptions", "Reporter", "Summary", "register"]
