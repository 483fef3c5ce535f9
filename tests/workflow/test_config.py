"""Project configuration: discovery (nearest wins), pyproject [tool.thethuc], validation, CLI precedence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from thethuc.commands.init import CONFIG_TEMPLATE
from thethuc.config import (
    CliOptions,
    ConfigResolver,
    ProjectConfig,
    find_config,
    glob_matches,
    read_config,
    resolve,
)
from thethuc.errors import RuleSetError
from thethuc.ruleset import RuleSet


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _rule_file(folder: Path, name: str) -> str:
    """A user rule set on top of hd36, so extends tests do not depend on which built-ins exist."""
    _write(folder / f"{name}.yaml", f"ruleset: {name}\nextends: hd36\nrules: {{}}\n")
    return f"{name}.yaml"


def test_nearest_config_wins(tmp_path: Path) -> None:
    outer = _write(tmp_path / ".thethuc.yaml", "extends: hd36\n")
    inner = _write(tmp_path / "a" / "b" / ".thethuc.yaml", "extends: hd05\n")
    doc = _write(tmp_path / "a" / "b" / "c" / "x.docx", "")
    assert find_config(doc) == inner
    assert find_config(tmp_path / "a" / "y.docx") == outer


def test_pyproject_counts_only_with_a_thethuc_table(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.thethuc]\nextends = "nd30"\nignore = ["P009"]\n')
    _write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    found = find_config(tmp_path / "sub" / "x.docx")
    assert found == tmp_path / "pyproject.toml"
    config = read_config(found)
    assert (config.extends, config.ignore) == ("nd30", ("P009",))


def test_yaml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.thethuc]\nlang = \"en\"\n")
    yaml_file = _write(tmp_path / ".thethuc.yaml", "lang: vi\n")
    assert find_config(tmp_path / "x.docx") == yaml_file


def test_no_config_gives_defaults(tmp_path: Path) -> None:
    settings = resolve(ProjectConfig(), CliOptions())
    # `check` picks the guideline per document (auto) and checks drafts by default.
    assert (settings.ruleset, settings.fail_on, settings.lang, settings.select) == ("auto", "error", "vi", None)
    assert settings.stage == "draft"


def test_all_keys_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path / ".thethuc.yaml", """\
extends: hd05
lang: en
fail-on: warning
select: [H, P001]
ignore: P009, B006
per-file-ignores:
  "du-thao/**": [H008]
rules:
  B004: {severity: warning}
  P009: off
