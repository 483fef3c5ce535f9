"""Kind ``fonts``: the typeface of every font slot the text uses, and pre-Unicode Vietnamese.

Keys: ``check`` (``slots``: each run's characters use slots whose font is ``font``; ``legacy``:
no font matching ``legacy_fonts`` globs and no TCVN3/VNI mojibake words), ``font``,
``legacy_fonts``, ``min_words`` (mojibake words needed to report, default 2). Word draws a
character with one of four slots (ascii, hAnsi, eastAsia, cs); Vietnamese letters use hAnsi, so a
run reporting "Times New Roman" in ascii may still render its Vietnamese in Arial.
"""
from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterator

from thethuc.checks.common import Deviation, group, make_finding
from thethuc.checks.memo import visible_runs
from thethuc.memo import per_document
from thethuc.model import Finding, FontSlot, Paragraph, Recognised, Run, Text
from thethuc.records import dataclass
from thethuc.ruleset.nodes import as_int, as_str, as_str_list
from thethuc.ruleset.params import choice, param, params_parser
from thethuc.ruleset.types import Rule

# Latin-1 characters that never occur in Unicode Vietnamese but stand for Vietnamese letters in
# TCVN3 (.VnTime: "§¶ng" = "Đảng", "ViÖt" = "Việt") and VNI ("Ñaûng" = "Đảng").
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_SUSPECT = "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1 and c not in (0xD7, 0xF7))
_MOJIBAKE_WORD = re.compile(f"(?:[A-Za-z][{re.escape(_SUSPECT)}]|[{re.escape(_SUSPECT)}][A-Za-z])")
# Either alternative holds a suspect character: Unicode text has none, and one character class is
# scanned about seven times faster than the alternation tried at every position (P008 reads every
# paragraph).
_SUSPECT_CHAR = re.compile(f"[{re.escape(_SUSPECT)}]")


@dataclass(frozen=True, slots=True)
class Params:
    """The keys of a ``fonts`` rule: the typeface of every font slot the text uses (``slots``), or no legacy
    TCVN3/VNI fonts and text (``legacy``). ``check`` picks the variant; each reads its own keys (another
    variant's are not read)."""

    check: str = param(choice("slots", "legacy"))
    font: str = param(as_str, "Times New Roman", required=True, for_check=("slots",))
    legacy_fonts: tuple[str, ...] = param(as_str_list, (), required=True, for_check=("legacy",))
    min_words: int = param(as_int, 2, for_check=("legacy",))
    # globs left to another rule (legacy fonts: P008)
    ignore_fonts: tuple[str, ...] = param(as_str_list, (), for_check=("slots",))


parse = params_parser(Params, "fonts")


def slot_of(char: str) -> FontSlot:
    """The rFonts slot Word uses for a character (ECMA-376 §17.3.2.26, without w:hint)."""
    code = ord(char)
    if code < 0x80:
        return "ascii"
    if 0x0590 <= code <= 0x08FF or 0x0E00 <= code <= 0x0E7F or 0x0900 <= code <= 0x0DFF:
        return "cs"
    if (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x3000 <= code <= 0x303F):
        return "eastAsia"
    return "hAnsi"


# ``slot_of``'s ranges as character classes, spaces excluded (``\s`` is ``str.isspace``): a regex
# finds each slot's first character in C instead of classifying every character in Python.
_SLOT_RANGES: tuple[tuple[FontSlot, str], ...] = (
    ("ascii", "\x00-\x7f"),
    ("cs", "\u0590-\u0e7f"),
    ("eastAsia", "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"),
    ("hAnsi", "\x80-\u058f\u0e80-\u2e7f\ua000-\uabff\ud7b0-\uf8ff\ufb00-\ufeff\ufff0-\U0010ffff"),
)
_SLOT_CLASSES: tuple[tuple[FontSlot, re.Pattern[str]], ...] = tuple(
    (slot, re.compile(f"(?!\\s)[{ranges}]")) for slot, ranges in _SLOT_RANGES)


@functools.lru_cache(maxsize=2048)  # both fonts rules ask for every run's slots
def slots_used(text: str) -> tuple[FontSlot, ...]:
    """Slots in order of first use (the order ``slot_of`` over the characters gives)."""
    if text.isascii():
        return ("ascii",) if not text.isspace() and text else ()
    firsts = []
    for slot, pattern in _SLOT_CLASSES:
        found = pattern.search(text)
        if found is not None:
            firsts.append((found.start(), slot))
    return tuple(slot for _, slot in sorted(firsts))


@functools.lru_cache(maxsize=1024)  # a document has a handful of font names, asked per run
def _matches(font: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(font.casefold(), g.casefold()) for g in globs)


def _all_runs(rec: Recognised) -> Iterator[tuple[Paragraph, Run]]:
    for paragraph in rec.doc.paragraphs:
        for run in visible_runs(paragraph):
            yield paragraph, run


@per_document  # both fonts rules judge the document's few font combinations, not its every run
def _font_sets(rec: Recognised) -> frozenset[tuple[str | None, ...]]:
    """The distinct (ascii, hAnsi, eastAsia, cs) fonts of the visible runs."""
    return frozenset(_fonts_of(run) for _, run in _all_runs(rec))


# Old templates name a face of the family as a font ("Times New Roman Bold"). Word's font table has
# no such family, so another machine may substitute it: still a finding, but one that names the fix.
_FACES: dict[str, Text] = {
    "bold": Text("chữ đậm", "bold"), "italic": Text("chữ nghiêng", "italic"),
    "bold italic": Text("chữ đậm nghiêng", "bold italic"), "regular": Text("chữ thường", "regular"),
}


