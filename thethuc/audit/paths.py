"""Checks made before an audit starts, so a long run never dies at its end on a bad argument.

An output into a missing or read-only folder, or a scheduler address that cannot be one, is a
usage error (exit 2) said in one line before any file is read.
"""
from __future__ import annotations

import contextlib
import os
import re
import tempfile

from thethuc.model import Text

DEFAULT_SCHEDULER_PORT = 8786  # Dask's own default
_SCHEMES = ("tcp", "tls")
_ADDRESS = re.compile(r"^(?:(?P<scheme>[A-Za-z]+)://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^:/\s\[\]]+)"
                      r"(?::(?P<port>[^/\s]*))?/?$")


def output_problem(option: str, path: str) -> Text | None:
    """Why ``path`` (given to ``option``) cannot be written, or None when a file can be made there."""
    target = os.path.abspath(path)
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        return Text(f"{option} {path}: đây là một thư mục, cần tên tệp",
                    f"{option} {path}: this is a folder, a file name is needed")
    if not os.path.isdir(folder):
        return Text(f"{option} {path}: không có thư mục {folder}",
                    f"{option} {path}: the folder {folder} does not exist")
    if os.path.exists(target) and not os.access(target, os.W_OK):
        return Text(f"{option} {path}: tệp chỉ đọc, không ghi được",
                    f"{option} {path}: the file is read-only")
    try:  # the honest test of a folder (access() says yes to root on a read-only mount)
        fd, probe = tempfile.mkstemp(prefix=".thethuc-probe-", dir=folder)
    except OSError as err:
        return Text(f"{option} {path}: không ghi được vào thư mục {folder} ({err.strerror})",
                    f"{option} {path}: cannot write into the folder {folder} ({err.strerror})")
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def scheduler_address(value: str) -> str:
    """``tcp://host:port`` from what was typed (the port defaults to Dask's 8786); ValueError with a
    bilingual Text as its argument when it is no address."""
    match = _ADDRESS.match(value.strip())
    scheme = (match.group("scheme") or "tcp").lower() if match else ""
    port = match.group("port") if match else None
    if match is None or scheme not in _SCHEMES or (match.group("scheme") is None and port is None):
        raise ValueError(Text(
            f"--scheduler {value}: không phải địa chỉ máy lập lịch Dask (dạng tcp://MÁY:CỔNG, ví dụ "
            f"tcp://10.0.0.5:{DEFAULT_SCHEDULER_PORT})",
            f"--scheduler {value}: not a Dask scheduler address (tcp://HOST:PORT, e.g. "
            f"tcp://10.0.0.5:{DEFAULT_SCHEDULER_PORT})"))
    if port in (None, ""):
        number = DEFAULT_SCHEDULER_PORT
    elif port.isdigit() and 0 < int(port) < 65536:
        number = int(port)
    else:
        raise ValueError(Text(f"--scheduler {value}: cổng '{port}' không hợp lệ (một số từ 1 đến 65535)",
                              f"--scheduler {value}: invalid port '{port}' (a number from 1 to 65535)"))
    return f"{scheme}://{match.group('host')}:{number}"
