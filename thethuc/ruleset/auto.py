"""``--ruleset auto``: pick hd36, hd05 or nd30 for one recognised document, and say why.

A decision on the recogniser's facts (family, issue date), per hd05.md § "Choosing the rule set".
The guidelines' periods are the built-in rule sets' own (X007's ``from``/``until`` in rules/hd36.yaml
and rules/hd05.yaml), read only for a Party document; a state document needs no rule file to choose.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from thethuc.model import Recognised, Text
from thethuc.records import dataclass


@dataclass(frozen=True)
class Periods:
    """The Party guidelines' periods: HD36 from its signing to the eve of HD05, HD05 from its signing."""

    hd36_from: date
    hd36_until: date
    hd05_from: date


@lru_cache(maxsize=1)
def periods() -> Periods:
    """X007's bounds in the built-in hd36 and hd05 rule sets (a project's config does not move them)."""
    from thethuc.cache import cached

    # Kept in the user's cache by itself (thethuc/cache.py), with the text of both rule files: the
    # run then reads only the rule set it checks with, not hd05 for an hd36 document.
    return cached("periods", "hd36 hd05", _periods_fresh)


def _periods_fresh() -> tuple[Periods, dict[str, str]]:
    sources: dict[str, str] = {}
    hd36_from, hd36_until = _x007("hd36", sources)
    hd05_from, _ = _x007("hd05", sources)
    if hd36_from is None or hd36_until is None or hd05_from is None:
        raise LookupError("X007 of the built-in hd36/hd05 rule sets lacks a bound: --ruleset auto needs both periods")
    return Periods(hd36_from, hd36_until, hd05_from), sources


def _x007(name: str, sources: dict[str, str]) -> tuple[date | None, date | None]:
    from thethuc.ruleset import load_with_sources  # the package imports this module lazily; keep it one way

    ruleset, read = load_with_sources(name)
    sources.update(read)
    rule = ruleset.get("X007")
    if rule is None:
        raise LookupError(f"the built-in {name} rule set has no X007: --ruleset auto needs its period")
    return rule.params.start, rule.params.until


def _short(day: date) -> str:
    """The date as the English reasons write it: nothing padded (3/4/2018)."""
    return f"{day.day}/{day.month}/{day.year}"


