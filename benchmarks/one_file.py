"""One file, as the pre-commit hook runs it (issue 16): wall time of whole processes.

    python benchmarks/one_file.py               # a corpus seed, 15 runs of each command
    python benchmarks/one_file.py --runs 25 path/to/one.docx
    python benchmarks/one_file.py --root ../main   # the thethuc of another checkout (a before/after)

Runs, each as a fresh subprocess ``--runs`` times, and prints the median and best wall time:
a bare ``python -c`` that imports lxml and zipfile and parses the file's document.xml (the floor),
``python -m thethuc --help``, ``python -m thethuc check FILE`` (with the rule-set cache of
thethuc/cache.py filled by the unmeasured first round, as a pre-commit hook runs from its second
commit on) and the same with ``THETHUC_NO_CACHE=1``. Target: check ≤ 3× the bare parse.

The commands run as an installed package runs: with compiled bytecode (``PYTHONDONTWRITEBYTECODE``
is dropped and the ``.pyc`` files go to ``benchmarks/out/pycache``, written by a first unmeasured
round); without it every run compiles thethuc's ~150 modules again (~120 ms).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))  # thethuc from this checkout

TARGET_RATIO = 3.0
BARE = ("import sys, zipfile, lxml.etree as e; "
        "z = zipfile.ZipFile(sys.argv[1]); r = e.fromstring(z.read('word/document.xml')); "
        "print(sum(len(t.text or '') for t in r.iter('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t')))")


def _default_file() -> Path:
    import corpus  # a sibling script module, not a package

    folder = corpus.build(HERE / "out" / "corpus-60", 60)
    seeds = sorted((HERE / "out" / f"seeds-{corpus.FORMAT}").glob("nq-4x8-l0.docx")) or corpus.files(folder)
    return seeds[0]


NO_CACHE = "<no cache>"  # a marker at the end of a command: run it with THETHUC_NO_CACHE=1
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "PYTHONPYCACHEPREFIX": str(HERE / "out" / "pycache")}


def _times(cmd: list[str], runs: int, cwd: Path = ROOT) -> list[float]:
    env = {**ENV, "THETHUC_NO_CACHE": "1"} if cmd[-1] == NO_CACHE else ENV
    cmd = cmd[:-1] if cmd[-1] == NO_CACHE else cmd
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", help="the .docx (default: a 4-section nghị quyết corpus seed)")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--root", help="checkout whose thethuc runs (python -m thethuc from there; default: this one)")
    args = ap.parse_args()
    root = Path(args.root).resolve() if args.root else ROOT
    path = str(Path(args.file).resolve()) if args.file else str(_default_file())
    py = sys.executable
    commands = {"bare python -c + lxml parse": [py, "-c", BARE, path],
                "thethuc --help": [py, "-m", "thethuc", "--help"],
                "thethuc check FILE": [py, "-m", "thethuc", "check", path],
                "thethuc check FILE, no cache": [py, "-m", "thethuc", "check", path, NO_CACHE]}
    # Interleaved rounds: a neighbour's burst on the shared machine weighs on every command alike.
    times: dict[str, list[float]] = {label: [] for label in commands}
    for cmd in commands.values():
        _times(cmd, 1, root)  # writes the bytecode caches; not measured
    for _ in range(args.runs):
        for label, cmd in commands.items():
            times[label] += _times(cmd, 1, root)
    print(f"file: {path}  ({args.runs} runs each, interleaved; thethuc from {root})")
    for label, ts in times.items():
        print(f"  {label:<30} median {statistics.median(ts) * 1000:6.0f} ms   best {min(ts) * 1000:6.0f} ms")
    bare = statistics.median(times["bare python -c + lxml parse"])
    for label in ("thethuc --help", "thethuc check FILE", "thethuc check FILE, no cache"):
        ratio = statistics.median(times[label]) / bare
        mark = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"  [{mark}] {label}: {ratio:.2f}× the bare parse (medians; target ≤ {TARGET_RATIO}×)")


if __name__ == "__main__":
    main()
