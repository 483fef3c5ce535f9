"""The installed package, not the source tree: built as a wheel and installed into a fresh virtualenv.

In the source tree the rule sets are found next to the code (``rules/``); installed they are the
package data ``thethuc.rules``, a namespace package, and only a real installation shows whether
they are found there.
"""
from __future__ import annotations

import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.workflow.project_tree import copy_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``thethuc`` script of a virtualenv where only the built wheel provides the package."""
    root = tmp_path_factory.mktemp("wheel")
    source = copy_project(root / "src")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root / "dist"),
                            str(source)], capture_output=True, text=True, timeout=600, check=False)
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("no package index to build the wheel with (setuptools>=77 is a build requirement)")
    assert built.returncode == 0, built.stderr
    [wheel] = (root / "dist").glob("thethuc-*.whl")
    # The test environment's dependencies are reused through a .pth file (no network; the test
    # environment may itself be a venv, which --system-site-packages would skip); the project
    # itself comes only from the wheel.
    venv.create(root / "venv", with_pip=True)
    python = root / "venv" / "bin" / "python"
    [own_site] = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                check=True, capture_output=True, text=True).stdout.split()
    Path(own_site, "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    # --ignore-installed: where the test environment has thethuc installed itself (CI installs '.[test]'),
    # pip would see it through the .pth file, call it satisfied and install nothing.
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed",
                    str(wheel)], check=True, capture_output=True, timeout=600)
    return root / "venv" / "bin" / "thethuc"


def test_installed_wheel_lists_its_builtin_rule_sets(installed: Path, tmp_path: Path) -> None:
    run = subprocess.run([str(installed), "rules", "--ruleset", "hd99"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 2
    assert "các bộ có sẵn: hd05, hd36, nd30" in run.stderr, run.stderr


def test_installed_wheel_preloads_every_builtin_rule_set(installed: Path, tmp_path: Path) -> None:
    # The audit's fork server warms the rule sets it can list; none listed means every worker pays.
    python = installed.with_name("python")
    code = ("import thethuc, thethuc.ruleset.loader as l, thethuc.ruleset as r; "
            "import thethuc.audit.preload; "
            "print(thethuc.__file__); print(l.builtin_names()); print(r._load_cached.cache_info().currsize)")
    run = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         check=False)
    where, names, loaded = run.stdout.splitlines()
    assert where.startswith(str(installed.parent.parent)) and "site-packages" in where  # the wheel's copy
    assert names == "('hd05', 'hd36', 'nd30')"
    assert int(loaded) == 3


def test_installed_wheel_runs_the_documented_testing_example(installed: Path, tmp_path: Path) -> None:
    # docs/testing.md's rule-set test, against the wheel's thethuc.testing, with python-docx unimportable.
    from tests.workflow.test_testing_api import NO_PYTHON_DOCX, documented_example

    code = (NO_PYTHON_DOCX + "import thethuc.testing.party\nprint(thethuc.testing.party.__file__)\n"
            + documented_example())
    run = subprocess.run([str(installed.with_name("python")), "-c", code], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(str(installed.parent.parent)) and "site-packages" in run.stdout
