"""A large archive: a measured 10 000-document audit, extrapolated to 100 000, and the Dask path.

    python benchmarks/bench_archive.py                       # 10 000 documents, --jobs 2 and Dask
    python benchmarks/bench_archive.py --count 2000 --no-resume
    python benchmarks/bench_archive.py --no-dask             # the local pool only

What one run does, on the corpus of ``corpus.py`` (the same ~30 generated Party documents copied
into yearly/monthly folders):

1. ``thethuc audit --jobs 2`` with JSONL, CSV, HTML and a journal, as a user runs it. While it runs
   the journal (one line per finished file, flushed at once) is read every ``--sample`` seconds, so
   the time at which the 1 000th, 2 000th … 10 000th file finished is known: the per-document time
   of the first and the last thousand shows whether the run drifts (memory, a growing structure),
   which a linear extrapolation assumes it does not. The whole process tree's RSS is sampled too.
2. The same command again (resume): every file is unchanged, so every result comes from the journal.
3. A fresh journal, the run interrupted with SIGINT half-way, then resumed: what a resume saves.
4. A ``distributed.LocalCluster(n_workers=2, threads_per_worker=1)`` started here, and the same
   audit through ``thethuc audit --scheduler tcp://…`` on it; the cluster is closed before exit.

Wall times include start-up, discovery and writing every output. The load average is printed
before and after each run: the machine is shared, and a neighbour's work shows in the times.
Results go to benchmarks/out/archive.json.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]  # corpus.py and this checkout's thethuc

import corpus  # noqa: E402  (a sibling script module, not a package)

OUT = HERE / "out"
EXTRAPOLATE_TO = 100_000


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _tree(pid: int) -> list:  # list[psutil.Process]
    import psutil
    try:
        proc = psutil.Process(pid)
        return [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return []


def _rss(procs: list) -> int:
    import psutil
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


def _cpu(procs: list) -> float:
    """CPU seconds (user + system) of the processes, and of their children already waited for:
    what the work cost whatever the neighbours do, where wall time also measures them."""
    import psutil
    total = 0.0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
    return total


@dataclass
class Run:
    label: str
    command: list[str]
    seconds: float = 0.0
    exit_code: int | None = None
    load_before: str = ""
    load_after: str = ""
    peak_rss_mb: float = 0.0  # the thethuc process and its workers
    peak_cluster_rss_mb: float | None = None  # the Dask scheduler and workers (--scheduler only)
    journal_lines: int = 0
    summary: str = ""
    cpu_seconds: float = 0.0  # of the thethuc process tree and, under --scheduler, of the cluster's workers
    # (seconds since start, journal lines, tree RSS bytes, CPU seconds, 1-minute load) every sample
    samples: list[tuple[float, int, int, float, float]] = field(default_factory=list)


class _LineCounter:
    """Lines of a file that is being appended to, read incrementally."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines = 0
        self._fh = None

    def poll(self) -> int:
        if self._fh is None:
            if not os.path.exists(self.path):
                return self.lines
            self._fh = open(self.path, "rb")  # noqa: SIM115 (closed by close())
        while chunk := self._fh.read(1 << 20):
            self.lines += chunk.count(b"\n")
        return self.lines

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def _audit(label: str, folder: Path, tmp: Path, journal: str, extra: list[str], sample: float,
           interrupt_at: int | None = None, cluster_pids: list[int] | None = None, docs: int = 0) -> Run:
    """``docs``: files the run serves (a resume serves them from the journal, adding no line)."""
    cmd = [sys.executable, "-m", "thethuc", "audit", "--quiet", "--ruleset", "hd36",
           "--jsonl", str(tmp / "a.jsonl"), "--csv", str(tmp / "a.csv"), "--html", str(tmp / "a.html"),
           "--journal", journal, *extra, str(folder)]
    run = Run(label, cmd, load_before=_load())
    counter = _LineCounter(journal)
    already = counter.poll()  # a resumed journal already holds lines: count only the new ones
    cluster = [p for pid in (cluster_pids or []) for p in _tree(pid)]
    peak_cluster = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    interrupted = False
    cluster_cpu0 = _cpu(cluster)
    cpu = 0.0
    while proc.poll() is None:
        lines = counter.poll() - already
        tree = _tree(proc.pid)
        rss = _rss(tree)
        cpu = max(cpu, _cpu(tree) + _cpu(cluster) - cluster_cpu0)
        run.samples.append((time.perf_counter() - start, lines, rss, cpu, os.getloadavg()[0]))
        if cluster:
            peak_cluster = max(peak_cluster, _rss(cluster))
        if interrupt_at is not None and not interrupted and lines >= interrupt_at:
            proc.send_signal(signal.SIGINT)
            interrupted = True
        time.sleep(sample)
    run.seconds = time.perf_counter() - start
    run.exit_code = proc.returncode
    assert proc.stdout is not None
    run.summary = " ".join(proc.stdout.read().strip().splitlines()[-2:])
    run.journal_lines = counter.poll() - already
    counter.close()
    run.samples.append((run.seconds, run.journal_lines, 0, cpu, os.getloadavg()[0]))
    run.cpu_seconds = cpu  # the last sample's: the workers' exit is not seen, under 0.25 s of it
    run.peak_rss_mb = max(s[2] for s in run.samples) / 2**20
    run.peak_cluster_rss_mb = peak_cluster / 2**20 if cluster else None
    run.load_after = _load()
    print(f"  {label:<44} {run.seconds:7.1f} s  {(docs or run.journal_lines) / run.seconds:7.1f} docs/s  "
          f"CPU {run.cpu_seconds:6.1f} s  peak RSS {run.peak_rss_mb:5.0f} MB"
          + (f" (+ cluster {run.peak_cluster_rss_mb:.0f} MB)" if cluster else "")
          + f"  exit {run.exit_code}  load {run.load_before} → {run.load_after}")
    print(f"    {run.summary}")
    return run


