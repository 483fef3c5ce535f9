"""The recognise stage alone, over documents loaded once: instructions, time, profile.

    python benchmarks/recognise_only.py real --instructions   # callgrind: cold and warm recognise, both corpora
    python benchmarks/recognise_only.py seeds --instructions
    python benchmarks/recognise_only.py real --time 7         # best of 7, wall ms, cold and warm
    python benchmarks/recognise_only.py real --profile        # cProfile (cold passes), by own time
    python benchmarks/recognise_only.py real --each 2         # what callgrind runs: each document twice in a row
    python benchmarks/recognise_only.py real --instructions --root ../main   # the thethuc of another checkout

``real`` is ../shared/corpus/vn and tests/realdocs/files (the 43 documents of no_template.py; run
``python tests/realdocs/materialise.py`` first), ``seeds`` the generated corpus's 36 seeds (corpus.py).
The documents are loaded once and kept in a pickle under benchmarks/out/ (loading them under
callgrind costs more than recognising them); only ``recognise(doc)`` is run.

Two figures, because recognise remembers text facts across calls (``textutil``'s memos, the
``lru_cache``s of ``fixed_kind`` and ``parse_label``):
- cold: each document recognised once, one after the other, as ``thethuc check``/``audit`` does;
- warm: the same document recognised again right after, as ``no_template.py``'s best of five sees it.
Under callgrind, ``--each 1`` minus ``--each 0`` is the cold pass, ``--each 2`` minus ``--each 1`` the warm
one (load-independent, the measure of each lever).
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import os
import pickle
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path[:0] = [str(HERE), str(ROOT)]


def _paths(corpus_name: str) -> list[Path]:
    if corpus_name == "real":
        from real_documents import real_documents

        return real_documents()
    import corpus

    from thethuc.testing.party import write_party

    seed_dir = OUT / f"seeds-{corpus.FORMAT}"
    seed_dir.mkdir(parents=True, exist_ok=True)
    out = []
    for name, doc, layout in corpus.seeds():
        path = seed_dir / f"{name}.docx"
        if not path.exists():
            write_party(path, doc, layout)
        out.append(path)
    return out


def _documents(corpus_name: str) -> list[object]:
    """The loaded documents, pickled once per corpus (keyed by the file names and sizes)."""
    paths = _paths(corpus_name)
    key = hashlib.sha1(repr([(p.name, p.stat().st_size) for p in paths]).encode()).hexdigest()[:12]
    cached = OUT / f"recognise-{corpus_name}-{key}.pickle"
    if cached.exists():
        with cached.open("rb") as fh:
            docs: list[object] = pickle.load(fh)
        return docs
    from thethuc.errors import DocxInputError
    from thethuc.load import load_document

    docs = []
    for path in paths:
        try:
            docs.append(load_document(str(path)))
        except DocxInputError:
            continue
    OUT.mkdir(parents=True, exist_ok=True)
    with cached.open("wb") as fh:
        pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


def _instructions(corpus_name: str, root: Path | None) -> None:
    """Callgrind totals of ``--each`` 0, 1 and 2 → the cold and the warm recognise."""
    docs = _documents(corpus_name)  # the pickle, made outside callgrind
    # Outside callgrind too: the thethuc cache's entries for this checkout (the document types,
    # read when recognise is imported; a checkout seen first would parse the YAML in --each 0).
    subprocess.run([sys.executable, __file__, corpus_name, "--each", "0", *(["--root", str(root)] if root else [])],
                   check=True)
    totals = {}
    for each in (0, 1, 2):
        out = f"/tmp/cg-recognise-{corpus_name}-{each}-{os.getpid()}.out"
        # One hash seed: with random ones the same code's warm pass varied by ±3 % (set and dict layouts).
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                        __file__, corpus_name, "--each", str(each), "--no-gc",
                        *(["--root", str(root)] if root else [])], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": "0"})
        totals[each] = int(re.findall(r"^(?:summary|totals): (\d+)", Path(out).read_text(), re.M)[-1])
    from thethuc import model

    paras = sum(len(d.paragraphs) for d in docs if isinstance(d, model.Document))
    cold = totals[1] - totals[0]
    warm = totals[2] - totals[1]
    print(f"{corpus_name}: {len(docs)} documents, {paras} paragraphs; recognise instructions: "
          f"cold {cold / 1e6:.1f} M ({cold / paras / 1e3:.1f} k/paragraph), "
          f"warm {warm / 1e6:.1f} M ({warm / paras / 1e3:.1f} k/paragraph)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", choices=("real", "seeds"))
    ap.add_argument("--each", type=int, default=1, help="recognise each document this many times in a row")
    ap.add_argument("--time", type=int, default=0, help="best of this many passes, wall ms")
    ap.add_argument("--profile", action="store_true", help="cProfile of 5 cold passes")
    ap.add_argument("--instructions", action="store_true", help="callgrind of --each 0, 1 and 2")
    ap.add_argument("--no-gc", action="store_true", help="the garbage collector off (what --instructions runs)")
    ap.add_argument("--root", type=Path, help="import thethuc from this checkout (e.g. /work/main: the baseline)")
    args = ap.parse_args()
    if args.root:
        sys.path.insert(0, str(args.root.resolve()))
    if args.instructions:
        _instructions(args.corpus, args.root)
        return
    docs = _documents(args.corpus)
    # A check holds one document; the collector walking all 43 at every full collection would
    # triple the time measured here (not recognise's cost): the loaded documents are set aside, and
    # under callgrind the collector is off (when it runs depends on what this script holds).
    gc.collect()
    gc.freeze()
    if args.no_gc:
        gc.disable()
    from thethuc.recognise import recognise

    if args.time:
        recognise(docs[0])  # type: ignore[arg-type]
        cold = warm = float("inf")
        for _ in range(args.time):
            start = time.perf_counter()
            for doc in docs:
                recognise(doc)  # type: ignore[arg-type]
            cold = min(cold, time.perf_counter() - start)
            spent = 0.0
            for doc in docs:
                recognise(doc)  # type: ignore[arg-type]
                start = time.perf_counter()
                recognise(doc)  # type: ignore[arg-type]
                spent += time.perf_counter() - start
            warm = min(warm, spent)
        print(f"{args.corpus}: {len(docs)} documents, recognise best of {args.time}: "
              f"cold {cold * 1000:.1f} ms, warm {warm * 1000:.1f} ms")
        return
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for _ in range(5):
            for doc in docs:
                recognise(doc)  # type: ignore[arg-type]
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(45)
        return
    for doc in docs:
        for _ in range(args.each):
            recognise(doc)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
