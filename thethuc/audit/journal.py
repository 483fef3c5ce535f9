"""The resumable audit journal: one JSON line per finished file, appended and flushed at once.

On a re-run only an index (path → size, mtime, fingerprint, line offset) is kept in memory; a
journaled result is read back from its line when it is reused, so memory stays small.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import IO

from thethuc import __version__
from thethuc.audit.codec import result_from_dict, result_to_dict, severity_counts
from thethuc.audit.discovery import AuditedFile
from thethuc.model import FileResult
from thethuc.records import dataclass

FORMAT = 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One file in the journal's index: the size, mtime and fingerprint its last line was written with, and
    where that line starts; its result is reused only while all three still hold, unless it failed for a
    passing reason."""

    size: int
    mtime_ns: int
    fingerprint: str
    offset: int  # byte offset of the line in the journal
    transient: bool = False  # could not be read for a passing reason (timeout, crash, I/O): retry


def fingerprint(ruleset_spec: str, checker: str, stage: str = "issued") -> str:
    """What a result depends on besides the file: tool version, rule set (and its file's state), stage."""
    parts = [__version__, ruleset_spec, checker] + ([] if stage == "issued" else [f"stage={stage}"])
    if os.path.isfile(ruleset_spec):
        st = os.stat(ruleset_spec)
        parts += [str(st.st_size), str(st.st_mtime_ns)]
    return "|".join(parts)


def _index(path: str) -> dict[str, Entry]:
    """Last line per file wins: a changed file re-checked later supersedes its old line."""
    index: dict[str, Entry] = {}
    with open(path, "rb") as fh:
        offset = 0
        for raw in fh:
            try:
                line = json.loads(raw)
                error = line["result"].get("error") or {}
                index[line["key"]] = Entry(line["size"], line["mtime_ns"], line["fingerprint"], offset,
                                           transient=error.get("kind") == "unreadable")
            except (ValueError, KeyError, TypeError):
                pass  # a line cut short by a kill, or foreign text: that file is simply re-checked
            offset += len(raw)
    return index


class Journal:
    """Open with ``Journal(path, fingerprint)``; ``close()`` when done (also a context manager)."""

    def __init__(self, path: str, fp: str) -> None:
        self.path = path
        self.fp = fp
        self.index = _index(path) if os.path.exists(path) else {}
        self._out: IO[bytes] = open(path, "ab")  # noqa: SIM115 (closed by close())
        self._in: IO[bytes] | None = open(path, "rb") if self.index else None  # noqa: SIM115 (closed by close())
        self._heal_last_line()

    def _heal_last_line(self) -> None:
        # A kill in the middle of a write leaves a line without its newline; start a fresh one so
        # the next record is not glued to the broken one.
        size = self._out.seek(0, os.SEEK_END)
        if size:
            with open(self.path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    self._out.write(b"\n")
                    self._out.flush()

    def lookup(self, cand: AuditedFile) -> FileResult | None:
        """The journaled result of an unchanged file (same size, mtime and fingerprint), else None."""
        entry = self.index.get(cand.path)
        if (entry is None or self._in is None or entry.transient or entry.size != cand.size
                or entry.mtime_ns != cand.mtime_ns or entry.fingerprint != self.fp):
            return None
        self._in.seek(entry.offset)
        try:
            data = json.loads(self._in.readline())
            result = result_from_dict(data["result"])
        except (ValueError, KeyError, TypeError):
            return None
        # The same file may be reached by another path spelling this time: show today's.
        return replace(result, path=cand.display)

    def record(self, cand: AuditedFile, result: FileResult) -> None:
        self.record_json(cand, result.status, severity_counts(result),
                         json.dumps(result_to_dict(result), ensure_ascii=False))

    def record_json(self, cand: AuditedFile, status: str, counts: dict[str, int], result_json: str) -> None:
        """Append one file whose result is already JSON text (``result_to_dict``, made by a worker)."""
        head = {"v": FORMAT, "key": cand.path, "path": cand.display, "size": cand.size,
                "mtime_ns": cand.mtime_ns, "fingerprint": self.fp, "status": status, "counts": counts}
        # The same bytes as dumping the whole line at once: "result" is simply the last key.
        line = json.dumps(head, ensure_ascii=False)[:-1] + ', "result": ' + result_json + "}\n"
        self._out.write(line.encode("utf-8"))
        self._out.flush()  # per file: a Ctrl-C or kill keeps everything finished so far

    def close(self) -> None:
        self._out.close()
        if self._in is not None:
            self._in.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

