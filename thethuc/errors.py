"""Typed errors that cross stage boundaries; each maps to one line and one exit code."""
from __future__ import annotations

from typing import Literal

InputKind = Literal["not-docx", "encrypted", "corrupt", "too-large", "unreadable"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2  # usage, configuration or rule-file error: nothing checked
EXIT_UNREADABLE = 3  # one or more inputs could not be read (wins over EXIT_FINDINGS)


class DocxInputError(Exception):
    """A file that cannot be loaded as a .docx. ``str(err)`` is the one-line message."""

    def __init__(self, path: str, kind: InputKind, cause: str, hint: str | None = None) -> None:
        self.path = path
        self.kind = kind
        self.cause = cause
        self.hint = hint
        text = f"{path}: {cause}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class RuleSetError(Exception):
    """An invalid rule file or configuration, located at file:line."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {message}")
