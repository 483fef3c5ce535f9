"""Typed errors that cross stage boundaries; each maps to one line and one exit code."""
from __future__ import annotations

from typing import Literal

from thethuc.model import Text

InputKind = Literal["not-docx", "encrypted", "corrupt", "too-large", "unreadable"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2  # usage, configuration or rule-file error: nothing checked
EXIT_UNREADABLE = 3  # one or more inputs could not be read (wins over EXIT_FINDINGS)


class DocxInputError(Exception):
    """A file that cannot be loaded as a .docx. ``str(err)`` is the one-line message."""

    def __init__(self, path: str, kind: InputKind, cause: str | Text, hint: str | Text | None = None) -> None:
        self.path = path
        self.kind = kind
        # A plain str (an exception's own text) serves both languages.
        self.bilingual_cause = cause if isinstance(cause, Text) else Text(cause, cause)
        self.bilingual_hint = hint if isinstance(hint, Text) or hint is None else Text(hint, hint)
        self.cause = self.bilingual_cause.vi
        self.hint = self.bilingual_hint.vi if self.bilingual_hint else None
        super().__init__(self.render("vi"))

    def render(self, lang: str) -> str:
        """``path: cause (hint)`` in ``lang`` ("vi" or "en")."""
        text = f"{self.path}: {self.bilingual_cause.get(lang)}"
        if self.bilingual_hint:
            text += f" ({self.bilingual_hint.get(lang)})"
        return text

    def __reduce__(self) -> tuple[type[DocxInputError], tuple[str, InputKind, Text, Text | None]]:
        # Crosses process boundaries in parallel runs; the default would replay only str(err).
        return DocxInputError, (self.path, self.kind, self.bilingual_cause, self.bilingual_hint)


class RuleSetError(Exception):
    """An invalid rule file or configuration, located at file:line, worded in both languages.

    ``str(err)`` and ``err.message`` stay Vietnamese (the default language) for callers that
    predate English; ``err.render(lang)`` is the one-line ``file:line: message`` a command prints.
    """

    def __init__(self, file: str, line: int | None, message: str | Text) -> None:
        self.file = file
        self.line = line
        # A plain str comes from code that has only one wording: it serves both languages.
        self.bilingual = message if isinstance(message, Text) else Text(message, message)
        self.message = self.bilingual.vi
        super().__init__(self.render("vi"))

    def text(self, lang: str) -> str:
        """The message alone, in ``lang`` ("vi" or "en")."""
        return self.bilingual.get(lang)

    def render(self, lang: str) -> str:
        """``file:line: message`` in ``lang``; the line is left out when unknown."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.text(lang)}"

    def __reduce__(self) -> tuple[type[RuleSetError], tuple[str, int | None, Text]]:
        # Audit workers send errors across processes; the default pickling would replay only
        # ``args`` (the rendered line) into __init__ and fail.
        return (type(self), (self.file, self.line, self.bilingual))
