"""Extract the real documents listed in manifest.tsv from local git mirrors into tests/realdocs/files/.

The documents themselves are never committed (workplace rule: nothing a repository fetch brings is
committed); the manifest keeps, for each one, the public repository, the path in it, a commit that holds
it and its sha256, so anyone can fetch the repository again and rebuild the set.

Rows whose `origin` is `corpus/vn` are read by the tests straight from ../shared/corpus/vn and are not
extracted. A row is looked up in MIRROR_ROOT/<owner>+<name>/repo (a bare git directory, as the workplace
`fetch` tool leaves it) or <owner>+<name>.git; a missing mirror, commit or path, or a sha256 that does
not match, is counted and reported, never fatal: the tests skip a document that is not there.

Usage: python tests/realdocs/materialise.py [--mirror-root DIR] [--quiet]
Exit code 0 always (CI calls it before pytest even where no mirror exists).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.tsv"
FILES = HERE / "files"
DEFAULT_MIRROR_ROOT = Path(os.environ.get("THETHUC_MIRROR_ROOT", "/work/.mirror"))


@dataclass(frozen=True)
class Entry:
    id: str
    origin: str
    repo: str
    path: str
    commit: str
    sha256: str


def read_manifest(path: Path = MANIFEST) -> list[Entry]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [Entry(r["id"], r["origin"], r["source_repo"], r["path_in_repo"], r["commit"], r["sha256"])
                for r in csv.DictReader(fh, delimiter="\t")]


def git_dirs(root: Path, repo: str) -> list[Path]:
    flat = repo.replace("/", "+")
    return [d for d in (root / flat / "repo", root / f"{flat}.git", root / flat) if (d / "HEAD").is_file()]


def read_blob(git_dir: Path, commit: str, path: str) -> bytes | None:
    """The file at commit:path, or None. Paths are compared as git stores them (NFC or NFD alike)."""
    for spelling in _spellings(path):
        try:
            run = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{spelling}"],
                                 capture_output=True, check=False)
        except OSError:  # no git on this machine: report the document as not found
            return None
        if run.returncode == 0:
            return run.stdout
    return None


def _spellings(path: str) -> list[str]:
    import unicodedata  # only needed here

    forms = [path, unicodedata.normalize("NFC", path), unicodedata.normalize("NFD", path)]
    return list(dict.fromkeys(forms))


def materialise(entry: Entry, root: Path, dest: Path) -> str:
    """'ok', 'present', or why the file could not be brought."""
    target = dest / entry.id
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == entry.sha256:
        return "present"
    dirs = git_dirs(root, entry.repo)
    if not dirs:
        return f"no mirror of {entry.repo} under {root}"
    for git_dir in dirs:
        data = read_blob(git_dir, entry.commit, entry.path)
        if data is None:
            continue
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            return f"sha256 differs for {entry.repo}@{entry.commit[:10]}:{entry.path}"
        dest.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=dest, delete=False) as tmp:  # atomic: never a half file
            tmp.write(data)
        os.replace(tmp.name, target)
        return "ok"
    return f"{entry.commit[:10]}:{entry.path} not in the mirror of {entry.repo}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror-root", type=Path, default=DEFAULT_MIRROR_ROOT)
    ap.add_argument("--dest", type=Path, default=FILES)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    entries = [e for e in read_manifest() if e.origin == "mirror"]
    done = missing = 0
    for entry in entries:
        outcome = materialise(entry, args.mirror_root, args.dest)
        if outcome in ("ok", "present"):
            done += 1
        else:
            missing += 1
            if not args.quiet:
                print(f"realdocs: {entry.id}: {outcome}", file=sys.stderr)
    print(f"realdocs: {done} of {len(entries)} mirror documents in {args.dest}; {missing} not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
