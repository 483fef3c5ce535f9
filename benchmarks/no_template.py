"""Documents that share no template: the real documents, each made by another office.

    python benchmarks/no_template.py                 # ../shared/corpus/vn and tests/realdocs/files
    python benchmarks/no_template.py --repeat 7 DIR  # other folders
    python benchmarks/no_template.py --site benchmarks/out/mypyc/compiled   # the compiled build (bench_mypyc.py)

Per document, best of ``--repeat`` in this process: the parse floor (parse_floor.py), the minimal
python-docx read (docx_baseline.py) and ``thethuc.pipeline.check_file`` (rule set auto, stage draft,
as a clerk runs ``thethuc check``) with the template cache emptied before every run
(``thethuc.load.template.cache_clear``), so no document is helped by another's styles, theme or
numbering. Prints the sums and the ratios to the floor (issue 16: ≤ 5× with no template shared).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from parse_floor import parse_floor  # noqa: E402  (a sibling script module)
from real_documents import FOLDERS, real_documents  # noqa: E402


def _best(run: Callable[[], object], repeat: int, before: Callable[[], None] | None = None) -> float:
    best = float("inf")
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--site", type=Path, help="import thethuc from here (an unpacked wheel: the compiled build)")
    args = ap.parse_args()
    if args.site:
        sys.path.insert(0, str(args.site.resolve()))
    from thethuc.load.template import cache_clear
    from thethuc.pipeline import check_file

    try:
        from docx_baseline import python_docx_read
    except ImportError:  # python-docx is in the test extra
        python_docx_read = None

    files = real_documents(args.folders)
    if not files:
        sys.exit("no .docx found in " + ", ".join(map(str, args.folders)))
    for path in files[:3]:  # warm imports, rule sets and memo tables once
        check_file(str(path), "auto", stage="draft")
    floor = docx = docx_floor = thethuc = 0.0
    docx_failed = 0
    for path in files:
        one_floor = _best(lambda p=path: parse_floor(str(p)), args.repeat)
        floor += one_floor
        if python_docx_read:
            try:  # python-docx refuses some real files (e.g. w:jc="end", written by newer Word)
                docx += _best(lambda p=path: python_docx_read(str(p)), args.repeat)
                docx_floor += one_floor
            except Exception:  # noqa: BLE001  # any failure of the other reader is counted, not fatal
                docx_failed += 1
        thethuc += _best(lambda p=path: check_file(str(p), "auto", stage="draft"), args.repeat, cache_clear)
    import thethuc.load.cascade as probe

    build = "compiled" if probe.__file__ and probe.__file__.endswith(".so") else "pure Python"
    print(f"{len(files)} documents, no template shared, best of {args.repeat} each; thethuc {build}")
    print(f"  parse floor          {floor * 1000:8.1f} ms   1.00×")
    if python_docx_read:
        print(f"  python-docx read     {docx * 1000:8.1f} ms   {docx / docx_floor:.2f}× the floor of the "
              f"{len(files) - docx_failed} it read ({docx_failed} raised an exception)")
    print(f"  thethuc check_file   {thethuc * 1000:8.1f} ms   {thethuc / floor:.2f}×  (target ≤ 5×)")


if __name__ == "__main__":
    main()
