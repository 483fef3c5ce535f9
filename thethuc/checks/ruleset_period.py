"""Kind ``issue_date``: the document's issue date lies in the period its rule set governs.

Keys: ``from``, ``until`` (ISO dates, inclusive; either may be left out), ``undated`` (report a
document whose date could not be read, default true), ``guideline`` (its name in the message,
e.g. ``Hướng dẫn 36-HD/VPTW``). It backs X007: ``--ruleset auto`` falls back to hd36 for an
early or undated Party document, and this says so in the report.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterator

from thethuc.checks.common import make_finding
from thethuc.model import Finding, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.auto import vn_date
from thethuc.ruleset.nodes import LDict, Where, as_bool, as_str
from thethuc.ruleset.params import param, read_params
from thethuc.ruleset.types import Rule


def _as_date(value: object, where: Where, what: str) -> datetime.date:
    # YAML reads an unquoted 2018-04-03 as a date already; a quoted one arrives as text.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(as_str(value, where, what))
    except ValueError as err:
        raise where.error(Text(f"'{what}' phải là ngày viết dạng YYYY-MM-DD (năm-tháng-ngày), không phải '{value}'",
                               f"'{what}' must be a date written YYYY-MM-DD, not '{value}'")) from err


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of an ``issue_date`` rule (X007): the period the rule set governs, which a document's issue
    date must lie in, and whether an undated document is reported."""

    start: datetime.date | None = param(_as_date, None, key="from")  # ``from`` is a Python keyword
    until: datetime.date | None = param(_as_date, None)
    undated: bool = param(as_bool, True)
    guideline: str = param(as_str, "")


def parse(node: LDict, where: Where) -> Params:
    params = read_params(Params, node, "issue_date")
    if params.start is not None and params.until is not None and params.until < params.start:
        raise node.at("until").error(Text("'until' không được sớm hơn 'from'",
                                          "'until' must not be earlier than 'from'"))
    return params


def period(params: Params) -> Text:
    """``từ 03/4/2018 đến 26/5/2026`` — the period the rule set governs."""
    if params.start and params.until:
        return Text(f"ban hành từ {vn_date(params.start)} đến {vn_date(params.until)}",
                    f"issued from {vn_date(params.start)} to {vn_date(params.until)}")
    if params.start:
        return Text(f"ban hành từ {vn_date(params.start)} trở đi", f"issued on or after {vn_date(params.start)}")
    if params.until:
        return Text(f"ban hành đến {vn_date(params.until)}", f"issued up to {vn_date(params.until)}")
    return Text("có ngày ban hành", "an issue date")


def _detail(params: Params, issued: datetime.date | None) -> Text | None:
    name = f" {params.guideline}" if params.guideline else ""
    if issued is None:
        return Text(f"không đọc được ngày ban hành, không xác định được văn bản có thuộc phạm vi{name} không",
                    f"no issue date could be read, so it is unknown whether{name or ' the rule set'} applies")
    if params.start and issued < params.start:
        return Text(f"văn bản ban hành trước khi{name} có hiệu lực",
                    f"issued before{name or ' the rule set'} took effect")
    if params.until and issued > params.until:
        return Text(f"văn bản ban hành sau khi{name} hết hiệu lực",
                    f"issued after{name or ' the rule set'} was replaced")
    return None


def _by_period(params: Params, rec: Recognised) -> tuple[bool, datetime.date | None]:
    """(settled, a day standing for the period) for a draft dated by month or year only:
    settled when every day of the period gives the same verdict; the day is its first one."""
    if rec.issue_period is None:
        return False, None
    first, last = rec.issue_period
    if _detail(params, first) == _detail(params, last):
        return True, first
    return False, None


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    issued = rec.issue_date
    if issued is None:
        settled, day = _by_period(params, rec)
        if settled and _detail(params, day) is None:
            return  # "ngày … tháng 8 năm 2018": every day it may get lies in the period
    if issued is None and not params.undated:
        return
    detail = _detail(params, issued)
    if detail is None:
        return
    anchor = next(iter(rec.paragraphs_with("dia_danh_ngay")), None)
    actual = Text(f"ngày {vn_date(issued)}", f"dated {vn_date(issued)}") if issued else Text("không rõ ngày", "no date")
    yield make_finding(rule, rec, anchor, expected=period(params), actual=actual, detail=detail,
                       source=None, element="dia_danh_ngay")