def vn_date(day: date) -> str:
    """The date the way the guidelines write one: day padded, months 1–2 padded (03/4/2018, 05/02/2026)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def in_force(day: date) -> str:
    """The Party guideline that governs a document issued on ``day``."""
    return "hd05" if day >= periods().hd05_from else "hd36"


def _period_name(first: date, last: date) -> Text:
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return Text(f"năm {first.year}", f"{first.year}")
    return Text(f"tháng {first.month}/{first.year}", f"{first.month}/{first.year}")


def _by_period(first: date, last: date, today: date) -> tuple[str, Text]:
    """A draft whose day (or day and month) is left blank: the month or year places it."""
    when = _period_name(first, last)
    hd05_from = periods().hd05_from
    since_vi, since_en = vn_date(hd05_from), _short(hd05_from)
    if first >= hd05_from:
        return "hd05", Text(
            vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), từ {since_vi} trở đi: áp dụng Hướng dẫn 05-HD/VPTW",
            en=f"Party document dated {when.en} (day left blank), on or after {since_en}: "
               "Guideline 05-HD/VPTW applies")
    if last < hd05_from:
        return "hd36", Text(
            vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), trước {since_vi}: áp dụng Hướng dẫn 36-HD/VPTW",
            en=f"Party document dated {when.en} (day left blank), before {since_en}: Guideline 36-HD/VPTW applies")
    name = in_force(today)
    guideline = "Hướng dẫn 05-HD/VPTW" if name == "hd05" else "Hướng dẫn 36-HD/VPTW"
    en_guideline = "Guideline 05-HD/VPTW" if name == "hd05" else "Guideline 36-HD/VPTW"
    return name, Text(
        vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), có thể trước hoặc sau {since_vi}: kiểm tra theo "
           f"hướng dẫn đang có hiệu lực hôm nay, {guideline}; dùng --ruleset để chọn khác",
        en=f"Party document dated {when.en} (day left blank), before or after {since_en}: checked against the "
           f"guideline in force today, {en_guideline}; use --ruleset to choose another")


def _undated(today: date) -> tuple[str, Text]:
    """No readable date at all: a document drafted today follows the guideline in force today."""
    hd05_from = periods().hd05_from
    if in_force(today) == "hd05":
        return "hd05", Text(
            vi="Không đọc được ngày ban hành: kiểm tra theo hướng dẫn đang có hiệu lực hôm nay, Hướng dẫn "
               f"05-HD/VPTW; văn bản ban hành trước {vn_date(hd05_from)} dùng --ruleset hd36",
            en="No issue date could be read: checked against the guideline in force today, Guideline "
               f"05-HD/VPTW; for a document issued before {_short(hd05_from)} use --ruleset hd36")
    return "hd36", Text(
        vi="Không đọc được ngày ban hành: kiểm tra theo hướng dẫn đang có hiệu lực hôm nay, Hướng dẫn 36-HD/VPTW",
        en="No issue date could be read: checked against the guideline in force today, Guideline 36-HD/VPTW")


def choose(rec: Recognised, today: date | None = None) -> tuple[str, Text]:
    """The rule set name for ``rec`` and the reason, in both report languages (``today`` for tests)."""
    if rec.family == "state":
        return "nd30", _state_reason(rec)
    issued = rec.issue_date
    if issued is None:
        today = today or date.today()
        if rec.issue_period is not None:
            return _by_period(*rec.issue_period, today)
        return _undated(today)
    bounds = periods()
    if issued >= bounds.hd05_from:
        return "hd05", Text(
            vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, từ {vn_date(bounds.hd05_from)} trở đi: "
               "áp dụng Hướng dẫn 05-HD/VPTW",
            en=f"Party document issued on {vn_date(issued)}, on or after {_short(bounds.hd05_from)}: "
               "Guideline 05-HD/VPTW applies")
    if issued >= bounds.hd36_from:
        return "hd36", Text(
            vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, trong thời gian "
               f"{vn_date(bounds.hd36_from)}–{vn_date(bounds.hd36_until)}: áp dụng Hướng dẫn 36-HD/VPTW",
            en=f"Party document issued on {vn_date(issued)}, between {_short(bounds.hd36_from)} and "
               f"{_short(bounds.hd36_until)}: Guideline 36-HD/VPTW applies")
    return "hd36", Text(
        vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, trước khi Hướng dẫn 36-HD/VPTW có hiệu lực "
           f"({vn_date(bounds.hd36_from)}): kiểm tra theo HD36, hướng dẫn cũ nhất công cụ có",
        en=f"Party document issued on {vn_date(issued)}, before Guideline 36-HD/VPTW took effect "
           f"({_short(bounds.hd36_from)}): checked against HD36, the oldest guideline the tool knows")


def _state_reason(rec: Recognised) -> Text:
    # Name only the evidence actually on page 1, so a clerk can see why (and spot a wrong choice).
    seen = [f"«{p.text.strip()}»" for p in rec.paragraphs_with("quoc_hieu")[:1]]
    seen += ["«Số:»" for p in rec.paragraphs_with("so_ky_hieu")[:1] if "Số:" in p.text.replace(" :", ":")]
    seen += [f"«{p.text.split()[0]}»" for p in rec.paragraphs_with("tham_quyen_ky")[:1]
             if p.text.split() and p.text.split()[0] in _STATE_AUTHORITY]
    if not seen:
        return Text(vi="Văn bản hành chính nhà nước (nhận diện theo thể thức): áp dụng Nghị định 30/2020/NĐ-CP",
                    en="State administrative document (by its layout): Decree 30/2020/NĐ-CP applies")
    evidence = ", ".join(seen)
    return Text(vi=f"Văn bản hành chính nhà nước (có {evidence}): áp dụng Nghị định 30/2020/NĐ-CP",
                en=f"State administrative document ({evidence} found): Decree 30/2020/NĐ-CP applies")


_STATE_AUTHORITY = frozenset({"TM.", "KT.", "TL.", "TUQ.", "Q."})
