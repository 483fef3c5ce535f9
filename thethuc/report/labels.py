"""The words reporters share, in Vietnamese and English: severities, places, provenance, tallies.

Kept apart from any one format so text, SARIF, GitHub and JUnit reporters say the same thing.
"""
from __future__ import annotations

from thethuc.model import Finding, Location, Text
from thethuc.roles import role_name

SEVERITY_WORDS: dict[str, Text] = {
    "error": Text("lỗi", "error"),
    "warning": Text("cảnh báo", "warning"),
    "info": Text("thông tin", "info"),
}

PART_WORDS: dict[str, Text] = {
    "document": Text("văn bản", "document"),
    "header": Text("đầu trang", "header"),
    "footer": Text("chân trang", "footer"),
    "footnotes": Text("chú thích cuối trang", "footnotes"),
    "endnotes": Text("chú thích cuối văn bản", "endnotes"),
    "comments": Text("nhận xét", "comments"),
}

_SOURCE_WORDS: dict[str, Text] = {
    "direct": Text("định dạng trực tiếp", "direct formatting"),
    "docDefaults": Text("mặc định tài liệu", "document defaults"),
    "numbering": Text("từ định dạng đánh số", "from the list numbering"),
    "default": Text("mặc định của Word", "Word's built-in default"),
}

ALSO_SHOWN = 8  # further paragraphs listed by number before "…"
EXCERPT_CHARS = 60


def severity_label(severity: str, lang: str) -> str:
    return SEVERITY_WORDS[severity].get(lang) if severity in SEVERITY_WORDS else severity


def element_name(role: str | None, lang: str) -> str:
    """A finding's element as the report names it (thethuc.roles); empty for a document-level finding."""
    return role_name(role).get(lang) if role else ""


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """One line of at most ``limit`` characters, so a long paragraph does not swamp the report."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _part(loc: Location, lang: str) -> str:
    word = PART_WORDS[loc.part].get(lang) if loc.part in PART_WORDS else loc.part
    if loc.part in ("header", "footer"):
        # A document has several headers (first page, default, even): name the one meant.
        stem = loc.part_name.rsplit("/", 1)[-1].removesuffix(".xml")
        word = f"{word} {stem}"
    return word


def location_text(loc: Location, lang: str) -> str:
    """"văn bản, đoạn 3, dòng 2, bảng 1 hàng 1 cột 2" — lines (of a paragraph holding several elements),
    tables, rows and columns shown 1-based."""
    en = lang == "en"
    parts = [_part(loc, lang), f"{'paragraph' if en else 'đoạn'} {loc.paragraph}"]
    if loc.line is not None:
        parts.append(f"{'line' if en else 'dòng'} {loc.line}")
    if loc.table is not None:
        t, r, c = (n + 1 for n in loc.table)
        parts.append(f"table {t} row {r} column {c}" if en else f"bảng {t} hàng {r} cột {c}")
    if loc.textbox:
        parts.append("in a text box" if en else "trong hộp văn bản")
    return ", ".join(parts)


def also_text(also: tuple[Location, ...], lang: str) -> str:
    """"và 3 đoạn khác (5, 7, 9)" for the further paragraphs of a one-cause finding."""
    if not also:
        return ""
    shown = [str(loc.paragraph) if loc.part == "document" else f"{_part(loc, lang)} {loc.paragraph}"
             for loc in also[:ALSO_SHOWN]]
    listing = ", ".join(shown) + (", …" if len(also) > ALSO_SHOWN else "")
    n = len(also)
    if lang == "en":
        return f"and {n} more paragraph{'s' if n != 1 else ''} ({listing})"
    return f"và {n} đoạn khác ({listing})"


def source_text(source: str | None, lang: str) -> str:
    """Where a value came from, e.g. "style:Normal/theme:minorHAnsi" → "từ kiểu Normal, phông chủ đề minorHAnsi"."""
    if not source:
        return ""
    layer, _, theme = source.partition("/theme:")
    if layer in _SOURCE_WORDS:
        words = _SOURCE_WORDS[layer].get(lang)
    elif layer.startswith("table-style:"):
        name = layer.removeprefix("table-style:")
        words = f"table style {name}" if lang == "en" else f"kiểu bảng {name}"
    elif layer.startswith("style:"):
        name = layer.removeprefix("style:")
        words = f"from style {name}" if lang == "en" else f"từ kiểu {name}"
    else:
        words = layer
    if theme:
        words += f", theme font {theme}" if lang == "en" else f", phông chủ đề {theme}"
    return words


def detail_text(finding: Finding, lang: str) -> str:
    """What was found and what is expected: "cỡ chữ 14, yêu cầu 15 (từ kiểu Normal)"."""
    actual = finding.actual.get(lang) if finding.actual else ""
    if actual and _same_words(actual, finding.message.get(lang)):
        actual = ""  # "Trang 1 có số trang — trang 1 có số trang": the message already says it
    expected = finding.expected.get(lang) if finding.expected else ""
    want = ("expected " if lang == "en" else "yêu cầu ") + expected if expected else ""
    text = ", ".join(s for s in (actual, want) if s)
    # Provenance only explains a found value; without one it would dangle.
    origin = source_text(finding.source, lang) if actual else ""
    return f"{text} ({origin})" if origin else text


def _same_words(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.casefold().strip(" .;:").split())

    return norm(a) == norm(b)


def _n(count: int, vi: str, en: str, lang: str, en_plural: str | None = None) -> str:
    if lang == "en":
        return f"{count} {en if count == 1 else (en_plural or en + 's')}"
    return f"{count} {vi}"


def tally_text(by_severity: dict[str, int], lang: str) -> str:
    """"4 lỗi, 2 cảnh báo" — info is named only when there is some, as most runs have none."""
    parts = [_n(by_severity.get("error", 0), "lỗi", "error", lang),
             _n(by_severity.get("warning", 0), "cảnh báo", "warning", lang)]
    if by_severity.get("info", 0):
        parts.append(_n(by_severity["info"], "thông tin", "info", lang, en_plural="info"))
    return ", ".join(parts)


def run_summary_text(files: int, passed: int, failed: int, unreadable: int,
                     by_severity: dict[str, int], suppressed: int, lang: str,
                     passed_with_warnings: int = 0, passed_with_info: int = 0) -> str:
    """"3 tệp, 2 đạt (1 có cảnh báo), 1 không đạt: 4 lỗi, 2 cảnh báo" (+ unreadable and suppressed
    when any). "đạt" follows --fail-on, as in ``audit``; a passing file with warnings or only
    information is said as such rather than counted with the clean ones silently."""
    notes = [_n(passed_with_warnings, "có cảnh báo", "with warnings", lang, en_plural="with warnings")
             for _ in range(bool(passed_with_warnings))]
    notes += [_n(passed_with_info, "chỉ có thông tin", "with information only", lang,
                 en_plural="with information only") for _ in range(bool(passed_with_info))]
    passed_text = _n(passed, "đạt", "passed", lang, en_plural="passed")
    parts = [_n(files, "tệp", "file", lang), passed_text + (f" ({', '.join(notes)})" if notes else ""),
             _n(failed, "không đạt", "failed", lang, en_plural="failed")]
    if unreadable:
        parts.append(_n(unreadable, "không đọc được", "unreadable", lang, en_plural="unreadable"))
    text = ", ".join(parts) + ": " + tally_text(by_severity, lang)
    if suppressed:
        text += f" ({suppressed} suppressed)" if lang == "en" else f" ({suppressed} bị bỏ qua)"
    return text
