"""The document-type table (tên loại and type codes), read from ``rules/types/document_types.yaml``.

Types are data: adding a type or a code is an edit of that file, not of Python. The file ships as
package data of ``thethuc.rules`` (the source tree's ``rules/`` when run from a checkout).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from thethuc.records import dataclass

_NAME = "document_types.yaml"


@dataclass(frozen=True, slots=True)
class DocumentType:
    """One row of the document-type table (``rules/types/document_types.yaml``): a tên loại, its type codes
    in Party and state documents, and what its layout holds (a trích yếu, a tên loại line)."""

    name: str  # lower-case NFC, as the tên loại reads ("giấy giới thiệu")
    party: tuple[str, ...]  # type codes in Party documents
    state: tuple[str, ...]  # type codes in state documents (Nghị định 30)
    other: bool  # an administrative paper (giấy tờ hành chính)
    trich_yeu: bool  # its layout has a trích yếu under the tên loại
    ten_loai: bool = True  # a line naming it is read as a tên loại (contracts: no, they are forms)


def _path() -> Path:
    # The package data ``thethuc.rules`` is, installed, the folder rules/ inside the package and, in
    # a checkout (or an editable install), the top-level rules/: both looked up directly, since
    # importlib.resources costs a one-file check ~5 ms of imports; it stays the last resort.
    here = Path(__file__).resolve()
    for folder in (here.parents[1] / "rules", here.parents[2] / "rules"):
        if (folder / "types" / _NAME).is_file():
            return folder / "types" / _NAME
    import importlib.resources

    try:
        candidate = importlib.resources.files("thethuc.rules") / "types" / _NAME
        if candidate.is_file():
            return Path(str(candidate))
    except ModuleNotFoundError:
        pass
    return here.parents[2] / "rules" / "types" / _NAME


def _codes(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(code) for code in entry.get(key) or ())


@functools.cache
def document_types() -> tuple[DocumentType, ...]:
    from thethuc.cache import cached

    # Kept in the user's cache with the file's text (thethuc/cache.py): a run that finds it there
    # does not import yaml (~10 ms of a one-file `thethuc check`).
    path = _path()
    return cached("document-types", str(path), lambda: _read_types(path))


def _read_types(path: Path) -> tuple[tuple[DocumentType, ...], dict[str, str]]:
    import yaml

    text = path.read_text("utf-8")
    # libyaml's loader when PyYAML has it: the pure-Python one takes ~40 ms of `thethuc check one.docx`.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)  # a safe loader, like yaml.safe_load
    out = []
    for name, raw in data["types"].items():
        entry = raw or {}
        out.append(DocumentType(str(name), _codes(entry, "party"), _codes(entry, "state"),
                                bool(entry.get("other", False)), bool(entry.get("trich_yeu", True)),
                                bool(entry.get("ten_loai", True))))
    return tuple(out), {str(path.absolute()): text}


@functools.cache
def type_names() -> tuple[str, ...]:
    """Longest first, so "giấy giới thiệu" is matched before a shorter name it starts with."""
    return tuple(sorted((t.name for t in document_types() if t.ten_loai), key=len, reverse=True))


@functools.cache
def code_types(family: str) -> dict[str, str]:
    """Type code → type name for a family (``party``, ``state``; anything else: both). A code that
    names two types there (Party ``QĐ``: quyết định and quy định) names none."""
    found: dict[str, set[str]] = {}
    for entry in document_types():
        codes = entry.party if family == "party" else entry.state if family == "state" else entry.party + entry.state
        for code in codes:
            found.setdefault(code, set()).add(entry.name)
    return {code: next(iter(names)) for code, names in found.items() if len(names) == 1}


def has_trich_yeu(name: str | None) -> bool:
    return next((t.trich_yeu for t in document_types() if t.name == name), True)
