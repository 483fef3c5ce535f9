"""Find the Word files to check among the paths given on the command line (check and audit share it)."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = frozenset({".docx", ".docm", ".dotx"})


@dataclass(frozen=True)
class Candidate:
    path: Path  # where to open it
    display: str  # as given on the command line, joined with the path below a given folder


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


def _walk(root: str) -> list[str]:
    """Paths below ``root``, relative to it, in a stable order whatever the file system returns."""
    found: list[tuple[tuple[str, ...], str]] = []
    for here, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, .venv, .Trash …
        rel_dir = os.path.relpath(here, root)
        for name in files:
            if wanted(name):
                rel = name if rel_dir == "." else os.path.join(rel_dir, name)
                found.append((Path(rel).parts, rel))
    return [rel for _, rel in sorted(found)]


def discover(paths: Sequence[str]) -> Iterator[Candidate]:
    """Files given are yielded whatever their extension (the loader names the problem); folders
    are searched recursively. Raises PathNotFoundError before yielding anything if a path is missing."""
    for given in paths:
        if not os.path.exists(given):
            raise PathNotFoundError(given)
    return _candidates(paths)


def _candidates(paths: Sequence[str]) -> Iterator[Candidate]:
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            items = [(os.path.join(given, rel)) for rel in _walk(given)]
        else:
            items = [given]
        for display in items:
            key = os.path.realpath(display)
            if key in seen:  # "a.docx docs/" or overlapping folders: check each file once
                continue
            seen.add(key)
            yield Candidate(Path(display), display)