Sample = tuple[float, int, int, float, float]


def _at(samples: list[Sample], n: int, column: int = 0) -> float | None:
    """Wall time (column 0) or CPU seconds (3) when the ``n``-th file finished, interpolated
    between the two samples around it."""
    prev = (0.0, 0)
    for sample in samples:
        x, lines = sample[column], sample[1]
        if lines >= n:
            x0, l0 = prev
            return x if lines == l0 else x0 + (x - x0) * (n - l0) / (lines - l0)
        prev = (x, lines)
    return None


def _rss_at(samples: list[Sample], n: int) -> float | None:
    """Largest tree RSS (MB) sampled up to the ``n``-th finished file."""
    seen = [s[2] for s in samples if s[1] <= n and s[2]]
    return max(seen) / 2**20 if seen else None


def _drift(run: Run, count: int, step: int = 1000) -> dict[str, object]:
    """Wall and CPU milliseconds per document of each thousand, and the mean load while it ran.

    The first thousand includes start-up (imports, discovery, starting the workers), so it is also
    measured from the first finished file; the second thousand is the steady-state reference. CPU
    time is the fair measure of drift on a shared machine: wall time also counts the neighbours."""
    marks = list(range(0, count + 1, step))
    wall = [_at(run.samples, k) if k else 0.0 for k in marks]
    cpu = [_at(run.samples, k, 3) if k else 0.0 for k in marks]
    if any(x is None for x in wall + cpu) or len(marks) < 3:
        return {}
    first_wall, first_cpu = _at(run.samples, 1), _at(run.samples, 1, 3)
    assert first_wall is not None and first_cpu is not None
    each = []
    for i in range(1, len(marks)):
        t0, t1 = wall[i - 1], wall[i]
        loads = [sm[4] for sm in run.samples if t0 <= sm[0] <= t1]  # type: ignore[operator]
        each.append({"docs": marks[i], "wall_ms": (t1 - t0) * 1000 / step,  # type: ignore[operator]
                     "cpu_ms": (cpu[i] - cpu[i - 1]) * 1000 / step,  # type: ignore[operator]
                     "load": sum(loads) / len(loads) if loads else None})
    steady_wall = (wall[1] - first_wall) * 1000 / (step - 1)  # type: ignore[operator]
    steady_cpu = (cpu[1] - first_cpu) * 1000 / (step - 1)  # type: ignore[operator]
    last = each[-1]
    return {"first_file_s": first_wall, "each_1000": each,
            "first_1000_from_first_file": {"wall_ms": steady_wall, "cpu_ms": steady_cpu},
            "drift_last_vs_first_pct": {"wall": (last["wall_ms"] / steady_wall - 1) * 100,
                                        "cpu": (last["cpu_ms"] / steady_cpu - 1) * 100},
            "drift_last_vs_second_pct": {"wall": (last["wall_ms"] / each[1]["wall_ms"] - 1) * 100,
                                         "cpu": (last["cpu_ms"] / each[1]["cpu_ms"] - 1) * 100},
            "rss_mb_by_1000": _rss_at(run.samples, step), "rss_mb_by_end": _rss_at(run.samples, count)}


