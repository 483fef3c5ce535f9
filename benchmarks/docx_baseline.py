"""The python-docx baseline (issue 16): the minimal read a checker built on python-docx starts from —
``Document()``, every body paragraph and every table-cell paragraph (nested tables too), each run's
size, font name, bold and italic, and the paragraph's alignment. It checks nothing and resolves no
style cascade (python-docx gives only the direct formatting); thethuc is judged beside it."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import docx


def _paragraphs(container: Any) -> Iterator[Any]:
    yield from container.paragraphs
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:  # a merged cell is listed once per grid column, as python-docx gives it
                yield from _paragraphs(cell)


def python_docx_read(path: str) -> int:
    """Read one .docx the minimal python-docx way; returns the number of runs read."""
    runs = 0
    for paragraph in _paragraphs(docx.Document(path)):
        _ = paragraph.alignment
        for run in paragraph.runs:
            font = run.font
            _ = (font.size, font.name, font.bold, font.italic)
            runs += 1
    return runs
