"""Field tracking across runs: ``w:fldSimple`` and complex fields (``w:fldChar`` begin/separate/end).

Yields the upper-cased field name ("PAGE") and tells whether text is a field result.
"""
from __future__ import annotations

from dataclasses import field

from thethuc.records import dataclass


def field_name(instruction: str) -> str | None:
    """The first word of a field instruction, upper-cased: " page \\* MERGEFORMAT " → "PAGE"."""
    words = instruction.split()
    return words[0].upper() if words else None


@dataclass
class _Frame:
    """One complex field open at this point of the part: its instruction text so far, whether its result is
    being read (past ``separate``), and whether its name was already given."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    reported: bool = False


class FieldTracker:
    """State of the complex fields open at a point of a part; fields may span runs and paragraphs."""

    def __init__(self) -> None:
        self._stack: list[_Frame] = []

    @property
    def in_result(self) -> bool:
        return bool(self._stack) and any(frame.in_result for frame in self._stack)

    @property
    def in_instruction(self) -> bool:
        return bool(self._stack) and not self._stack[-1].in_result

    def char(self, kind: str | None) -> str | None:
        """Handle ``w:fldChar w:fldCharType``; returns a field name when its instruction completes."""
        if kind == "begin":
            self._stack.append(_Frame())
            return None
        if not self._stack:
            return None  # a stray separate/end (broken field) is ignored
        frame = self._stack[-1]
        name = None
        if not frame.reported:
            frame.reported = True
            name = field_name("".join(frame.instruction))
        if kind == "separate":
            frame.in_result = True
        elif kind == "end":
            self._stack.pop()
        return name

    def instruction(self, text: str) -> None:
        if self._stack:
            self._stack[-1].instruction.append(text)