def _print_drift(drift: dict, jobs: int) -> None:
    print(f"\ndrift (--jobs {jobs}; per document of each thousand, from the journal and CPU samples):")
    print(f"  {'files':>6} {'wall ms':>8} {'CPU ms':>7} {'load':>5}")
    for row in drift["each_1000"]:
        print(f"  {row['docs']:>6} {row['wall_ms']:8.2f} {row['cpu_ms']:7.2f} {row['load'] or 0:5.1f}")
    first = drift["first_1000_from_first_file"]
    d1, d2 = drift["drift_last_vs_first_pct"], drift["drift_last_vs_second_pct"]
    print(f"  first file done at {drift['first_file_s']:.2f} s; first thousand from it: {first['wall_ms']:.2f} "
          f"wall / {first['cpu_ms']:.2f} CPU ms per document")
    print(f"  last thousand vs first: wall {d1['wall']:+.1f} %, CPU {d1['cpu']:+.1f} %; "
          f"vs second: wall {d2['wall']:+.1f} %, CPU {d2['cpu']:+.1f} %")
    print(f"  tree RSS: {drift['rss_mb_by_1000']:.0f} MB by the 1 000th file, "
          f"{drift['rss_mb_by_end']:.0f} MB by the end")


def _dask(folder: Path, tmp: Path, sample: float) -> Run:
    import psutil
    from distributed import LocalCluster

    # Workers are new processes: they must import this checkout's thethuc, as the audit does.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        # The nannies and their workers are this process's children; the scheduler is a thread here.
        pids = [c.pid for c in psutil.Process().children()]
        print(f"  LocalCluster {cluster.scheduler_address}: 2 workers × 1 thread")
        return _audit("audit --scheduler (LocalCluster 2×1)", folder, tmp, str(tmp / "dask-journal.jsonl"),
                      ["--scheduler", cluster.scheduler_address], sample, cluster_pids=pids)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="documents in the archive")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", type=float, default=0.25, help="seconds between journal/RSS/CPU samples")
    ap.add_argument("--no-resume", action="store_true", help="skip the resume and interrupted runs")
    ap.add_argument("--no-dask", action="store_true", help="skip the LocalCluster run")
    ap.add_argument("--dask-count", type=int, default=None, help="documents for the Dask run (default --count)")
    args = ap.parse_args()

    OUT.mkdir(exist_ok=True)
    folder = corpus.build(OUT / f"corpus-{args.count}", args.count)
    files = corpus.files(folder)
    n, size = len(files), sum(p.stat().st_size for p in files)
    print(f"archive: {n} documents, {size / 2**20:.0f} MB, in {folder}  (cpu cores {os.cpu_count()}, "
          f"load average {_load()})")
    runs: dict[str, Run] = {}
    jobs = ["--jobs", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        journal = str(tmp / "journal.jsonl")
        runs["local"] = _audit(f"audit --jobs {args.jobs} (fresh journal)", folder, tmp, journal, jobs,
                               args.sample)
        journal_mb = os.path.getsize(journal) / 2**20
        outputs_mb = {name: os.path.getsize(tmp / name) / 2**20 for name in ("a.jsonl", "a.csv", "a.html")}
        if not args.no_dask:
            dask_n = args.dask_count or n
            dask_folder = folder if dask_n == n else corpus.build(OUT / f"corpus-{dask_n}", dask_n)
            if dask_n != n:  # the local pool on the same smaller corpus, side by side
                runs["local_dask_size"] = _audit(f"audit --jobs {args.jobs} ({dask_n} documents)", dask_folder,
                                                 tmp, str(tmp / "j-small.jsonl"), jobs, args.sample)
            runs["dask"] = _dask(dask_folder, tmp, args.sample)
        if not args.no_resume:
            runs["resume_all"] = _audit(f"audit --jobs {args.jobs} (resume, all unchanged)", folder, tmp,
                                        journal, jobs, args.sample, docs=n)
            half = str(tmp / "journal-half.jsonl")
            runs["interrupted"] = _audit(f"audit --jobs {args.jobs} (SIGINT at {n // 2})", folder, tmp, half,
                                         jobs, args.sample, interrupt_at=n // 2)
            runs["resume_rest"] = _audit(f"audit --jobs {args.jobs} (resume the rest)", folder, tmp, half,
                                         jobs, args.sample)

    local = runs["local"]
    drift = _drift(local, n)
    if drift:
        _print_drift(drift, args.jobs)
    factor = EXTRAPOLATE_TO / n
    extrapolated = {
        "documents": EXTRAPOLATE_TO, "seconds": local.seconds * factor, "cpu_seconds": local.cpu_seconds * factor,
        "journal_mb": journal_mb * factor, "outputs_mb": {k: v * factor for k, v in outputs_mb.items()},
        "assumptions": "linear in the document count: the same document mix (corpus.py seeds, 30-113 "
                       "paragraphs), the same 2 cores and load, per-document time constant over the run "
                       "(see drift), memory flat (see the RSS by the 1 000th file and by the end); "
                       "start-up is counted ten times over though it is paid once"}
    print(f"\nextrapolated to {EXTRAPOLATE_TO} documents (×{factor:g}, linear): "
          f"{extrapolated['seconds']:.0f} s ({extrapolated['seconds'] / 60:.1f} min) wall, "
          f"{extrapolated['cpu_seconds'] / 60:.1f} CPU min; journal "
          f"{extrapolated['journal_mb']:.0f} MB, JSONL {extrapolated['outputs_mb']['a.jsonl']:.0f} MB, "
          f"CSV {extrapolated['outputs_mb']['a.csv']:.0f} MB, HTML {extrapolated['outputs_mb']['a.html']:.0f} MB")
    if "dask" in runs:
        d = runs["dask"]
        base = runs.get("local_dask_size", local)
        print(f"Dask LocalCluster 2×1 vs --jobs {args.jobs} on {d.journal_lines} documents: wall {d.seconds:.1f} s "
              f"vs {base.seconds:.1f} s ({base.seconds / d.seconds:.2f}× the local pool's speed); CPU "
              f"{d.cpu_seconds:.1f} s vs {base.cpu_seconds:.1f} s (workers, client; the scheduler is a thread "
              f"of this script)")
    result = {"count": n, "corpus_mb": size / 2**20, "cpu_cores": os.cpu_count(),
              "runs": {k: {**asdict(v), "samples": len(v.samples)} for k, v in runs.items()},
              "drift": drift, "journal_mb": journal_mb, "outputs_mb": outputs_mb,
              "extrapolated": extrapolated}
    (OUT / "archive.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"\nresults: {OUT / 'archive.json'}")


if __name__ == "__main__":
    main()
