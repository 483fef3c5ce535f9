"""Walk the audited folders: the Word files to check and the old formats to list or convert.

A walk is lazy and sorted per folder, so two runs see files in the same order.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from thethuc.discover import CONVERTIBLE, wanted
from thethuc.records import dataclass

__all__ = ["CONVERTIBLE", "AuditedFile", "walk"]

Kind = Literal["check", "convert"]


@dataclass(frozen=True, slots=True)
class AuditedFile:
    """One file found under an audited root."""

    path: str  # absolute: the journal key, and what workers (maybe on other machines) open
    display: str  # as the user wrote the root, joined with the path below it
    folder: str  # the top-level folder it is summarised under
    size: int
    mtime_ns: int
    kind: Kind

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1].lower()


def _kind(name: str) -> Kind | None:
    if wanted(name):  # the same choice as `thethuc check` (skips ~$ owner files, ._ forks)
        return "check"
    if not name.startswith(("~$", ".")) and os.path.splitext(name)[1].lower() in CONVERTIBLE:
        return "convert"
    return None


def _top_folder(root_display: str, rel_parts: tuple[str, ...]) -> str:
    """``archive/2019/a/x.docx`` under root ``archive`` is summarised under ``archive/2019``."""
    if len(rel_parts) <= 1:
        return root_display
    return os.path.join(root_display, rel_parts[0])


def _candidate(path: str, display: str, folder: str, kind: Kind) -> AuditedFile:
    try:
        st = os.stat(path)
    except OSError:
        # Vanished between listing and stat, or a dangling link: let the checker report it.
        return AuditedFile(os.path.abspath(path), display, folder, 0, 0, kind)
    return AuditedFile(os.path.abspath(path), display, folder, st.st_size, st.st_mtime_ns, kind)


def _walk_dir(root: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(path, parts relative to root) of every file below ``root``, sorted, hidden folders skipped."""
    stack: list[tuple[str, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith("."):
                    subdirs.append((entry.path, (*rel, entry.name)))
            elif entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path)):
                # A link to a missing file is listed, as `check` lists it: the checker then says
                # the file cannot be read, instead of the file vanishing from the audit.
                yield entry.path, (*rel, entry.name)
        stack.extend(reversed(subdirs))


def walk(roots: Iterable[str]) -> Iterator[AuditedFile]:
    """Every checkable or convertible file under ``roots`` (folders or single files), once each."""
    seen: set[str] = set()
    for root in roots:
        root_display = root.rstrip("/\\") or root
        if os.path.isdir(root):
            found: Iterator[tuple[str, tuple[str, ...]]] = _walk_dir(root)
        else:
            found = iter([(root, (Path(root).name,))])
            root_display = os.path.dirname(root) or "."
        for path, rel in found:
            kind = _kind(rel[-1])
            if kind is None and len(rel) == 1 and not os.path.isdir(root):
                kind = "check"  # a file named explicitly is checked whatever its name
            if kind is None:
                continue
            key = os.path.realpath(path)
            if key in seen:  # overlapping roots or links: each file once
                continue
            seen.add(key)
            display = path if not os.path.isdir(root) else os.path.join(root_display, *rel)
            # Interned: thousands of files share a handful of top-level folder names.
            yield _candidate(path, display, sys.intern(_top_folder(root_display, rel)), kind)
