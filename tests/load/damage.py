"""Damage real .docx XML the way broken producers and careless edits do, for the robustness tests.

Each damage is a pure function of (part bytes, a random source): garbage attribute values, a deleted
or duplicated element, a ``basedOn`` cycle, a dangling ``numId``, tables nested deep. The property
test (test_damaged_xml.py) holds that ``check`` never turns one of them into an internal error.
"""
from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GARBAGE = ("1e309", "-1e309", "abc", "-5", "nan", "inf", "", "0", "99999999999999999999999", "1.5e10",
           "-0", " 7 ", "ＡＢ", "0x1F", "1e-400")
PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def garbage_attribute(root: etree._Element, rng: random.Random) -> None:
    """Replace one attribute value (w:sz, w:val, w:w, w:left …) with garbage."""
    candidates = [(el, name) for el in root.iter() if isinstance(el.tag, str) for name in el.attrib]
    if candidates:
        el, name = rng.choice(candidates)
        el.set(name, rng.choice(GARBAGE))


_PROPERTY_PARENTS = frozenset(_w(n) for n in ("rPr", "pPr", "sectPr", "tblPr", "tcPr", "trPr", "lvl", "numPr",
                                                "spacing", "ind", "tblGrid", "pgSz", "pgMar"))


def garbage_property(root: etree._Element, rng: random.Random) -> None:
    """Replace one formatting value (``w:sz``, ``w:spacing/@w:line``, ``w:pgSz/@w:w``, ``w:ilvl`` …)."""
    candidates = [(el, name) for el in root.iter() if isinstance(el.tag, str)
                  and el.getparent() is not None and el.getparent().tag in _PROPERTY_PARENTS
                  for name in el.attrib]
    if candidates:
        el, name = rng.choice(candidates)
        el.set(name, rng.choice(GARBAGE))
    else:
        garbage_attribute(root, rng)


def delete_element(root: etree._Element, rng: random.Random) -> None:
    candidates = [el for el in root.iter() if isinstance(el.tag, str) and el.getparent() is not None]
    if candidates:
        el = rng.choice(candidates)
        el.getparent().remove(el)


def duplicate_element(root: etree._Element, rng: random.Random) -> None:
    candidates = [el for el in root.iter() if isinstance(el.tag, str) and el.getparent() is not None]
    if candidates:
        el = rng.choice(candidates)
        parent = el.getparent()
        parent.insert(parent.index(el) + 1, etree.fromstring(etree.tostring(el)))


def circular_based_on(root: etree._Element, rng: random.Random) -> None:
    """Two styles (or one style with itself) based on each other."""
    styles = [el for el in root.iter(_w("style")) if el.get(_w("styleId"))]
    if not styles:
        return
    first, second = rng.choice(styles), rng.choice(styles)
    for style, target in ((first, second), (second, first)):
        for old in style.findall(_w("basedOn")):
            style.remove(old)
        based = etree.SubElement(style, _w("basedOn"))
        based.set(_w("val"), target.get(_w("styleId")))


def dangling_num_id(root: etree._Element, rng: random.Random) -> None:
    """A paragraph pointing at a list instance that does not exist (or at a garbage level)."""
    paragraphs = list(root.iter(_w("p")))
    if not paragraphs:
        return
    p = rng.choice(paragraphs)
    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    numpr = etree.SubElement(ppr, _w("numPr"))
    etree.SubElement(numpr, _w("ilvl")).set(_w("val"), rng.choice(("0", "9", "-1", "1e309", "abc")))
    etree.SubElement(numpr, _w("numId")).set(_w("val"), rng.choice(("999", "abc", "-1", "1e309")))


def deep_tables(root: etree._Element, rng: random.Random, depth: int | None = None) -> None:
    """Tables nested inside one cell of the body, ``depth`` levels deep."""
    body = root.find(_w("body"))
    if body is None:
        return
    levels = depth if depth is not None else rng.choice((3, 12, 60))
    outer = current = etree.Element(_w("tbl"))
    for _ in range(levels):
        cell = etree.SubElement(etree.SubElement(current, _w("tr")), _w("tc"))
        inner = etree.SubElement(cell, _w("tbl"))
        etree.SubElement(cell, _w("p"))
        current = inner
    etree.SubElement(etree.SubElement(etree.SubElement(current, _w("tr")), _w("tc")), _w("p"))
    body.insert(0, outer)


Damage = Callable[[etree._Element, random.Random], None]
DAMAGES: dict[str, Damage] = {
    "garbage": garbage_attribute, "property": garbage_property, "delete": delete_element,
    "duplicate": duplicate_element,
    "based_on": circular_based_on, "num_id": dangling_num_id, "deep": deep_tables,
}


def damage_docx(source: Path, target: Path, seed: int, steps: int = 3) -> list[str]:
    """Copy ``source`` to ``target`` with ``steps`` random damages; returns what was done."""
    rng = random.Random(seed)
    done: list[str] = []
    with zipfile.ZipFile(source) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    roots: dict[str, etree._Element] = {}
    for _ in range(steps):
        present = [name for name in PARTS if name in parts]
        name = rng.choice(present)
        if name not in roots:
            roots[name] = etree.fromstring(parts[name])
        kind = rng.choice(sorted(DAMAGES))
        DAMAGES[kind](roots[name], rng)
        done.append(f"{kind}@{name}")
    for name, root in roots.items():
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return done
