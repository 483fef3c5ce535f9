"""A cache of what thethuc builds from its data files (the validated rule sets, ``auto``'s periods,
the document-type table, a project's configuration), so a one-file run — the pre-commit hook —
does not parse and validate YAML again.

Like ruff's and mypy's caches it is never required: a missing, unreadable, corrupt or stale entry is
a miss, the value is built as without a cache and the entry written again; a failure to write is
ignored. An entry is used only when

- it was written by this thethuc: the key holds the version, the Python version and a fingerprint of
  the package's source files (name, size, modification time), so a changed checkout never reuses a
  value built by other code;
- every file the value was built from (a rule file and each file it ``extends``) still has the text
  it had then: the entry records the SHA-256 of each, and they are read and compared on every use.

Where: ``$THETHUC_CACHE_DIR`` if set, else the user's cache folder (``$XDG_CACHE_HOME/thethuc`` or
``~/.cache/thethuc``; ``~/Library/Caches/thethuc`` on macOS; ``%LOCALAPPDATA%\\thethuc\\Cache`` on
Windows). Off with ``THETHUC_NO_CACHE=1`` or ``thethuc check --no-cache``. Each build keeps its
entries in a subfolder named by its fingerprint; making one removes the folders of other builds not
written to for a week. Entries are pickles, read only from a folder and files that the user owns and
nobody else may write to.
"""
from __future__ import annotations

import contextlib
import functools
import os
import pickle
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from thethuc import __version__

ENV_DIR = "THETHUC_CACHE_DIR"
ENV_OFF = "THETHUC_NO_CACHE"
_FORMAT = 1  # the entry layout below; a change makes every older entry a miss
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# thethuc's cache (https://bford.info/cachedir/)\n"

T = TypeVar("T")
Sources = dict[str, str]  # absolute path → the text a value was built from


def disable() -> None:
    """Turn the cache off for this process and the processes it starts (``--no-cache``)."""
    os.environ[ENV_OFF] = "1"


def enabled() -> bool:
    """Unless ``THETHUC_NO_CACHE`` is set to anything but "" or "0"."""
    return os.environ.get(ENV_OFF, "") in ("", "0")


def cache_dir() -> Path:
    """The folder entries are kept in (created on the first write)."""
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "thethuc", "Cache") if base else Path.home() / "AppData" / "Local" / "thethuc" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "thethuc"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "thethuc"


@functools.cache
def _sha256_class() -> Callable[[bytes], Any]:
    # CPython's own SHA-256 (the one hashlib falls back to without OpenSSL; ``_sha2`` since 3.12):
    # the same digest without loading OpenSSL, which `import hashlib` does (~3 ms of a one-file check).
    for name in ("_sha2", "_sha256"):
        try:
            module = __import__(name)
        except ImportError:
            continue
        return module.sha256
    from hashlib import sha256

    return sha256


def _sha256(data: bytes) -> str:
    return str(_sha256_class()(data).hexdigest())


@functools.cache
def _fingerprint() -> str:
    """This thethuc: version, Python, and each source file of the package (an edited checkout, a
    reinstall with the same version number) — a value built by other code is never reused."""
    package = Path(__file__).resolve().parent
    parts = [f"{_FORMAT} {__version__} {sys.implementation.cache_tag} {sys.version} {package}"]
    pending = [str(package)]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    stat = entry.stat()
                    parts.append(f"{entry.path} {stat.st_size} {stat.st_mtime_ns}")
    return _sha256("\n".join(parts).encode("utf-8", "surrogateescape"))


def entry_path(kind: str, key: str) -> Path:
    """The entry of the value ``kind`` (``ruleset``) built for ``key`` (a rule set spec) by this thethuc:
    in a folder of this thethuc's own (its fingerprint), so another build's entries can be removed whole."""
    digest = _sha256(f"{kind}\n{key}".encode("utf-8", "surrogateescape"))
    return cache_dir() / _fingerprint()[:24] / f"{kind}-{digest[:32]}.pickle"


STALE_DAYS = 7  # another build's folder not written to for this long is removed when a new one is made


def _prune(root: Path, keep: Path) -> None:
    """Remove the folders of other thethuc builds (an upgrade, an edited checkout) left untouched
    for STALE_DAYS: the cache does not grow with every version. Best effort."""
    import shutil
    import time

    limit = time.time() - STALE_DAYS * 86400
    with contextlib.suppress(OSError), os.scandir(root) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.path != str(keep) and entry.stat().st_mtime < limit:
                shutil.rmtree(entry.path, ignore_errors=True)


def _text_digest(text: str) -> str:
    return _sha256(text.encode("utf-8", "surrogateescape"))


def _digests(sources: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """(path, SHA-256 of its text) of each source, in path order."""
    return tuple(sorted((path, _text_digest(text)) for path, text in sources.items()))


def _current(path: str) -> str | None:
    """The text at ``path`` now, read as the loaders read it (UTF-8, universal newlines); None if unreadable."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _private(stat: os.stat_result) -> bool:
    """Written by this user and by nobody else (a pickle runs code when read)."""
    if sys.platform == "win32":
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


_MISS = object()


def _read(entry: Path, kind: str, key: str) -> Any:
    """(value, sources) of a valid entry, else _MISS."""
    try:
        with open(entry, "rb") as handle:
            if not (_private(os.fstat(handle.fileno())) and _private(os.stat(entry.parent))):
                return _MISS
            header = pickle.load(handle)  # a new unpickler for each pickle: each has its own memo
            if not (isinstance(header, tuple) and len(header) == 4 and header[:3] == (_FORMAT, kind, key)):
                return _MISS
            sources: Sources = {}
            for path, digest in header[3]:
                text = _current(path)
                if text is None or _text_digest(text) != digest:
                    return _MISS  # a file the value was built from changed, moved or went away
                sources[path] = text
            return pickle.load(handle), sources
    except FileNotFoundError:
        return _MISS
    except Exception:  # noqa: BLE001 — a corrupt, truncated or foreign entry is a miss, never an error
        return _MISS


def _write(entry: Path, kind: str, key: str, value: object, sources: Mapping[str, str]) -> None:
    # One temporary name per process and thread: concurrent writers never share a half-written file.
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        folder, root = entry.parent, entry.parent.parent
        if not root.is_dir():
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            (root / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")  # backup tools skip the folder
        if not folder.is_dir():
            folder.mkdir(mode=0o700, exist_ok=True)
            _prune(root, folder)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((_FORMAT, kind, key, _digests(sources)), handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)  # readers see the old entry or the whole new one
    except Exception:  # noqa: BLE001 — an unwritable folder or an unpicklable value: run without the cache
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def cached_with_sources(kind: str, key: str, build: Callable[[], tuple[T, Sources]]) -> tuple[T, Sources]:
    """The value ``build`` makes for ``key`` and the text of the files it was made from, from the
    cache when an entry is valid.

    ``build`` returns the value and the text of every file it read (absolute path → text); it runs
    when the cache is off or misses, and its exceptions (a rule file's error) pass through: only
    values are cached, never errors.
    """
    if not enabled():
        return build()
    try:
        entry = entry_path(kind, key)
    except OSError:  # the package's own folder cannot be listed: no fingerprint, no cache
        return build()
    found = _read(entry, kind, key)
    if found is not _MISS:
        return found  # what build() returned for this key, and its files
    value, sources = build()
    _write(entry, kind, key, value, sources)
    return value, sources


def cached(kind: str, key: str, build: Callable[[], tuple[T, Sources]]) -> T:
    """``cached_with_sources`` without the sources."""
    return cached_with_sources(kind, key, build)[0]
