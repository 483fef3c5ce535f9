"""Report and configuration files written atomically, with the permissions a normal write gives.

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


def open_atomic(target: str, encoding: str = "utf-8", newline: str | None = "") -> tuple[TextIO, str]:
    """A handle on a temporary file beside ``target`` and that file's name; ``WriteError`` on failure."""
    import tempfile  # only when a file is written: ~4 ms of start-up (shutil, random) for `check` (issue 16)

    folder = os.path.dirname(os.path.abspath(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise WriteError(target, err) from err
    set_normal_mode(tmp, target)
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
    handle, tmp = open_atomic(path, newline=newline)
    try:
        with handle:
            handle.write(text)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(path, err) from err
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    replace_atomic(tmp, path)
