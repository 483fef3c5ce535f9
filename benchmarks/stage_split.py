"""The real documents of ``no_template.py`` split by stage: load, recognise, rules (issue 16).

    python benchmarks/stage_split.py            # ../shared/corpus/vn and tests/realdocs/files, best of 5
    python benchmarks/stage_split.py --repeat 7 DIR

Per document, best of ``--repeat`` of each stage in this process, the template cache emptied before
every load (no document borrows another's styles, theme or numbering): ``load_document``,
``recognise``, then the rule set ``auto`` chooses and ``run_rules`` at stage draft with the
suppressions applied, as ``check_file`` runs them. Prints the sums in ms.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from real_documents import FOLDERS, real_documents  # noqa: E402  (a sibling script module)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, default=list(FOLDERS))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    from thethuc.checks import run_rules
    from thethuc.errors import DocxInputError
    from thethuc.load import load_document
    from thethuc.load.template import cache_clear
    from thethuc.pipeline import check_file
    from thethuc.recognise import recognise
    from thethuc.ruleset import choose_ruleset
    from thethuc.suppress import apply_suppressions

    files = real_documents(args.folders)
    for path in files[:3]:  # warm imports, rule sets and memo tables once
        check_file(str(path), "auto", stage="draft")
    totals = [0.0, 0.0, 0.0]
    for path in files:
        best = [float("inf")] * 3
        try:
            for _ in range(args.repeat):
                cache_clear()
                start = time.perf_counter()
                doc = load_document(str(path))
                loaded = time.perf_counter()
                rec = recognise(doc)
                recognised = time.perf_counter()
                ruleset, _ = choose_ruleset("auto", rec)
                apply_suppressions(run_rules(ruleset, rec, "draft"), rec)
                done = time.perf_counter()
                spent = (loaded - start, recognised - loaded, done - recognised)
                best = [min(b, t) for b, t in zip(best, spent, strict=True)]
        except DocxInputError:
            continue  # an unreadable document is no part of the split
        totals = [t + b for t, b in zip(totals, best, strict=True)]
    load, recog, rules = (t * 1000 for t in totals)
    print(f"{len(files)} documents, best of {args.repeat}: load {load:.0f} ms, recognise {recog:.0f} ms, "
          f"rules {rules:.0f} ms")


if __name__ == "__main__":
    main()
