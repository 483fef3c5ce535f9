"""Every property name and value as the reports word it, in Vietnamese and English.

Check kinds build ``expected``/``actual`` texts only through these functions, so a clerk sees
the same words ("cỡ chữ 14", "đậm", "căn giữa") whatever rule fired.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from thethuc.model import Text

# property → (vi template, en template); "{v}" is the value phrase.
NUMERIC: dict[str, tuple[str, str]] = {
    "size_pt": ("cỡ chữ {v}", "size {v} pt"),
    "first_line_indent_mm": ("thụt đầu dòng {v} mm", "first-line indent {v} mm"),
    "spacing_pt": ("khoảng cách đoạn (trước + sau) {v} pt", "paragraph spacing (before + after) {v} pt"),
    "exact_pt": ("giãn dòng chính xác {v} pt", "line spacing exactly {v} pt"),
    "multiple": ("giãn dòng {v} dòng", "line spacing {v} lines"),
    "margin_top": ("lề trên {v} mm", "top margin {v} mm"),
    "margin_bottom": ("lề dưới {v} mm", "bottom margin {v} mm"),
    "margin_left": ("lề trái {v} mm", "left margin {v} mm"),
    "margin_right": ("lề phải {v} mm", "right margin {v} mm"),
    "margin_inside": ("lề trong (lề gáy) {v} mm", "inside margin {v} mm"),
    "margin_outside": ("lề ngoài {v} mm", "outside margin {v} mm"),
    "width_mm": ("dài {v} mm", "{v} mm long"),
}

# property → value → (vi, en)
VALUES: dict[str, dict[object, tuple[str, str]]] = {
    "bold": {True: ("đậm", "bold"), False: ("không đậm", "not bold")},
    "italic": {True: ("nghiêng", "italic"), False: ("đứng (không nghiêng)", "upright")},
    "underline": {True: ("gạch chân", "underlined"), False: ("không gạch chân", "not underlined")},
    "case": {
        "upper": ("in hoa", "capitals"),
        "lower": ("in thường", "lower case"),
        "not-upper": ("không in hoa toàn bộ", "not all capitals"),
        "starts-lower": ("bắt đầu bằng chữ thường", "starting with a lower-case letter"),
        "has-lower": ("có chữ thường", "has lower-case letters"),
        "has-upper": ("có chữ hoa", "has capitals"),
        "all-upper": ("in hoa toàn bộ", "all capitals"),
        "starts-upper": ("bắt đầu bằng chữ hoa", "starting with a capital"),
    },
    "align": {
        "center": ("căn giữa", "centred"), "justify": ("căn đều hai lề", "justified"),
        "left": ("căn trái", "left-aligned"), "right": ("căn phải", "right-aligned"),
        "distribute": ("dàn đều", "distributed"), "both": ("căn đều hai lề", "justified"),
    },
    "color": {"auto": ("màu tự động", "automatic colour"), "000000": ("màu đen", "black")},
    "orientation": {"portrait": ("khổ dọc", "portrait"), "landscape": ("khổ ngang", "landscape")},
}

PROPERTY_NAMES: dict[str, tuple[str, str]] = {
    "size_pt": ("cỡ chữ", "font size"), "bold": ("chữ đậm", "bold"), "italic": ("chữ nghiêng", "italic"),
    "underline": ("gạch chân", "underline"), "case": ("kiểu chữ hoa/thường", "letter case"),
    "align": ("căn lề đoạn", "alignment"), "first_line_indent_mm": ("thụt đầu dòng", "first-line indent"),
    "spacing_pt": ("khoảng cách đoạn", "paragraph spacing"), "line_spacing": ("giãn dòng", "line spacing"),
    "color": ("màu chữ", "text colour"), "starts_with": ("phần đầu", "beginning"),
    "not_starts_with": ("phần đầu", "beginning"), "ends_with": ("dấu cuối", "ending"),
    "font": ("phông chữ", "font"),
}

OR = Text(" hoặc ", " or ")
AND = Text(" và ", " and ")


def number(value: float, lang: str = "vi", digits: int = 1) -> str:
    """``12.7`` → ``12,7`` (vi) / ``12.7`` (en); whole numbers without decimals."""
    text = f"{round(value, digits):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "vi" else text


def numeric(prop: str, value: float, digits: int = 1) -> Text:
    vi, en = NUMERIC[prop]
    return Text(vi.format(v=number(value, "vi", digits)), en.format(v=number(value, "en", digits)))


def numeric_phrase(prop: str, vi_value: str, en_value: str) -> Text:
    vi, en = NUMERIC[prop]
    return Text(vi.format(v=vi_value), en.format(v=en_value))


def value(prop: str, val: object) -> Text:
    """The words for one value of an enumerated property (colours fall back to the RGB code)."""
    table = VALUES.get(prop, {})
    if val in table:
        vi, en = table[val]
        return Text(vi, en)
    if prop == "color":
        return Text(f"màu {val}", f"colour {val}")
    return Text(str(val), str(val))


def quoted(text: str) -> Text:
    return Text(f"«{text}»", f"“{text}”")


def join(parts: Iterable[Text], sep: Text = OR) -> Text:
    items = list(parts)
    return Text(sep.vi.join(p.vi for p in items), sep.en.join(p.en for p in items))


def either(prop: str, values: Sequence[object]) -> Text:
    return join(value(prop, v) for v in values)


def prefixed(vi: str, en: str, inner: Text) -> Text:
    """``prefixed("bắt đầu bằng", "starts with", quoted("- "))``."""
    return Text(f"{vi} {inner.vi}", f"{en} {inner.en}")


def ending(text: str, wanted: Iterable[str] = ()) -> Text:
    """How a line ends, as a person says it: "kết thúc bằng «;»" for a punctuation mark, but
    "không có dấu chấm cuối" when it simply stops on a letter ("kết thúc bằng «y»" said nothing)."""
    last = text.rstrip()[-1:]
    if last and unicodedata.category(last)[0] in "PS":
        return prefixed("kết thúc bằng", "ends with", quoted(last))
    if tuple(wanted) == (".",):
        return Text("không có dấu chấm cuối", "no full stop at the end")
    return Text("không có dấu câu cuối", "no punctuation at the end")


def plain(vi: str, en: str) -> Text:
    return Text(vi, en)


def mm(value_mm: float) -> Text:
    return Text(f"{number(value_mm, 'vi')} mm", f"{number(value_mm, 'en')} mm")


def paper(width_mm: float, height_mm: float, name: str | None = None) -> Text:
    size_vi = f"{number(width_mm, 'vi', 0)}×{number(height_mm, 'vi', 0)} mm"
    size_en = f"{number(width_mm, 'en', 0)}×{number(height_mm, 'en', 0)} mm"
    if name:
        return Text(f"khổ {name} ({size_vi})", f"{name} ({size_en})")
    return Text(f"khổ {size_vi}", size_en)


def sections(indexes: Sequence[int]) -> Text:
    listed = ", ".join(str(i + 1) for i in indexes)
    return Text(f"phần (section) {listed}", f"section {listed}")


def count(n: int, vi_noun: str, en_noun: str) -> Text:
    return Text(f"{n} {vi_noun}", f"{n} {en_noun}{'' if n == 1 else 's'}")
