"""The optional mypyc build (setup.py, ``THETHUC_MYPYC=1``) gives byte-identical reports.

Both wheels are built the way a user installs them — ``pip wheel .`` in pip's isolated build
environment — one plain, with the C compiler hidden (``CC=false``: the default build needs none),
one with ``THETHUC_MYPYC=1``. Each is unpacked into its own folder and run as
``python -m thethuc check --format json`` (and one ``audit --jsonl``) over the samples, the
Vietnamese corpus, the real-document set when materialised and the robustness corpus (broken
files: the error paths, where a compiled module's run-time type checks would show first); the
reports must be the same bytes.

Compiling takes minutes, so the test runs only when THETHUC_TEST_MYPYC=1 asks (CI sets it); asked
for, a missing compiler or mypy is a failure, not a skip.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
COMPILED_PACKAGES = ("thethuc/load", "thethuc/recognise", "thethuc/checks")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("THETHUC_TEST_MYPYC") != "1",
                       reason="the compiled build takes minutes: set THETHUC_TEST_MYPYC=1 to run it"),
]


def _compiled_modules() -> list[str]:
    """setup.py's list of the modules the opt-in build compiles (setup() not run)."""
    source = (ROOT / "setup.py").read_text("utf-8").split("\nif not _wanted():")[0]
    space: dict[str, object] = {"__file__": str(ROOT / "setup.py"), "__name__": "setup_probe"}
    exec(compile(source, "setup.py", "exec"), space)
    listed = space["compiled_modules"]()  # type: ignore[operator]
    return list(listed)


def copy_sources(dest: Path) -> None:
    """What a wheel is built from, without caches or extension modules of an earlier in-place build."""
    for name in ("pyproject.toml", "setup.py", "README.md"):
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
    for folder in ("thethuc", "rules"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c"))


def _wheel(tmp: Path, name: str, env: dict[str, str]) -> Path:
    """``pip wheel`` of a copy of this checkout, unpacked into ``tmp/name``."""
    src = tmp / f"{name}-src"
    copy_sources(src)
    out = tmp / f"{name}-wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
                   env={**os.environ, **env}, check=True)
    (wheel,) = out.glob("thethuc-*.whl")
    target = tmp / name
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    return target


def _run(site: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # -P: the current folder is not put first on sys.path, so `python -m` takes the unpacked wheel.
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-P", "-m", "thethuc", *args], cwd=cwd, env=env,
                          capture_output=True, check=False)


def _inputs() -> list[str]:
    folders = [ROOT / "samples", CORPUS / "vn", CORPUS / "robustness", ROOT / "tests" / "realdocs" / "files"]
    return [str(f.resolve()) for f in folders if f.is_dir()]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("builds")
    pure = _wheel(tmp, "pure", {"CC": "false", "THETHUC_MYPYC": ""})
    compiled = _wheel(tmp, "compiled", {"THETHUC_MYPYC": "1"})
    return pure, compiled


def test_the_default_build_is_pure_python_and_the_opt_in_build_is_compiled(builds: tuple[Path, Path]) -> None:
    pure, compiled = builds
    assert not list(pure.rglob("*.so"))
    listed = _compiled_modules()
    assert any(m.startswith("thethuc/checks/") for m in listed) and len(listed) >= 30
    for package in COMPILED_PACKAGES:
        modules = [p for p in (compiled / package).glob("*.py") if p.name != "__init__.py"]
        assert modules
        built = {f"{package}/{p.name}" for p in modules if list(p.parent.glob(f"{p.stem}.*.so"))}
        assert built == {m for m in listed if m.startswith(f"{package}/") and not m.endswith("__init__.py")}
    probe = ["-c", "import thethuc.load.cascade as m; print(m.__file__)"]
    env = {**os.environ, "PYTHONPATH": str(compiled)}
    where = subprocess.run([sys.executable, "-P", *probe], env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip().endswith(".so")


# Both rule-set paths (auto: recognised type and family; hd36 named) and both stages.
@pytest.mark.parametrize(("ruleset", "stage"), [("auto", "issued"), ("hd36", "draft")])
def test_both_builds_write_the_same_json_report(builds: tuple[Path, Path], tmp_path: Path, ruleset: str,
                                                stage: str) -> None:
    reports = []
    for site in builds:
        out = tmp_path / f"{site.name}.json"
        done = _run(site, ["check", "--format", "json", "--ruleset", ruleset, "--stage", stage,
                           "--output", str(out), *_inputs()], cwd=tmp_path)
        assert done.returncode in (1, 3), done.stderr.decode()  # findings, and unreadable robustness files
        reports.append(out.read_bytes())
    assert reports[0] == reports[1]
    assert len(reports[0]) > 1000


def test_both_builds_write_the_same_audit_jsonl(builds: tuple[Path, Path], tmp_path: Path) -> None:
    lines = []
    for site in builds:
        out = tmp_path / f"{site.name}.jsonl"
        # One process: the lines come in the order the files were found, the same in both runs.
        done = _run(site, ["audit", "--quiet", "--jobs", "1", "--lang", "en", "--jsonl", str(out),
                           *_inputs()], cwd=tmp_path)
        assert done.returncode in (1, 3), done.stderr.decode()
        lines.append(out.read_bytes())
    assert lines[0] == lines[1]
