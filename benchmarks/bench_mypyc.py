"""The optional mypyc build against the pure-Python one: build time, docs/s and instructions.

    python benchmarks/bench_mypyc.py                    # build both wheels, then measure
    python benchmarks/bench_mypyc.py --no-build         # measure the builds of an earlier run
    python benchmarks/bench_mypyc.py --callgrind 0      # wall time only

Both wheels are built as a user builds them (``pip wheel .``; the compiled one with
``THETHUC_MYPYC=1``, see setup.py) and unpacked under benchmarks/out/mypyc/{pure,compiled}. Then:

* ``check_file`` in a loop over the generated corpus (``corpus.py``), in a fresh process per build,
  the builds interleaved, best of ``--repeat``: docs/s and the speed-up. On a shared machine the
  wall times move with the neighbours' load;
* instructions per document under callgrind (``valgrind --tool=callgrind``), which the neighbours
  do not change: a process that checks ``--callgrind`` documents minus one that checks only the
  first (imports and rule sets loaded), divided by the extra documents.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import corpus  # noqa: E402  (a sibling script module, not a package)

from tests.test_mypyc_build import copy_sources  # noqa: E402 (the test's copy of what a wheel is built from)

OUT = HERE / "out"
BUILDS = OUT / "mypyc"

LOOP = """
import sys, time
from thethuc.pipeline import check_file
paths = sys.argv[1:]
check_file(paths[0], "hd36")  # imports and the rule set, not timed
start = time.perf_counter()
for p in paths:
    check_file(p, "hd36")
print(time.perf_counter() - start)
"""


def build(name: str, env: dict[str, str]) -> float:
    """``pip wheel`` of the tracked sources, unpacked into BUILDS/name; returns the build's seconds."""
    target = BUILDS / name
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        src = tmp / "src"
        copy_sources(src)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "w"), str(src)],
                       env={**os.environ, **env}, check=True)
        seconds = time.perf_counter() - start
        (wheel,) = (tmp / "w").glob("thethuc-*.whl")
        if target.exists():
            shutil.rmtree(target)
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(target)
    compiled = len(list(target.rglob("*.so")))
    print(f"  {name:<9} wheel: {seconds:6.1f} s, {compiled} extension modules  (load {os.getloadavg()[0]:.1f})")
    return seconds


def _python(site: Path, args: list[str]) -> list[str]:
    return [sys.executable, "-P", *args]  # -P: the unpacked build, not a thethuc in the current folder


def loop_seconds(site: Path, paths: list[str]) -> float:
    done = subprocess.run(_python(site, ["-c", LOOP, *paths]), env={**os.environ, "PYTHONPATH": str(site)},
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def instructions(site: Path, paths: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                               *_python(site, ["-c", LOOP, *paths])],
                              env={**os.environ, "PYTHONPATH": str(site)}, capture_output=True, text=True,
                              check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr[-2000:]
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=300, help="documents in the check_file loop")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved runs per build (best kept)")
    ap.add_argument("--callgrind", type=int, default=31, help="documents under callgrind (0: skip)")
    ap.add_argument("--no-build", action="store_true", help="reuse benchmarks/out/mypyc/{pure,compiled}")
    args = ap.parse_args()

    results: dict[str, object] = {}
    if not args.no_build:
        print(f"building (cpu cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")
        results["build_s_pure"] = build("pure", {"THETHUC_MYPYC": "", "CC": "false"})
        results["build_s_compiled"] = build("compiled", {"THETHUC_MYPYC": "1"})
    sites = {name: BUILDS / name for name in ("pure", "compiled")}
    folder = corpus.build(OUT / f"corpus-{args.count}", args.count)
    paths = [str(p) for p in corpus.files(folder)]

    times: dict[str, list[float]] = {name: [] for name in sites}
    for r in range(args.repeat):
        for name, site in sites.items():
            secs = loop_seconds(site, paths)
            times[name].append(secs)
            print(f"  run {r + 1} {name:<9} check_file × {len(paths)}: {secs:6.2f} s  "
                  f"(load {os.getloadavg()[0]:.1f})")
    best = {name: min(t) for name, t in times.items()}
    median = {name: statistics.median(t) for name, t in times.items()}
    for name in sites:
        print(f"  {name:<9} check_file in a loop: {len(paths) / best[name]:7.1f} docs/s best, "
              f"{len(paths) / median[name]:7.1f} median of {args.repeat}")
    speedup, speedup_median = best["pure"] / best["compiled"], median["pure"] / median["compiled"]
    print(f"  speed-up: {speedup:.2f}× best against best, {speedup_median:.2f}× median against median "
          "(wall time: the neighbours' load shows; callgrind below does not)")
    results.update({"count": len(paths), "docs_s": {k: len(paths) / v for k, v in best.items()},
                    "speedup": speedup, "speedup_median": speedup_median})

    if args.callgrind > 1:
        some = paths[:args.callgrind]
        per_doc = {}
        for name, site in sites.items():
            base, full = instructions(site, some[:1]), instructions(site, some)
            per_doc[name] = (full - base) / (len(some) - 1)
            print(f"  {name:<9} instructions per document: {per_doc[name] / 1e6:7.2f} M  "
                  f"(start-up and first document {base / 1e6:.0f} M)")
        change = per_doc["compiled"] / per_doc["pure"] - 1
        print(f"  instructions per document: {change * 100:+.1f} %")
        results.update({"instructions_per_doc": per_doc, "instructions_change": change})
    (OUT / "mypyc.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
