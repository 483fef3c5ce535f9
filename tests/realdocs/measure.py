"""Precision of the current code on the real-document set: true / (true + false) over reported findings.

Usage: python tests/realdocs/measure.py [--list] [--ruleset auto] [--sync]
--sync rewrites `still_reported` in judgments.yaml from what the code reports now (verdicts untouched),
after a fix removed false findings; unjudged findings are printed as YAML entries to judge and paste.
Each finding `check_file` reports now is looked up in judgments.yaml; findings nobody judged yet are
counted apart (judge them, then measure again). Also prints the remaining false findings by cause class
and the judged-true findings that are no longer reported (a fix must not lose them).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import yaml

from tests.realdocs.realdocs import (
    JUDGMENTS,
    MANIFEST_ROWS,
    RULESET,
    STAGE,
    group_of,
    judged_entries,
    judgments,
    locate,
    pair,
)


def _ratio(t: int, f: int) -> str:
    return f"{t / (t + f):.3f}" if t + f else "  n/a"


def main(argv: list[str] | None = None) -> int:
    from thethuc.pipeline import check_file

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="list every remaining false finding")
    ap.add_argument("--ruleset", default=RULESET)
    ap.add_argument("--stage", default=STAGE, choices=("draft", "issued"))
    ap.add_argument("--sync", action="store_true", help="update still_reported in judgments.yaml")
    args = ap.parse_args(argv)

    tally: dict[str, Counter[str]] = defaultdict(Counter)  # bucket -> true/false/unjudged
    false_by_class: Counter[str] = Counter()
    false_rows: list[str] = []
    lost_true: list[str] = []
    unjudged_rows: list[str] = []
    absent = 0
    still: dict[tuple[str, str], bool] = {}
    skeletons: list[dict[str, object]] = []
    for row in MANIFEST_ROWS():
        doc = row["id"]
        path = locate(doc)
        if path is None:
            absent += 1
            continue
        info = judgments()["documents"][doc]
        entries = judged_entries(doc)
        by_id = {j.id: j for j in entries}
        findings = check_file(str(path), args.ruleset, stage=args.stage).findings
        hits, unjudged = pair(entries, findings)
        buckets = ("all", f"group:{group_of(info['kind'])}", f"stage:{info['stage']}")
        for jid, found in hits.items():
            j = by_id[jid]
            if not j.verdict:
                still[(doc, jid)] = bool(found)
            if not found:
                if j.verdict:
                    lost_true.append(f"{doc} {j.id} {j.severity} {j.code} @{j.where} «{j.text}»")
                continue
            for b in buckets:
                tally[b]["true" if j.verdict else "false"] += 1
                if j.severity != "info":
                    tally[b + " (no info)"]["true" if j.verdict else "false"] += 1
            if not j.verdict:
                false_by_class[j.cls or "?"] += 1
                false_rows.append(f"  [{j.cls}] {doc} {j.id} {j.severity} {j.code} @{j.where} «{j.text}»")
        for k in unjudged:
            skeletons.append({"doc": doc, **k, "verdict": None, "reason": "", "class": None})
            tally["all"]["unjudged"] += 1
            unjudged_rows.append(f"  {doc} {k['severity']} {k['code']} @{k['where']} «{k['text']}»: {k['message']}")

    present = len(MANIFEST_ROWS()) - absent
    print(f"real documents checked: {present} (absent: {absent}); rule set option: {args.ruleset}")
    print(f"{'bucket':34s} {'true':>5s} {'false':>5s} {'precision':>9s}")
    order = sorted(tally, key=lambda b: (b.replace(" (no info)", "") != "all", b))
    for b in order:
        c = tally[b]
        print(f"{b:34s} {c['true']:5d} {c['false']:5d} {_ratio(c['true'], c['false']):>9s}")
    print(f"unjudged findings (not in the precision): {tally['all']['unjudged']}")
    print("\nremaining false findings by class:")
    for cls, n in false_by_class.most_common():
        print(f"  {n:4d}  {cls}")
    if args.list:
        print("\n".join(sorted(false_rows)))
    if lost_true:
        print(f"\njudged-TRUE findings no longer reported ({len(lost_true)}):")
        print("\n".join(f"  {x}" for x in lost_true))
    if unjudged_rows:
        print(f"\nunjudged findings ({len(unjudged_rows)}): judge them in tests/realdocs/judgments.yaml")
        print("\n".join(unjudged_rows))
        print("\nas entries to complete (verdict, reason, class) and paste under their document:")
        print(yaml.safe_dump(skeletons, allow_unicode=True, sort_keys=False, width=120))
    if args.sync:
        _sync(still)
    return 0


def _sync(still: dict[tuple[str, str], bool]) -> None:
    """Set still_reported of each judged-false entry to what the code does now; keep the file's header."""
    text = JUDGMENTS.read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    data = yaml.safe_load(text)
    changed = 0
    for doc, entry in data["documents"].items():
        for f in entry.get("findings", []):
            key = (doc, f["id"])
            if f.get("verdict") is False and key in still and bool(f.get("still_reported")) != still[key]:
                f["still_reported"] = still[key]
                changed += 1
    with JUDGMENTS.open("w", encoding="utf-8") as fh:
        fh.write(header)
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=120)
    print(f"\njudgments.yaml: still_reported updated on {changed} entries")


if __name__ == "__main__":
    sys.exit(main())
