"""The reporter lifecycle and the registry of output formats (``--format``).

A reporter turns FileResults into text on a stream; it knows nothing of .docx.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import ClassVar, Literal, TextIO, TypeVar

from thethuc.model import FileResult, Severity
from thethuc.records import dataclass
from thethuc.report.summary import Summary

Lang = Literal["vi", "en"]


@dataclass(frozen=True)
class ReportOptions:
    """Settings a runner passes to every reporter; a reporter ignores those it has no use for."""

    ruleset: str = "hd36"  # the --ruleset spec as given (top-level "ruleset" of the JSON report)
    stage: str | None = None  # the run's --stage (top-level "stage" of the JSON report when set)
    fail_on: Severity = "error"
    quiet: bool = False
    statistics: bool = False
    color: bool | None = None  # None: decide from the stream and NO_COLOR; False: --no-color; True: force
    show_suppressed: bool = False  # --show-suppressed: also list findings silenced by comments in the document


class Reporter(ABC):
    """``Reporter(stream, lang, options)``; then ``start()``, ``file(result)`` per file, ``finish(summary)``."""

    name: ClassVar[str] = ""

    def __init__(self, stream: TextIO, lang: Lang = "vi", options: ReportOptions | None = None) -> None:
        self.stream = stream
        self.lang: Lang = lang
        self.options = options or ReportOptions()

    def start(self) -> None:  # noqa: B027 (optional hook)
        """Called once before the first file."""

    @abstractmethod
    def file(self, result: FileResult) -> None:
        """Called once per file, in discovery order."""

    def finish(self, summary: Summary) -> None:  # noqa: B027 (optional hook)
        """Called once after the last file, with the totals of the run."""


REPORTERS: dict[str, type[Reporter]] = {}

R = TypeVar("R", bound=type[Reporter])


def register(name: str) -> Callable[[R], R]:
    """Class decorator: ``@register("sarif")`` makes the reporter available as ``--format sarif``."""

    def deco(cls: R) -> R:
        cls.name = name
        REPORTERS[name] = cls
        return cls

    return deco
