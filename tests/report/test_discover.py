import os
from pathlib import Path

import pytest

from thethuc.discover import PathNotFoundError, discover


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PK")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    touch(tmp_path, "b.docx", "A.DOCX", "c.docm", "d.dotx", "e.doc", "f.txt", "~$b.docx", "._g.docx",
          "sub/z.docx", "sub/deeper/y.docx", "sub2/x.Docx", ".git/h.docx", "sub/.hidden/i.docx")
    return tmp_path


def displays(paths: list[str]) -> list[str]:
    return [c.display for c in discover(paths)]


def test_folder_is_searched_recursively_in_sorted_order(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert displays(["."]) == [os.path.join(".", p) for p in (
        "A.DOCX", "b.docx", "c.docm", "d.dotx",
        os.path.join("sub", "deeper", "y.docx"), os.path.join("sub", "z.docx"), os.path.join("sub2", "x.Docx"))]


def test_display_path_joins_the_given_folder(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert displays(["sub"]) == [os.path.join("sub", "deeper", "y.docx"), os.path.join("sub", "z.docx")]
    assert displays(["sub/"]) == ["sub/deeper/y.docx", "sub/z.docx"]
    got = list(discover([str(tree / "sub2")]))
    assert got[0].display == str(tree / "sub2" / "x.Docx") and got[0].path.is_file()


def test_files_given_explicitly_are_kept_whatever_their_extension(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert displays(["e.doc", "f.txt", "~$b.docx"]) == ["e.doc", "f.txt", "~$b.docx"]


def test_lock_files_hidden_folders_and_other_extensions_skipped_in_folders(tree: Path) -> None:
    names = {c.path.name for c in discover([str(tree)])}
    assert "~$b.docx" not in names and "._g.docx" not in names
    assert "h.docx" not in names and "i.docx" not in names
    assert "e.doc" not in names and "f.txt" not in names
    assert names == {"A.DOCX", "b.docx", "c.docm", "d.dotx", "z.docx", "y.docx", "x.Docx"}


def test_a_hidden_folder_given_explicitly_is_searched(tree: Path) -> None:
    assert [c.path.name for c in discover([str(tree / ".git")])] == ["h.docx"]


def test_missing_path_raises_before_anything_is_yielded(tree: Path) -> None:
    with pytest.raises(PathNotFoundError) as info:
        discover([str(tree / "b.docx"), str(tree / "khong-co.docx")])
    assert info.value.path == str(tree / "khong-co.docx")


def test_a_file_reached_twice_is_yielded_once(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert displays(["sub/z.docx", "sub"]) == ["sub/z.docx", os.path.join("sub", "deeper", "y.docx")]


def test_vietnamese_names_are_found(tmp_path: Path) -> None:
    touch(tmp_path, "Nghị quyết số 15.docx")
    assert [c.path.name for c in discover([str(tmp_path)])] == ["Nghị quyết số 15.docx"]
