"""`thethuc init`: writes the commented configuration once, refuses to overwrite, prints the snippet."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from thethuc.cli import main
from thethuc.commands.init import CONFIG_TEMPLATE
from thethuc.config import read_config


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_config_and_prints_snippet(here: Path) -> None:
    result = CliRunner().invoke(main, ["init", "--repo", "https://git.example.vn/vanphong/thethuc"])
    assert result.exit_code == 0, result.output
    written = (here / ".thethuc.yaml").read_text(encoding="utf-8")
    assert written == CONFIG_TEMPLATE
    config = read_config(here / ".thethuc.yaml")
    assert (config.extends, config.stage) == ("auto", "draft")  # the rule set in force, drafts
    snippet = result.output[result.output.index("repos:"):]
    hook = yaml.safe_load(snippet)["repos"][0]
    assert hook["repo"] == "https://git.example.vn/vanphong/thethuc"
    assert hook["hooks"] == [{"id": "thethuc"}]
    assert not [p.name for p in here.iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_init_refuses_to_overwrite(here: Path) -> None:
    (here / ".thethuc.yaml").write_text("lang: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 2
    assert "--force" in result.output
    assert (here / ".thethuc.yaml").read_text(encoding="utf-8") == "lang: en\n"


def test_init_force_overwrites(here: Path) -> None:
    (here / ".thethuc.yaml").write_text("lang: en\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", "--force"])
    assert result.exit_code == 0, result.output
    assert (here / ".thethuc.yaml").read_text(encoding="utf-8") == CONFIG_TEMPLATE
