"""The load stage alone over the real documents, each with its own styles, theme and numbering:
an instruction-count probe for issue 16 (subtract the ``setup`` run to leave the loading).

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.setup python benchmarks/load_real.py setup
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out python benchmarks/load_real.py
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from real_documents import real_documents  # noqa: E402  (a sibling script module)

from thethuc.errors import DocxInputError  # noqa: E402  (after the path is set)
from thethuc.load import load_document  # noqa: E402
from thethuc.load.template import cache_clear  # noqa: E402


def main() -> None:
    files = real_documents()
    if sys.argv[1:] == ["setup"]:
        return
    for path in files:
        cache_clear()  # no template shared between documents
        with contextlib.suppress(DocxInputError):
            load_document(path)


if __name__ == "__main__":
    main()
