"""Report, configuration and .docx files written atomically, with the permissions a normal write gives.

A temporary file beside the target is renamed over it at the end, so a reader (CI, another
program) never sees half a file. ``tempfile.mkstemp`` makes that file 0600; renamed as it is, a
report would be unreadable to colleagues sharing the folder, so it gets the mode ``open()`` would
have given (0666 less the umask: 0644 under umask 022), or the mode of the file it replaces.
A failure names the file the user asked for, never the temporary one.
"""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from typing import TextIO

from thethuc.model import Text

_CAUSES: dict[int, Text] = {
    errno.EACCES: Text("không có quyền ghi", "permission denied"),
    errno.EPERM: Text("không có quyền ghi", "permission denied"),
    errno.ENOENT: Text("thư mục không tồn tại", "the folder does not exist"),
    errno.ENOTDIR: Text("đường dẫn không phải thư mục", "a part of the path is not a folder"),
    errno.EISDIR: Text("đó là một thư mục", "it is a folder"),
    errno.ENOSPC: Text("hết chỗ trống trên đĩa", "no space left on the disk"),
    errno.EROFS: Text("ổ đĩa chỉ cho đọc", "read-only file system"),
}


class WriteError(OSError):
    """A report or configuration file that could not be written; ``text`` names the real file."""

    def __init__(self, target: str, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror, target)
        self.target = target
        reason = _CAUSES.get(cause.errno or -1, Text(cause.strerror or str(cause), cause.strerror or str(cause)))
        self.text = Text(f"{target}: {reason.vi}", f"{target}: {reason.en}")

    def __str__(self) -> str:
        return self.text.vi


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode_for(target: str) -> int:
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def set_normal_mode(tmp: str, target: str) -> None:
    """Give a ``mkstemp`` file (0600) the mode a plain write of ``target`` would have."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(tmp, _mode_for(target))


def _temporary(target: str) -> tuple[int, str]:
    """A new file beside ``target`` (descriptor and name) with the mode a plain write of it gets."""
    import tempfile  # only when a file is written: ~2 ms of start-up (random, …) for `check`

    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                               dir=os.path.dirname(os.path.abspath(target)))
    set_normal_mode(tmp, target)
    return fd, tmp


def open_atomic(target: str, encoding: str = "utf-8", newline: str | None = "") -> tuple[TextIO, str]:
    """A handle on a temporary file beside ``target`` and that file's name; ``WriteError`` on failure."""
    try:
        fd, tmp = _temporary(target)
    except OSError as err:
        raise WriteError(target, err) from err
    return os.fdopen(fd, "w", encoding=encoding, newline=newline), tmp


def replace_atomic(tmp: str, target: str) -> None:
    """Rename the finished temporary file over ``target``; on failure it is removed."""
    try:
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(target, err) from err


def write_atomic(target: str | os.PathLike[str], text: str, newline: str | None = "\n") -> None:
    """Write ``text`` to ``target`` in one step (temporary file + rename)."""
    path = os.fspath(target)
    try:
        with _replacing(path) as (fd, _), os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
    except OSError as err:
        raise WriteError(path, err) from err


@contextlib.contextmanager
def _replacing(target: str) -> Iterator[tuple[int, str]]:
    """A temporary file beside ``target`` (descriptor and name), renamed over ``target`` when the
    block ends; removed if it raises, and the error goes on as it is."""
    fd, tmp = _temporary(target)
    try:
        yield fd, tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_zip(target: str | os.PathLike[str], members: Iterable[tuple[zipfile.ZipInfo, bytes]]) -> None:
    """Write a zip of ``members`` to ``target`` in one step: each in the order given, with its own
    ``ZipInfo`` (name, date, compression, attributes). Serves ``fix`` (the repaired package) and
    ``annotate`` (the commented copy); an OSError is raised as is."""
    with _replacing(os.fspath(target)) as (fd, _), os.fdopen(fd, "wb") as handle, \
            zipfile.ZipFile(handle, "w") as out:
        for info, data in members:
            out.writestr(info, data)


def copy_file(source: str, target: str) -> None:
    """Copy ``source`` to ``target`` in one step (``fix`` placing its repaired copy); a replaced
    file keeps its mode (``--in-place``). An OSError is raised as is."""
    with _replacing(target) as (fd, tmp):
        os.close(fd)
        shutil.copyfile(source, tmp)
