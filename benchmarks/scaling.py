"""Linear in document size (issue 16): per-paragraph cost and peak memory at 3 000 and 30 000 paragraphs.

    python benchmarks/scaling.py                # 3 000 and 30 000 paragraphs, best of 3
    python benchmarks/scaling.py --repeat 5 --sizes 3000 30000
    python benchmarks/scaling.py --root ../main   # the thethuc of another checkout (a before/after)

Each document is a corpus seed (``corpus.py``: the short nghị quyết, saved the Word way) with its
body grown to the size asked. Each size is measured in a fresh subprocess, so neither the heap nor
the memos of one size weigh on the other: ``check_file`` timed best of ``--repeat`` (per-paragraph
cost = time ÷ paragraphs), then one more ``check_file`` under tracemalloc for the peak of Python
allocations, plus the process's ru_maxrss. Target: per-paragraph cost at 30 000 within 1.3× of 3 000.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# thethuc from this checkout, or from --root (read before anything imports thethuc)
ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve() if "--root" in sys.argv else HERE.parent
sys.path.insert(0, str(ROOT))

import corpus  # noqa: E402  (a sibling script module, not a package)

OUT = HERE / "out"
TARGET_RATIO = 1.3
SECTIONS = 8  # corpus._body numbers sections I..VIII


def build(paragraphs: int) -> Path:
    """A Word-saved nghị quyết of about ``paragraphs`` paragraphs (cached under benchmarks/out/)."""
    from thethuc.testing.party import word_layout, write_party

    path = OUT / f"scaling-{corpus.FORMAT}" / f"nq-{paragraphs}.docx"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_party(path, corpus._body(SECTIONS, max(1, paragraphs // SECTIONS - 1)), word_layout())
    return path


def measure(path: str, repeat: int) -> dict[str, float]:
    """In this process: best-of-``repeat`` check_file time, then one traced run for peak memory."""
    from thethuc.load import load_document
    from thethuc.pipeline import check_file

    n = len(load_document(path).paragraphs)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        check_file(path, "hd36")
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    check_file(path, "hd36")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"paragraphs": n, "seconds": best, "us_per_paragraph": best / n * 1e6,
            "peak_traced_bytes_per_paragraph": peak / n,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    ap.add_argument("--repeat", type=int, default=3, help="timed check_file runs per size (best kept)")
    ap.add_argument("--root", help="checkout whose thethuc is measured (default: this one)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    print(f"thethuc from {ROOT}")
    rows = []
    for size in args.sizes:
        path = build(size)
        out = subprocess.run([sys.executable, __file__, "--child", str(path), "--repeat", str(args.repeat),
                              "--root", str(ROOT)],
                             check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        print(f"  {row['paragraphs']:>6} paragraphs: check_file {row['seconds']:7.2f} s (best of {args.repeat}), "
              f"{row['us_per_paragraph']:6.1f} µs/paragraph, peak traced "
              f"{row['peak_traced_bytes_per_paragraph'] / 1024:5.1f} KiB/paragraph, "
              f"ru_maxrss {row['maxrss_mb']:.0f} MB")
    small, large = rows[0], rows[-1]
    ratio = large["us_per_paragraph"] / small["us_per_paragraph"]
    mem = large["peak_traced_bytes_per_paragraph"] / small["peak_traced_bytes_per_paragraph"]
    ok = ratio <= TARGET_RATIO
    print(f"  [{'PASS' if ok else 'FAIL'}] per-paragraph cost at {large['paragraphs']} is {ratio:.2f}× that at "
          f"{small['paragraphs']} (target ≤ {TARGET_RATIO}×); peak memory per paragraph {mem:.2f}×")
    # lxml's trees are allocated in C, out of tracemalloc's sight: the process's growth says it all.
    rss_per_paragraph = ((large["maxrss_mb"] - small["maxrss_mb"]) * 2**20
                         / max(1, large["paragraphs"] - small["paragraphs"]))
    print(f"  ru_maxrss grows {rss_per_paragraph / 1024:.1f} KiB per paragraph from {small['paragraphs']} "
          f"to {large['paragraphs']} paragraphs (everything: lxml tree, records, findings)")
    OUT.mkdir(exist_ok=True)
    (OUT / "scaling.json").write_text(json.dumps({"rows": rows, "ratio": ratio, "memory_ratio": mem,
                                                  "rss_bytes_per_paragraph": rss_per_paragraph}, indent=2),
                                      encoding="utf-8")


if __name__ == "__main__":
    main()
