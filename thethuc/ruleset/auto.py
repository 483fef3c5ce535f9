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
ND30_FROM = date(2020, 3, 5)


def vn_date(day: date) -> str:
    """The date the way the guidelines write one: day padded, months 1–2 padded (03/4/2018, 05/02/2026)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def choose(rec: Recognised) -> tuple[str, Text]:
    """The rule set name for ``rec`` and the reason, in both report languages."""
    if rec.family == "state":
        return "nd30", _state_reason(rec)
    issued = rec.issue_date
    if issued is None:
        return "hd36", Text(
            vi="Không đọc được ngày ban hành: kiểm tra theo HD36 (Hướng dẫn 36-HD/VPTW); "
               "văn bản ban hành từ 27/5/2026 trở đi dùng --ruleset hd05",
            en="No issue date could be read: checked against HD36 (Guideline 36-HD/VPTW); "
               "for a document issued on or after 27/5/2026 use --ruleset hd05")
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
