"""Kind ``date``: ``<Địa danh>, ngày DD tháng M năm YYYY`` — shape, zero padding, a real date.

Keys: ``pad_day_below`` (days below it take a leading zero, default 10), ``padded_months``
(months written with a leading zero, default [1, 2]; the others must not be), ``required``,
``sample``, ``blank`` (how a day or month left blank — ``ngày    tháng 8 năm 2026``, ``ngày … tháng …``,
``{{ngay}}`` — is judged: ``missing``, ``to-fill`` (a draft's field, one info finding) or ``allowed``;
rule files set it per stage). Padding and the calendar are never judged on a blank field.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from thethuc.checks import wording
from thethuc.checks.common import (
    BLANK_MODES,
    Deviation,
    blank_field,
    group,
    lead_paragraph,
)
from thethuc.model import Finding, Paragraph, Recognised, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import as_bool, as_int, as_str
from thethuc.ruleset.params import choice, items, param, params_parser
from thethuc.ruleset.types import Rule
from thethuc.textutil import DATE_FIELD_RE, FIELD, fill_fields, squash

# A field (template placeholder, see textutil.fill_fields) stands where a day, month or year would.
_DATE = re.compile(r"^(?P<place>[^,]+?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>\ue000|\d*)\s*tháng\s*"
                   r"(?P<month>\ue000|\d*)\s*năm\s*(?P<year>\d{4}|\d{0,3}\ue000)\s*\.?$", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b(Ngày|Tháng|Năm|NGÀY|THÁNG|NĂM)\b")

_EXAMPLE = "Hà Nội, ngày 03 tháng 02 năm 2018"


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``date`` rule on the place-and-date line: zero padding of day and month, the sample
    shown as expected, and how a day or month left blank is judged."""

    pad_day_below: int = param(as_int, 10)
    padded_months: tuple[int, ...] = param(items(as_int), (1, 2))
    required: bool = param(as_bool, False)
    example: str = param(as_str, _EXAMPLE, key="sample")
    blank: str = param(choice(*BLANK_MODES), "missing")


parse = params_parser(Params, "date")


def _padding(params: Params, p: Paragraph, day: str, month: str) -> Iterator[Deviation]:
    day, month = (part if part.isdigit() else "" for part in (day, month))
    if day and int(day) < params.pad_day_below and len(day) < 2:
        yield Deviation(("day",), p, wording.quoted(f"ngày {int(day):02d}"), wording.quoted(f"ngày {day}"),
                        None, Text("ngày nhỏ hơn 10 phải có số 0 ở trước", "days below 10 take a leading zero"))
    if not month:
        return
    wanted = f"{int(month):02d}" if int(month) in params.padded_months else str(int(month))
    if month != wanted:
        yield Deviation(("month",), p, wording.quoted(f"tháng {wanted}"), wording.quoted(f"tháng {month}"), None,
                        Text("tháng 1, 2 viết 01, 02; các tháng khác không có số 0",
                             "months 1 and 2 are written 01, 02; the others without a zero"))


def _real(p: Paragraph, day: str, month: str, year: str) -> Iterator[Deviation]:
    if not (day.isdigit() and month.isdigit() and year.isdigit()):
        return
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        yield Deviation(("calendar",), p, Text("một ngày có thật", "a real calendar date"),
                        wording.quoted(f"{day}/{month}/{year}"), None,
                        Text("ngày không có thật", "no such date"))


def _deviations(params: Params, p: Paragraph) -> Iterator[Deviation]:
    text = squash(p.text)
    match = _DATE.match(fill_fields(text))
    shape = Text(f"dạng «{params.example}»", f"shaped like “{params.example}”")
    _, comma, rest = text.partition(",")
    if match is None and comma and DATE_FIELD_RE.match(rest.strip()):  # "Hà Nội, {{ngay_ky}}"
        yield from blank_field(params.blank, p, wording.quoted(text), shape,
                               Text("thiếu ngày tháng năm", "no date"))
        return
    if match is None:
        yield Deviation(("shape",), p, shape, wording.quoted(text), None,
                        Text("sai mẫu địa danh, ngày tháng năm", "malformed place and date"))
        return
    if not match["comma"]:
        yield Deviation(("comma",), p, shape, wording.quoted(text), None,
                        Text("thiếu dấu phẩy sau địa danh", "no comma after the place"))
    capital = _CAPITALISED.search(text[match.start("comma"):])
    if capital:  # "Đà Nẵng, Ngày … tháng …": read as a date, the capital named (not "malformed")
        yield Deviation(("capital",), p, wording.quoted(capital.group(1).lower()), wording.quoted(capital.group(1)),
                        None, Text("«ngày», «tháng», «năm» viết thường", "“ngày”, “tháng”, “năm” in lower case"))
    day, month = match["day"], match["month"]
    if day in ("", FIELD) or month in ("", FIELD) or FIELD in match["year"]:
        yield from blank_field(params.blank, p, wording.quoted(text), shape,
                               Text("thiếu ngày hoặc tháng", "day or month missing"))
    yield from _padding(params, p, day, month)
    yield from _real(p, day, month, match["year"])


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    first, absent = lead_paragraph(rule, rec, params.required)
    yield from absent
    if first is not None:
        yield from group(rule, rec, _deviations(params, first))