""")
    config = read_config(path)
    assert config.extends == "hd05" and config.lang == "en" and config.fail_on == "warning"
    assert config.select == ("H", "P001") and config.ignore == ("P009", "B006")
    assert config.per_file_ignores == (("du-thao/**", ("H008",)),)
    assert config.rules["B004"] == {"severity": "warning"}
    assert config.root == str(tmp_path.resolve())


def test_command_line_beats_the_file(tmp_path: Path) -> None:
    ours = _rule_file(tmp_path, "ours")
    config = read_config(_write(tmp_path / ".thethuc.yaml",
                                f"extends: {ours}\nlang: en\nfail-on: info\nselect: [H]\nignore: [H003]\n"))
    cli = CliOptions(ruleset="hd36", lang="vi", fail_on="error", select=("B",), ignore=())
    settings = resolve(config, cli)
    assert (settings.ruleset, settings.lang, settings.fail_on) == ("hd36", "vi", "error")
    assert settings.select == ("B",) and settings.ignore == ()
    unset = resolve(config, CliOptions())
    assert (unset.ruleset, unset.lang, unset.fail_on, unset.select, unset.ignore) == (
        str(tmp_path / "ours.yaml"), "en", "info", ("H",), ("H003",))


def test_extends_path_is_relative_to_the_config(tmp_path: Path) -> None:
    _rule_file(tmp_path / "cfg" / "rules", "ours")
    config = read_config(_write(tmp_path / "cfg" / ".thethuc.yaml", "extends: rules/ours.yaml\n"))
    assert resolve(config, CliOptions()).ruleset == str((tmp_path / "cfg" / "rules" / "ours.yaml").resolve())


@pytest.mark.parametrize(("pattern", "relative", "expected"), [
    ("du-thao/**", "du-thao/a.docx", True),
    ("du-thao/**", "du-thao/2024/b.docx", True),
    ("du-thao/**", "chinh-thuc/a.docx", False),
    ("**/mau-*.docx", "x/y/mau-01.docx", True),
    ("**/mau-*.docx", "mau-01.docx", True),
    ("*.dotx", "sub/deep/template.dotx", True),  # no slash: matches the name anywhere, like ruff
    ("luu-tru/2017/*.docx", "luu-tru/2017/sub/a.docx", False),  # "*" stops at a folder
    ("./du-thao/*.docx", "du-thao/a.docx", True),
])
def test_per_file_ignore_globs(tmp_path: Path, pattern: str, relative: str, expected: bool) -> None:
    assert glob_matches(pattern, tmp_path / relative, tmp_path) is expected


def test_per_file_ignores_join_the_ignore_list_for_matching_files(tmp_path: Path) -> None:
    config = read_config(_write(tmp_path / ".thethuc.yaml",
                                'ignore: [P009]\nper-file-ignores:\n  "du-thao/**": [H, B001]\n'))
    settings = resolve(config, CliOptions())
    draft = {"stage": "draft"}
    assert settings.pipeline_options(tmp_path / "du-thao" / "a.docx") == {**draft, "ignore": ("P009", "H", "B001")}
    assert settings.pipeline_options(tmp_path / "khac" / "a.docx") == {**draft, "ignore": ("P009",)}
    assert resolve(ProjectConfig(), CliOptions(select=("H",))).pipeline_options("x.docx") == {**draft, "select": ("H",)}


def test_rule_overrides_are_merged_by_the_rule_set_loader(tmp_path: Path) -> None:
    config = read_config(_write(tmp_path / ".thethuc.yaml",
                                "extends: hd36\nrules:\n  B004: {severity: error}\n  P009: off\n"))
    settings = resolve(config, CliOptions())
    assert isinstance(settings.ruleset_source, RuleSet)
    rules = settings.ruleset_source
    b004, p009 = rules.get("B004"), rules.get("P009")
    assert b004 is not None and b004.severity == "error"
    assert p009 is not None and p009.enabled is False
    assert rules.files[-1] == str(tmp_path / ".thethuc.yaml")
    assert resolve(ProjectConfig(), CliOptions()).ruleset_source == "auto"  # nothing to build


def test_pyproject_rule_overrides(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[tool.thethuc.rules]\nP009 = "off"\nB004 = { severity = "error" }\n')
    rules = resolve(read_config(path), CliOptions()).ruleset_source
    assert isinstance(rules, RuleSet)
    assert rules.get("P009").enabled is False
    assert rules.get("B004").severity == "error"


@pytest.mark.parametrize(("text", "line"), [
    ("extends: hd36\nrules:\n  B004: {severity: fatal}\n", 3),
    ("extends: hd36\nrules:\n  B004: {severity: error}\n  Z999: off\n", 4),
    ("extends: hd99\nrules:\n  B004: off\n", 1),
    ("extends: auto\nrules:\n  B004: off\n", 2),
])
def test_bad_rule_overrides_name_the_config_line(tmp_path: Path, text: str, line: int) -> None:
    path = _write(tmp_path / ".thethuc.yaml", text)
    with pytest.raises(RuleSetError) as caught:
        resolve(read_config(path), CliOptions())
    assert (caught.value.file, caught.value.line) == (str(path), line)


@pytest.mark.parametrize(("text", "line", "fragment", "english"), [
    ("extends: hd36\nignor: [H003]\n", 2, "khóa không hợp lệ 'ignor' (có phải 'ignore' không?)",
     "unknown key 'ignor' (did you mean 'ignore'?)"),
    ("extends: hd36\nfail-on: critical\n", 2, "'fail-on' phải là một trong", "'fail-on' must be one of"),
    ("lang: fr\n", 1, "'lang' phải là một trong vi, en", "'lang' must be one of vi, en"),
    ("extends: hd36\nselect: [tieu de]\n", 2, "mã không hợp lệ 'tieu de'", "invalid code 'tieu de'"),
    ("ignore: [H003, 7]\n", 1, "'ignore' phải là danh sách mã", "'ignore' must be a list of rule codes"),
    ("per-file-ignores:\n  'a/*': [H003]\n  'b/*': 7\n", 3, "'per-file-ignores.b/*' phải là danh sách mã",
     "'per-file-ignores.b/*' must be a list"),
    ("extends: [hd36]\n", 1, "'extends' phải là tên bộ quy tắc", "'extends' must be a rule set name"),
    ("rules: [B004]\n", 1, "'rules' phải là một bảng", "'rules' must map codes"),
    ("extends: hd36\n  bad: : yaml\n", 2, "YAML không hợp lệ", "not valid YAML"),
    ("- just\n- a list\n", 1, "bảng", "must be a mapping"),
])
def test_invalid_config_names_file_and_line(tmp_path: Path, text: str, line: int, fragment: str,
                                            english: str) -> None:
    path = _write(tmp_path / ".thethuc.yaml", text)
    with pytest.raises(RuleSetError) as caught:
        read_config(path)
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert fragment in caught.value.message and fragment in str(caught.value)
    assert english in caught.value.text("en")


def test_unknown_extends_is_the_config_error(tmp_path: Path) -> None:
    path = _write(tmp_path / ".thethuc.yaml", "lang: vi\nextends: hd99\n")
    with pytest.raises(RuleSetError) as caught:
        resolve(read_config(path), CliOptions())
    assert (caught.value.file, caught.value.line) == (str(path), 2)
    assert "không có bộ quy tắc 'hd99'" in caught.value.message
    assert "unknown rule set 'hd99'" in caught.value.text("en")


def test_invalid_pyproject_table_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.thethuc]\nfail_on = "error"\n')
    with pytest.raises(RuleSetError) as caught:
        read_config(path)
    assert caught.value.line == 5 and "khóa không hợp lệ 'fail_on' (có phải 'fail-on' không?)" in caught.value.message
    assert "unknown key 'fail_on' (did you mean 'fail-on'?)" in caught.value.text("en")


def test_each_file_gets_its_config_and_each_config_is_read_once(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / ".thethuc.yaml", "lang: en\n")
    _write(tmp_path / "khac" / ".thethuc.yaml", f"extends: {_rule_file(tmp_path / 'khac', 'khac')}\n")
    files = [str(_write(tmp_path / name, "")) for name in ("a.docx", "khac/b.docx", "c/d.docx", "khac/e.docx")]
    reads: list[Path] = []
    import thethuc.config as config_module
    real = config_module.read_config
    monkeypatch.setattr(config_module, "read_config", lambda p: reads.append(Path(p)) or real(p))
    resolver = ConfigResolver(CliOptions())
    settings = [resolver.settings_for(f) for f in files]
    khac = str(tmp_path / "khac" / "khac.yaml")
    assert [(s.ruleset, s.lang) for s in settings] == [("auto", "en"), (khac, "vi"), ("auto", "en"), (khac, "vi")]
    assert settings[0] is settings[2] and settings[1] is settings[3]
    assert resolver.seen() == [settings[0], settings[1]]
    assert len(reads) == 2


def test_explicit_config_and_isolated(tmp_path: Path) -> None:
    _write(tmp_path / ".thethuc.yaml", "lang: en\n")
    other = _write(tmp_path / "elsewhere.yaml", f"extends: {_rule_file(tmp_path, 'ours')}\n")
    doc = str(_write(tmp_path / "a.docx", ""))
    chosen = ConfigResolver(CliOptions(config=str(other))).settings_for(doc)
    assert (chosen.ruleset, chosen.lang) == (str(tmp_path / "ours.yaml"), "vi")
    isolated = ConfigResolver(CliOptions(isolated=True)).settings_for(doc)
    assert (isolated.ruleset, isolated.lang, isolated.config.path) == ("auto", "vi", None)


def test_init_template_is_a_valid_config(tmp_path: Path) -> None:
    config = read_config(_write(tmp_path / ".thethuc.yaml", CONFIG_TEMPLATE))
    assert (config.extends, config.lang, config.fail_on) == ("auto", "vi", "error")  # auto by default
    # Every commented-out example must be valid too once a clerk uncomments it.
    example_line = re.compile(r"^# (?=[a-z-]+:(?: |$)|  [^ ])")
    example = "\n".join(example_line.sub("", line) for line in CONFIG_TEMPLATE.splitlines()
                        if "thethuc:" not in line)
    full = read_config(_write(tmp_path / "full" / ".thethuc.yaml", example))
    assert full.select == ("P", "H", "T", "B", "S", "N", "X") and full.ignore == ("P009",)
    assert dict(full.per_file_ignores)["du-thao/**"] == ("H008", "H011")
    assert set(full.rules) == {"B004", "P009"}


def test_stage_key_cli_wins_and_bad_value_is_located(tmp_path: Path) -> None:
    config = read_config(_write(tmp_path / ".thethuc.yaml", "lang: vi\nstage: issued\n"))
    assert resolve(config, CliOptions()).stage == "issued"
    assert resolve(config, CliOptions(stage="draft")).stage == "draft"
    assert resolve(config, CliOptions()).pipeline_options("a.docx")["stage"] == "issued"
    pyproject = read_config(_write(tmp_path / "p" / "pyproject.toml", '[tool.thethuc]\nstage = "issued"\n'))
    assert pyproject.stage == "issued"
    with pytest.raises(RuleSetError) as caught:
        read_config(_write(tmp_path / "bad" / ".thethuc.yaml", "lang: vi\nstage: final\n"))
    assert caught.value.line == 2 and "'stage' must be one of draft, issued" in caught.value.text("en")


def test_rules_overrides_without_extends_keep_hd36_under_the_auto_default(tmp_path: Path) -> None:
    # Overrides need a fixed rule set; a file that wrote them without `extends` meant hd36 (the old default).
    config = read_config(_write(tmp_path / ".thethuc.yaml", "rules:\n  P009: off\n"))
    settings = resolve(config, CliOptions())
    assert settings.ruleset == "hd36" and settings.ruleset_source.get("P009").enabled is False


@pytest.mark.parametrize(("text", "line", "said"), [
    ("extends: hd36\nignore: [P009, H099]\n", 2, "'ignore': không có quy tắc nào khớp 'H099' trong hd36"),
    ("extends: hd36\nselect: [Q]\n", 2, "'select': không có quy tắc nào khớp 'Q'"),
    ("extends: hd36\nlang: vi\nper-file-ignores:\n  \"du-thao/**\": [H008]\n  \"*.docx\": [P0099]\n", 5,
     "'per-file-ignores.*.docx': không có quy tắc nào khớp 'P0099'"),
])
def test_unknown_codes_in_a_config_are_errors_at_their_line(tmp_path: Path, text: str, line: int, said: str) -> None:
    path = _write(tmp_path / ".thethuc.yaml", text)
    with pytest.raises(RuleSetError) as caught:
        resolve(read_config(path), CliOptions())
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert said in caught.value.message


def test_config_codes_are_checked_against_every_rule_set_auto_may_choose(tmp_path: Path) -> None:
    path = _write(tmp_path / ".thethuc.yaml", "extends: auto\nignore: [H013]\n")  # H013: nd30 only
    assert resolve(read_config(path), CliOptions()).ignore == ("H013",)
    with pytest.raises(RuleSetError, match="H013"):
        resolve(read_config(path), CliOptions(ruleset="hd36"))


def test_an_invalid_pyproject_is_an_error_not_skipped(tmp_path: Path) -> None:
    broken = _write(tmp_path / "pyproject.toml", '[tool.thethuc]\nignore = ["P009"\nlang = "en"\n')
    with pytest.raises(RuleSetError) as caught:
        find_config(tmp_path / "x.docx")
    assert caught.value.file == str(broken) and "TOML không hợp lệ" in caught.value.message


def test_config_option_reads_a_toml_file_as_toml(tmp_path: Path) -> None:
    flat = read_config(_write(tmp_path / "thethuc.toml", 'extends = "nd30"\nignore = ["P009"]\n'
                                                         '[per-file-ignores]\n"a/*.docx" = ["H008"]\n'))
    assert (flat.extends, flat.ignore, flat.per_file_ignores) == ("nd30", ("P009",), (("a/*.docx", ("H008",)),))
    tool = read_config(_write(tmp_path / "other.toml", '[tool.thethuc]\nlang = "en"\n'))
    assert tool.lang == "en"
    with pytest.raises(RuleSetError) as caught:
        read_config(_write(tmp_path / "bad.toml", 'lang = "en"\nfail-on = "loi"\n'))
    assert caught.value.line == 2
