"""Find the Word files to check among the paths given on the command line (check and audit share it)."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from thethuc.records import dataclass

EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})
# Formats LibreOffice turns into .docx: listed as skipped, or converted with --convert.
CONVERTIBLE = frozenset({".doc", ".odt"})


@dataclass(frozen=True)
class InputFile:
    """A file to check: named on the command line or found below a folder named there."""

    path: Path  # where to open it
    display: str  # as given on the command line, joined with the path below a given folder
    convert: bool = False  # an old .doc/.odt met in a folder, to convert first (--convert)


class PathNotFoundError(Exception):
    """A path on the command line does not exist (a usage error: exit 2)."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(path)


def wanted(name: str) -> bool:
    """A Word file worth opening when met inside a folder."""
    # "~$name.docx" is Word's owner/lock file and "._name.docx" macOS's resource fork:
    # neither is a document, and both sit next to real ones in shared folders.
    if name.startswith(("~$", ".")):
        return False
    return os.path.splitext(name)[1].lower() in EXTENSIONS


def old_format(name: str) -> bool:
    """A .doc/.odt met inside a folder: not checked unless converted (said, never silently dropped)."""
    return not name.startswith(("~$", ".")) and os.path.splitext(name)[1].lower() in CONVERTIBLE


def _walk(root: str, old: bool = False) -> list[str]:
    """Paths below ``root``, relative to it, in a stable order whatever the file system returns;
    with ``old`` the old formats instead of the Word files.

    A link to a missing file is listed like a file (os.walk lists it among the files): the checker
    then says the file cannot be read, as ``audit`` does, instead of skipping it silently.
    """
    pick = old_format if old else wanted
    found: list[tuple[tuple[str, ...], str]] = []
    for here, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, .venv, .Trash …
        rel_dir = os.path.relpath(here, root)
        for name in files:
            if pick(name):
                rel = name if rel_dir == "." else os.path.join(rel_dir, name)
                found.append((Path(rel).parts, rel))
    return [rel for _, rel in sorted(found)]


def old_formats(paths: Sequence[str]) -> list[str]:
    """The .doc/.odt files inside the given folders (files named on the command line are checked
    whatever their extension, so they are not listed here)."""
    return [os.path.join(given, rel) for given in paths if os.path.isdir(given) for rel in _walk(given, old=True)]


def discover(paths: Sequence[str], convert: bool = False) -> Iterator[InputFile]:
    """Files given are yielded whatever their extension (the loader names the problem); folders
    are searched recursively, and with ``convert`` their old .doc/.odt files too (and a .doc/.odt
    named on the command line is converted). Raises PathNotFoundError before yielding anything if
    a path is missing (a link to a missing file named on the command line counts as given)."""
    for given in paths:
        if not os.path.lexists(given):
            raise PathNotFoundError(given)
    return _candidates(paths, convert)


def _candidates(paths: Sequence[str], convert: bool) -> Iterator[InputFile]:
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            items = [os.path.join(given, rel) for rel in _walk(given)]
            if convert:
                items = sorted(items + [os.path.join(given, rel) for rel in _walk(given, old=True)],
                               key=lambda p: Path(os.path.relpath(p, given)).parts)
        else:
            items = [given]
        for display in items:
            key = os.path.realpath(display)
            if key in seen:  # "a.docx docs/" or overlapping folders: check each file once
                continue
            seen.add(key)
            is_old = convert and os.path.splitext(display)[1].lower() in CONVERTIBLE
            yield InputFile(Path(display), display, convert=is_old)
