"""thethuc.testing is a public API for rule-set authors, and python-docx is no runtime dependency.

The checker and the builders must work where python-docx is not installed (it is only in the test extra):
each run here starts a Python in which ``import docx`` fails, as it does after ``pip install thethuc``.
"""
from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# `import docx` raises ImportError in the child, as if python-docx were not installed.
NO_PYTHON_DOCX = "import sys\nsys.modules['docx'] = None\n"
# distribution name → the module it is imported as, where the two differ
IMPORT_NAME = {"python-docx": "docx", "pyyaml": "yaml"}


def documented_example() -> str:
    """The Python block of docs/testing.md, as a rule-set author copies it."""
    text = (ROOT / "docs" / "testing.md").read_text("utf-8")
    [block] = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    return block


def _run(code: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", NO_PYTHON_DOCX + code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_documented_example_runs_without_python_docx(tmp_path: Path) -> None:
    run = _run(documented_example(), tmp_path)
    assert run.returncode == 0, run.stderr
    assert {p.name for p in tmp_path.iterdir()} == {"tinh-uy.yaml", "dung.docx", "co-15.docx"}


def test_the_block_is_proved_to_have_no_python_docx(tmp_path: Path) -> None:
    # The guard itself: in the child, python-docx cannot be imported even though the test extra has it.
    run = _run("import docx\n", tmp_path)
    assert run.returncode == 1 and "ModuleNotFoundError: import of docx halted" in run.stderr


def test_check_fix_annotate_and_audit_run_without_python_docx(tmp_path: Path) -> None:
    cli = "from thethuc.cli import main\nsys.argv[0] = 'thethuc'\nmain()\n"
    samples = str(ROOT / "samples" / "bad")
    check = _run(cli, tmp_path, "check", samples, "--format", "json")
    assert check.returncode == 1, check.stderr  # the bad samples have findings; 2 or 3 would be a failure
    assert json.loads(check.stdout)["summary"]["errors"] == 0
    one = tmp_path / "sai-co-chu.docx"
    one.write_bytes((ROOT / "samples" / "bad" / one.name).read_bytes())
    annotated = _run(cli, tmp_path, "annotate", str(one))
    assert annotated.returncode == 1, annotated.stderr
    assert (tmp_path / "sai-co-chu.checked.docx").is_file()
    fixed = _run(cli, tmp_path, "fix", str(one))
    assert fixed.returncode == 0, fixed.stderr
    assert (tmp_path / "sai-co-chu.fixed.docx").is_file()
    audit = _run(cli, tmp_path, "audit", samples, "--quiet", "--html", str(tmp_path / "a.html"))
    assert audit.returncode == 1, audit.stderr
    assert "<html" in (tmp_path / "a.html").read_text("utf-8")


def _third_party_imports() -> set[str]:
    stdlib = set(sys.stdlib_module_names)
    found: set[str] = set()
    for path in (ROOT / "thethuc").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - stdlib - {"thethuc"}


def _requirement_names(requirements: list[str]) -> set[str]:
    names = {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements}
    return {IMPORT_NAME.get(n, n) for n in names}


def test_runtime_dependencies_are_exactly_what_the_package_imports() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = _requirement_names(project["dependencies"])
    optional = _requirement_names(project["optional-dependencies"]["distributed"])
    imported = _third_party_imports()
    assert runtime == imported - optional  # nothing installed for nobody, nothing imported but not installed
    assert "docx" not in imported and "docx" in _requirement_names(project["optional-dependencies"]["test"])
