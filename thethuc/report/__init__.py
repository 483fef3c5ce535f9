"""Report stage: reporters turn FileResults into bytes on a stream (``--format``).

To add a format, decorate its class with ``@register("name")`` and add its module to the import below.
"""
from thethuc.report.base import REPORTERS, Reporter, ReportOptions, register
from thethuc.report.summary import CodeCount, Summary

from thethuc.report import json_report, text  # noqa: E402,F401,I001 (each module registers itself)
from thethuc.report import csv, github, junit, sarif  # noqa: E402,F401,I001 (workflow formats)

__all__ = ["REPORTERS", "CodeCount", "ReportOptions", "Reporter", "Summary", "register"]
