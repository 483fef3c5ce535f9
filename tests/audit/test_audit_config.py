"""`audit` reads the configuration as `check` does: the same folder gets the same verdicts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli.cli_docs import body_13pt, good, top_margin_25
from thethuc.cli import main


def _folder(root: Path) -> Path:
    folder = root / "ho-so"
    folder.mkdir(parents=True)
    good(folder / "a-dat.docx")
    body_13pt(folder / "b-co-13.docx")  # B001 (error)
    top_margin_25(folder / "c-le-tren.docx")  # P003 (warning)
    return folder


def _check(*args: str) -> tuple[int, dict[str, list[str]]]:
    res = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert res.exit_code in (0, 1), res.output
    return res.exit_code, {Path(f["path"]).name: sorted(x["code"] for x in f["findings"])
                           for f in json.loads(res.stdout)["files"]}


def _audit(tmp_path: Path, *args: str) -> tuple[Result, dict[str, list[str]]]:
    out = tmp_path / "kq.jsonl"
    res = CliRunner().invoke(main, ["audit", "-q", "--jobs", "1", "--jsonl", str(out), *args])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return res, {Path(f["path"]).name: sorted(x["code"] for x in f["findings"]) for f in lines}


@pytest.mark.parametrize(("config_name", "text"), [
    (".thethuc.yaml", "extends: hd36\nignore: [B001]\nfail-on: warning\n"),
    ("pyproject.toml", '[tool.thethuc]\nextends = "hd36"\nignore = ["B001"]\nfail-on = "warning"\n'),
])
def test_audit_follows_the_configuration_like_check(tmp_path: Path, config_name: str, text: str) -> None:
    folder = _folder(tmp_path)
    (folder / config_name).write_text(text, encoding="utf-8")
    check_exit, checked = _check(str(folder))
    audited, found = _audit(tmp_path, str(folder))
    assert found == checked == {"a-dat.docx": [], "b-co-13.docx": [], "c-le-tren.docx": ["P003"]}
    assert audited.exit_code == check_exit == 1  # fail-on: warning, from the file, in both


def test_audit_takes_select_ignore_and_config_like_check(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    other = tmp_path / "cau-hinh.toml"
    other.write_text('extends = "hd36"\nignore = ["P003"]\n', encoding="utf-8")
    for args in (("--ruleset", "hd36", "--ignore", "B001,P003"), ("--ruleset", "hd36", "--select", "P"),
                 ("--config", str(other))):
        check_exit, checked = _check(*args, str(folder))
        audited, found = _audit(tmp_path, *args, str(folder))
        assert found == checked, args
        assert audited.exit_code == check_exit, args


def test_a_bad_configuration_stops_the_audit_before_any_output(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / ".thethuc.yaml").write_text("extends: hd36\nignore: [B0O1]\n", encoding="utf-8")
    res, found = _audit(tmp_path, str(folder))
    assert res.exit_code == 2 and found == {}
    assert res.stderr.startswith(f"thethuc audit: {folder / '.thethuc.yaml'}:2: 'ignore': không có quy tắc")
    typo, _ = _audit(tmp_path, "--no-config", "--ignore", "Q", str(folder))
    assert typo.exit_code == 2 and "không có quy tắc nào khớp 'Q'" in typo.stderr


def test_a_changed_configuration_is_not_answered_from_the_journal(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    config = folder / ".thethuc.yaml"
    config.write_text("extends: hd36\n", encoding="utf-8")
    journal = str(tmp_path / "nhat-ky.jsonl")
    _, first = _audit(tmp_path, "--journal", journal, str(folder))
    assert first["b-co-13.docx"] == ["B001"]
    config.write_text("extends: hd36\nignore: [B001]\n", encoding="utf-8")
    _, second = _audit(tmp_path, "--journal", journal, str(folder))
    assert second["b-co-13.docx"] == []  # re-checked under the new configuration
