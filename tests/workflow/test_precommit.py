"""The pre-commit hook for real: `pre-commit try-repo` installs this project and runs it on Word files.

try-repo only sees committed and tracked files of a local repository (it shadows `git add -u`),
so the test copies the project tree (whatever holds it: a git checkout, a release tarball, a
`git archive`) into a temporary repository, tags it with the package version as a release is
tagged, and points try-repo at that tag: the `rev:` of the README snippet.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.workflow.project_tree import PROJECT, copy_project
from thethuc import __version__
from thethuc.commands.init import precommit_snippet
from thethuc.testing.party import Layout, PartyDoc, Signer, body, write_party

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
RELEASE_TAG = f"v{__version__}"  # what the README and `thethuc init` put in `rev:`

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.vn",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.vn")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout


def _snapshot(target: Path) -> Path:
    """A one-commit repository holding the project's tree as it is now, tagged ``v<version>``."""
    copy_project(target)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot")
    _git(target, "tag", "-a", RELEASE_TAG, "-m", f"thethuc {__version__}")
    return target


def _document() -> PartyDoc:
    return PartyDoc(
        co_quan_cap_tren=("ĐẢNG BỘ TỈNH LẠNG SƠN",), co_quan_ban_hanh=("TỈNH ỦY",),
        so_ky_hieu="Số 15-NQ/TU", dia_danh_ngay="Lạng Sơn, ngày 27 tháng 8 năm 2018",
        ten_loai="NGHỊ QUYẾT", trich_yeu=("về công tác văn thư, lưu trữ",),
        body=body("Căn cứ Điều lệ Đảng, Tỉnh ủy quyết nghị như sau.", ("de_muc_1", "I. TÌNH HÌNH"),
                  "Công tác văn thư được thực hiện nghiêm túc."),
        signers=(Signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"),),
        noi_nhan_muc=("- Ban Bí thư (để báo cáo),", "- Lưu Văn phòng Tỉnh ủy."),
    )


@pytest.fixture(scope="module")
def drafting_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("kho-van-ban")
    write_party(repo / "good.docx", _document())
    write_party(repo / "bad.docx", _document(), Layout(overrides={"tieu_de": {"size_pt": 13, "bold": False}}))
    (repo / "hong.DOCX").write_bytes(b"not a zip at all")
    (repo / "ghi-chu.txt").write_text("không phải văn bản Word\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    return repo


@pytest.fixture(scope="module")
def project_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _snapshot(tmp_path_factory.mktemp("thethuc-snapshot"))


def _try_repo(repo: Path, project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(repo.parent / "pre-commit-home"), NO_COLOR="1")
    return subprocess.run([str(PRE_COMMIT), "try-repo", str(project), "thethuc", "--ref", RELEASE_TAG,
                           *args, "--color", "never"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False)


def test_hook_manifest_selects_word_files_only() -> None:
    [hook] = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "thethuc", "thethuc check", "python", True)
    assert hook["types_or"] == ["file"]
    pattern = re.compile(hook["files"])
    assert [n for n in ("a.docx", "b.DOCX", "c.docm", "d.dotx", "e.doc", "f.docx.txt", "g.xlsx")
            if pattern.search(n)] == ["a.docx", "b.DOCX", "c.docm", "d.dotx"]


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed in this environment")
def test_hook_passes_a_good_document(drafting_repo: Path, project_snapshot: Path) -> None:
    run = _try_repo(drafting_repo, project_snapshot, "--files", "good.docx", "ghi-chu.txt")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed in this environment")
def test_hook_fails_on_findings_and_unreadable_files(drafting_repo: Path, project_snapshot: Path) -> None:
    run = _try_repo(drafting_repo, project_snapshot, "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout
    assert "H002" in run.stdout  # the title's size and weight, in bad.docx
    assert "hong.DOCX" in run.stdout  # binary Word files by any case of extension reach the hook
    assert "ghi-chu.txt" not in run.stdout


def test_snippet_rev_is_the_release_tag_of_this_version() -> None:
    # README and `thethuc init` name the same rev, and it is the tag the release carries (the tag
    # the tests above install from).
    assert f"rev: {RELEASE_TAG}\n" in precommit_snippet("x")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"^\s*rev: (\S+)$", readme, re.M) == [RELEASE_TAG]


def test_snapshot_needs_no_git_checkout(tmp_path: Path) -> None:
    # A release tarball or `git archive` has no .git: the snapshot copies the tree, it does not ask git.
    snap = _snapshot(tmp_path / "snap")
    assert (snap / ".pre-commit-hooks.yaml").is_file() and (snap / "thethuc" / "cli.py").is_file()
    assert not (snap / ".venv").exists()
    assert _git(snap, "tag", "--list").split() == [RELEASE_TAG]
