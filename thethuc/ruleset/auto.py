"""``--ruleset auto``: pick hd36, hd05 or nd30 for one recognised document, and say why.

Pure decision on the recogniser's facts (family, issue date), per hd05.md § "Choosing the rule set";
it reads no rule file, so the choice never fails.
"""
from __future__ import annotations

from datetime import date

from thethuc.model import Recognised, Text

# First day each Party guideline governs (hd05.md): HD36 was signed 03/4/2018, HD05 27/5/2026.
HD36_FROM = date(2018, 4, 3)
HD05_FROM = date(2026, 5, 27)
# The last day of HD36 is the eve of HD05; X007 in rules/hd36.yaml uses the same bounds.
HD36_UNTIL = date(2026, 5, 26)


def vn_date(day: date) -> str:
    """The date the way the guidelines write one: day padded, months 1–2 padded (03/4/2018, 05/02/2026)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def in_force(day: date) -> str:
    """The Party guideline that governs a document issued on ``day``."""
    return "hd05" if day >= HD05_FROM else "hd36"


def _period_name(first: date, last: date) -> Text:
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return Text(f"năm {first.year}", f"{first.year}")
    return Text(f"tháng {first.month}/{first.year}", f"{first.month}/{first.year}")


def _by_period(first: date, last: date, today: date) -> tuple[str, Text]:
    """A draft whose day (or day and month) is left blank: the month or year places it."""
    when = _period_name(first, last)
    if first >= HD05_FROM:
        return "hd05", Text(
            vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), từ 27/5/2026 trở đi: áp dụng Hướng dẫn 05-HD/VPTW",
            en=f"Party document dated {when.en} (day left blank), on or after 27/5/2026: "
               "Guideline 05-HD/VPTW applies")
    if last < HD05_FROM:
        return "hd36", Text(
            vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), trước 27/5/2026: áp dụng Hướng dẫn 36-HD/VPTW",
            en=f"Party document dated {when.en} (day left blank), before 27/5/2026: Guideline 36-HD/VPTW applies")
    name = in_force(today)
    guideline = "Hướng dẫn 05-HD/VPTW" if name == "hd05" else "Hướng dẫn 36-HD/VPTW"
    en_guideline = "Guideline 05-HD/VPTW" if name == "hd05" else "Guideline 36-HD/VPTW"
    return name, Text(
        vi=f"Văn bản của Đảng đề {when.vi} (ngày để trống), có thể trước hoặc sau 27/5/2026: kiểm tra theo "
           f"hướng dẫn đang có hiệu lực hôm nay, {guideline}; dùng --ruleset để chọn khác",
        en=f"Party document dated {when.en} (day left blank), before or after 27/5/2026: checked against the "
           f"guideline in force today, {en_guideline}; use --ruleset to choose another")


def _undated(today: date) -> tuple[str, Text]:
    """No readable date at all: a document drafted today follows the guideline in force today."""
    if in_force(today) == "hd05":
        return "hd05", Text(
            vi="Không đọc được ngày ban hành: kiểm tra theo hướng dẫn đang có hiệu lực hôm nay, Hướng dẫn "
               "05-HD/VPTW; văn bản ban hành trước 27/5/2026 dùng --ruleset hd36",
            en="No issue date could be read: checked against the guideline in force today, Guideline "
               "05-HD/VPTW; for a document issued before 27/5/2026 use --ruleset hd36")
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
    if issued >= HD05_FROM:
        return "hd05", Text(
            vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, từ 27/5/2026 trở đi: "
               "áp dụng Hướng dẫn 05-HD/VPTW",
            en=f"Party document issued on {vn_date(issued)}, on or after 27/5/2026: "
               "Guideline 05-HD/VPTW applies")
    if issued >= HD36_FROM:
        return "hd36", Text(
            vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, trong thời gian 03/4/2018–26/5/2026: "
               "áp dụng Hướng dẫn 36-HD/VPTW",
            en=f"Party document issued on {vn_date(issued)}, between 3/4/2018 and 26/5/2026: "
               "Guideline 36-HD/VPTW applies")
    return "hd36", Text(
        vi=f"Văn bản của Đảng ban hành ngày {vn_date(issued)}, trước khi Hướng dẫn 36-HD/VPTW có hiệu lực "
           "(03/4/2018): kiểm tra theo HD36, hướng dẫn cũ nhất công cụ có",
        en=f"Party document issued on {vn_date(issued)}, before Guideline 36-HD/VPTW took effect "
           "(3/4/2018): checked against HD36, the oldest guideline the tool knows")


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