def face_variant(name: str, family: str) -> Text | None:
    """The face a font name adds to ``family`` (``Times New Roman Bold`` → bold), or None."""
    head, _, face = name.casefold().partition(family.casefold())
    return _FACES.get(face.strip()) if not head and face.startswith(" ") else None


def _variant_detail(name: str, family: str, face: Text) -> Text:
    return Text(f"tên phông «{name}» là biến thể của {family}, hãy chọn {family} và dùng {face.vi}",
                f"the font name “{name}” is a face of {family}: choose {family} and make the text {face.en}")


@functools.lru_cache(maxsize=1024)
def _all_fonts_are(fonts: tuple[str | None, ...], wanted: str, ignore: tuple[str, ...]) -> bool:
    """Every slot's font is the wanted one (or left to another rule): the run cannot deviate,
    whatever slots its characters use."""
    return all((f or "?").casefold() == wanted or _matches(f or "", ignore) for f in fonts)


def _fonts_of(run: Run) -> tuple[str | None, ...]:
    return run.font_ascii.value, run.font_hansi.value, run.font_east_asia.value, run.font_cs.value


def _slot_deviations(params: Params, rec: Recognised) -> Iterator[Deviation]:
    wanted = params.font.casefold()
    if all(_all_fonts_are(fonts, wanted, params.ignore_fonts) for fonts in _font_sets(rec)):
        return  # the usual document: no run can deviate, so its runs need not be visited
    reported: set[tuple[int, str, str]] = set()  # one paragraph is listed once per cause, not per slot or run
    for paragraph, run in _all_runs(rec):
        if _all_fonts_are(_fonts_of(run), wanted, params.ignore_fonts):
            continue  # the common case, decided without classifying the run's characters
        for slot in slots_used(run.text):
            font = run.font(slot)
            shown = font.value or "?"
            cause = (paragraph.index, shown, font.source)
            if shown.casefold() != wanted and not _matches(font.value or "", params.ignore_fonts) \
                    and cause not in reported:
                reported.add(cause)
                face = face_variant(shown, params.font)
                # One cause (a theme font, a style) usually covers several slots: group by it.
                yield Deviation(("slot", shown, font.source), paragraph,
                                Text(f"phông {params.font}", f"font {params.font}"),
                                Text(f"phông {shown} (vùng ký tự {slot})", f"font {shown} ({slot} slot)"), font.source,
                                _variant_detail(shown, params.font, face) if face else None)


@functools.lru_cache(maxsize=1024)
def _any_font_matches(fonts: tuple[str | None, ...], globs: tuple[str, ...]) -> bool:
    return any(_matches(f or "", globs) for f in fonts)


def _legacy_font_deviations(params: Params, rec: Recognised) -> Iterator[Deviation]:
    if not any(_any_font_matches(fonts, params.legacy_fonts) for fonts in _font_sets(rec)):
        return  # no run names a legacy font
    for paragraph, run in _all_runs(rec):
        if not _any_font_matches(_fonts_of(run), params.legacy_fonts):
            continue
        for slot in slots_used(run.text):
            font = run.font(slot)
            name = font.value or ""
            if _matches(name, params.legacy_fonts):
                yield Deviation(("font", name), paragraph, Text("phông Unicode (TCVN 6909:2001)", "a Unicode font"),
                                Text(f"phông cũ {name}", f"legacy font {name}"), font.source,
                                Text("phông chữ trước Unicode", "pre-Unicode font"))


def mojibake_words(text: str) -> list[str]:
    if not _SUSPECT_CHAR.search(text) or not _MOJIBAKE_WORD.search(text):  # no word can match when the text does not
        return []
    return [word for word in text.split() if _MOJIBAKE_WORD.search(word)]


def _mojibake(rule: Rule, params: Params, rec: Recognised,
              explained: frozenset[int] = frozenset()) -> Iterator[Finding]:
    """TCVN3/VNI text; paragraphs in ``explained`` are already reported for their legacy font
    (a .VnTime body typed in TCVN3 is one cause, one finding)."""
    hits = [(p, mojibake_words(p.text)) for p in rec.doc.paragraphs if p.index not in explained]
    hits = [(p, words) for p, words in hits if words]
    total = sum(len(words) for _, words in hits)
    if total < params.min_words:
        return
    sample = " ".join(w for _, words in hits for w in words)[:40]
    yield make_finding(rule, rec, hits[0][0], expected=Text("chữ Việt Unicode", "Unicode Vietnamese text"),
                       actual=Text(f"chữ mã cũ (TCVN3/VNI): «{sample}»",
                                   f"legacy-encoded text (TCVN3/VNI): “{sample}”"),
                       also=tuple(p.location for p, _ in hits[1:]),
                       detail=Text("văn bản gõ bằng bảng mã cũ", "text typed in a legacy encoding"))


def check(rule: Rule, params: Params, rec: Recognised) -> Iterator[Finding]:
    if params.check == "slots":
        yield from group(rule, rec, _slot_deviations(params, rec))
        return
    fonts = list(_legacy_font_deviations(params, rec))
    yield from group(rule, rec, fonts)
    yield from _mojibake(rule, params, rec, frozenset(d.paragraph.index for d in fonts if d.paragraph is not None))

