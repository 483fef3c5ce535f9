"""The rules stage alone, for instruction counts: the 36 corpus seeds loaded and recognised once, then
``run_rules`` PASSES times per rule set (issue 16's format walk was measured with it).

    python benchmarks/rules_only.py 0 hd36 && valgrind --tool=callgrind --callgrind-out-file=/tmp/cg0 \\
        python benchmarks/rules_only.py 0 hd36     # set-up only (the first line fills the rule-set cache)
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg2 python benchmarks/rules_only.py 2 hd36

Instructions per paragraph of one pass: (summary of cg2 − summary of cg0) / 2 / paragraphs (printed on
stderr). ``ONLY=format`` keeps only the rules of that kind; a third argument is the stage.
The seeds are built by ``python benchmarks/bench_audit.py --count 60 --repeat 1``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from thethuc.checks import run_rules
from thethuc.load import load_document
from thethuc.recognise import recognise
from thethuc.ruleset import load_ruleset
from thethuc.ruleset.types import RuleSet

SEEDS = Path(__file__).resolve().parent / "out" / "seeds-2"


def main() -> None:
    passes = int(sys.argv[1])
    names = (sys.argv[2] if len(sys.argv) > 2 else "hd36").split(",")
    stage = sys.argv[3] if len(sys.argv) > 3 else None
    recs = [recognise(load_document(str(path))) for path in sorted(SEEDS.glob("*.docx"))]
    sets = [load_ruleset(name) for name in names]
    if os.environ.get("ONLY"):
        sets = [RuleSet(rs.name, rs.title, tuple(r for r in rs.rules if r.kind == os.environ["ONLY"])) for rs in sets]
    for _ in range(passes):
        for ruleset in sets:
            for rec in recs:
                run_rules(ruleset, rec, stage)
    paragraphs = sum(len(rec.doc.paragraphs) for rec in recs)
    print(f"{len(recs)} documents, {paragraphs} paragraphs, {passes} passes of {names}", file=sys.stderr)


if __name__ == "__main__":
    main()
