"""The cache of validated rule sets and of the document-type table (thethuc/cache.py).

A value from the cache equals the one built from the files; an edited file (the rule file or one it
extends), a corrupt, truncated or foreign entry, or another thethuc gives a fresh load; the cache
can be turned off and is never required to exist.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.cli.cli_docs import good, top_margin_25
from thethuc import cache
from thethuc import ruleset as ruleset_package
from thethuc.cli import main
from thethuc.errors import RuleSetError
from thethuc.recognise import types
from thethuc.ruleset import auto, load_ruleset
from thethuc.ruleset.types import RuleSet

BUILTIN = ("hd36", "hd05", "nd30")


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of its own, and a counter of the rule sets built from their files."""
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(where))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    _forget()
    yield where
    _forget()  # the rest of the suite must not keep values read from this folder


def _forget() -> None:
    """What a new process knows: nothing (the in-process caches are emptied)."""
    ruleset_package._load_cached.cache_clear()
    auto.periods.cache_clear()
    types.document_types.cache_clear()


@pytest.fixture()
def fresh(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Specs of the rule sets read from their files (a cache miss or no cache), in order."""
    built: list[str] = []
    real = ruleset_package._load_fresh

    def counting(spec: str) -> tuple[RuleSet, dict[str, str]]:
        built.append(spec)
        return real(spec)

    monkeypatch.setattr(ruleset_package, "_load_fresh", counting)
    return built


def load(spec: str) -> RuleSet:
    """``load_ruleset`` as a new process runs it."""
    ruleset_package._load_cached.cache_clear()
    return load_ruleset(spec)


def uncached(spec: str, monkeypatch: pytest.MonkeyPatch) -> RuleSet:
    with monkeypatch.context() as env:
        env.setenv(cache.ENV_OFF, "1")
        return load(spec)


def entries(where: Path, kind: str = "ruleset") -> list[Path]:
    return sorted(where.glob(f"*/{kind}-*.pickle"))


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


CHILD = "extends: hd36\nrules:\n  P003: {severity: error}\n"


@pytest.mark.parametrize("name", BUILTIN)
def test_a_rule_set_from_the_cache_equals_the_one_read_from_its_files(
        folder: Path, fresh: list[str], monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    first = load(name)
    assert fresh == [name] and len(entries(folder)) == 1  # built once, written once
    again = load(name)
    assert fresh == [name]  # the second run reads the entry, not the YAML
    assert again == first == uncached(name, monkeypatch)
    assert again.rules == first.rules and [r.origin for r in again.rules] == [r.origin for r in first.rules]


def test_an_edited_rule_file_is_read_again(folder: Path, fresh: list[str], tmp_path: Path) -> None:
    path = write(tmp_path / "rules.yaml", CHILD)
    assert load(path).get("P003").severity == "error"
    assert load(path).get("P003").severity == "error" and len(fresh) == 1
    write(tmp_path / "rules.yaml", CHILD.replace("error", "info"))
    assert load(path).get("P003").severity == "info" and len(fresh) == 2


def test_an_edited_parent_is_read_again(folder: Path, fresh: list[str], tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", CHILD)
    child = write(tmp_path / "child.yaml", "extends: base.yaml\nrules:\n  H002: off\n")
    first = load(child)
    assert first.get("P003").severity == "error" and not first.get("H002").enabled
    assert load(child) == first and len(fresh) == 1
    write(tmp_path / "base.yaml", CHILD.replace("error", "warning"))
    assert load(child).get("P003").severity == "warning" and len(fresh) == 2


def test_a_parent_gone_is_the_same_error_as_without_a_cache(folder: Path, tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", CHILD)
    child = write(tmp_path / "child.yaml", "extends: base.yaml\nrules: {}\n")
    load(child)
    (tmp_path / "base.yaml").unlink()
    with pytest.raises(RuleSetError, match=r"base\.yaml"):
        load(child)


def test_errors_are_not_cached(folder: Path, fresh: list[str], tmp_path: Path) -> None:
    path = write(tmp_path / "rules.yaml", "extends: hd36\nrules:\n  P003: {severity: fatal}\n")
    for _ in range(2):
        with pytest.raises(RuleSetError, match="fatal"):
            load(path)
    assert len(fresh) == 2 and entries(folder) == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other-key"])
def test_a_corrupt_entry_is_a_miss_and_is_written_again(
        folder: Path, fresh: list[str], monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    good = load("hd36")
    (entry,) = entries(folder)
    data = entry.read_bytes()
    if damage == "other-key":  # an entry of nd30 under hd36's name: its header names another key
        load("nd30")
        other = next(e for e in entries(folder) if e != entry)
        data = other.read_bytes()
    entry.write_bytes({"garbage": b"\x80\x05not a pickle", "truncated": data[: len(data) // 2],
                       "empty": b"", "other-key": data}[damage])
    assert load("hd36") == good
    assert fresh.count("hd36") == 2
    assert load("hd36") == good and fresh.count("hd36") == 2  # the entry was written again


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_entry_others_may_write_is_not_read(folder: Path, fresh: list[str]) -> None:
    load("hd36")
    (entry,) = entries(folder)
    entry.chmod(0o666)
    load("hd36")
    assert fresh == ["hd36", "hd36"]


def test_another_thethuc_does_not_read_the_entry(folder: Path, fresh: list[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    load("hd36")
    monkeypatch.setattr(cache, "__version__", "99.0")
    cache._fingerprint.cache_clear()
    try:
        load("hd36")
    finally:
        cache._fingerprint.cache_clear()
    assert fresh == ["hd36", "hd36"] and len(entries(folder)) == 2


def test_no_cache_when_turned_off(folder: Path, fresh: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    load("hd36")
    load("hd36")
    assert fresh == ["hd36", "hd36"] and not folder.exists()
    monkeypatch.setenv(cache.ENV_OFF, "0")  # "0" means on, as an empty value does
    load("hd36")
    assert len(entries(folder)) == 1


def test_an_unusable_cache_folder_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  fresh: list[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    _forget()
    try:
        assert load("hd36") == uncached("hd36", monkeypatch)
    finally:
        _forget()


def test_no_fingerprint_no_cache(folder: Path, fresh: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def unlistable() -> str:
        raise PermissionError("the package folder cannot be listed")

    monkeypatch.setattr(cache, "_fingerprint", unlistable)
    assert load("hd36") == load("hd36") and fresh == ["hd36", "hd36"] and not folder.exists()


def test_the_folder_is_private_and_tagged(folder: Path) -> None:
    load("hd36")
    assert (folder / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    if sys.platform != "win32":
        assert folder.stat().st_mode & 0o077 == 0
        assert all(entry.stat().st_mode & 0o077 == 0 for entry in entries(folder))
        assert all(entry.parent.stat().st_mode & 0o077 == 0 for entry in entries(folder))


def test_another_builds_old_folder_is_removed_when_a_new_one_is_made(folder: Path) -> None:
    old, recent = folder / ("0" * 24), folder / ("1" * 24)
    for sub in (old, recent):
        sub.mkdir(parents=True)
        (sub / "ruleset-x.pickle").write_bytes(b"")
    week_ago = time.time() - (cache.STALE_DAYS + 1) * 86400
    os.utime(old, (week_ago, week_ago))
    load("hd36")
    assert not old.exists() and recent.exists() and len(entries(folder)) == 2  # recent's and this build's


def test_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform not in ("win32", "darwin"):
        assert cache.cache_dir() == tmp_path / "thethuc"
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "elsewhere"))
    assert cache.cache_dir() == tmp_path / "elsewhere"


def test_the_periods_of_auto_come_from_the_cache_alone(folder: Path, fresh: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = auto.periods()
    assert sorted(fresh) == ["hd05", "hd36"]
    auto.periods.cache_clear()
    assert auto.periods() == first and len(fresh) == 2  # no rule set read for them
    with monkeypatch.context() as env:
        env.setenv(cache.ENV_OFF, "1")
        _forget()
        fresh.clear()
        assert auto.periods() == first
        load_ruleset("hd36")  # without a cache too, a run reads each rule file once
        assert sorted(fresh) == ["hd05", "hd36"]


def test_the_document_types_from_the_cache_equal_the_file_and_follow_its_edits(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "document_types.yaml"
    copy.write_text(types._path().read_text("utf-8"), encoding="utf-8")
    monkeypatch.setattr(types, "_path", lambda: copy)
    read: list[Path] = []
    real = types._read_types
    monkeypatch.setattr(types, "_read_types", lambda path: read.append(path) or real(path))
    first = types.document_types()
    types.document_types.cache_clear()
    assert types.document_types() == first and read == [copy]
    assert any(t.name == "nghị quyết" for t in first)
    copy.write_text(copy.read_text("utf-8").replace("nghị quyết:", "nghị quyết mới:", 1), encoding="utf-8")
    types.document_types.cache_clear()
    assert any(t.name == "nghị quyết mới" for t in types.document_types()) and len(read) == 2


# ---------------------------------------------------------------- through the command line


def check(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str]:
    base: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None}
    result = CliRunner().invoke(main, ["check", "--format", "json", *args], env={**base, **(env or {})},
                                catch_exceptions=False)
    return result.exit_code, result.stdout


def p003(stdout: str) -> list[str]:
    return [f["severity"] for f in json.loads(stdout)["files"][0]["findings"] if f["code"] == "P003"]


def test_a_user_rule_file_via_config_extends(folder: Path, fresh: list[str], tmp_path: Path) -> None:
    doc = top_margin_25(tmp_path / "nq.docx")
    rules = write(tmp_path / "rules.yaml", "extends: hd36\nrules:\n  P003: {severity: info}\n")
    config = write(tmp_path / "thethuc.yaml", "extends: rules.yaml\n")
    cold = check("--config", config, str(doc))
    _forget()
    warm = check("--config", config, str(doc))
    assert cold == warm and p003(cold[1]) == ["info"]
    assert fresh.count(str(Path(rules).resolve())) == 1  # the second run read no YAML
    # The same document against an edited rule file: the edit shows at once.
    write(tmp_path / "rules.yaml", "extends: hd36\nrules:\n  P003: {severity: error}\n")
    _forget()
    edited = check("--config", config, str(doc))
    assert fresh.count(str(Path(rules).resolve())) == 2 and p003(edited[1]) == ["error"] and edited[0] == 1


def test_the_no_cache_option(folder: Path, tmp_path: Path) -> None:
    doc = good(tmp_path / "nq.docx")
    # env: the option sets THETHUC_NO_CACHE for the run's processes; CliRunner puts it back after.
    off = check("--no-cache", "--ruleset", "hd36", str(doc), env={cache.ENV_OFF: ""})
    assert not folder.exists() and os.environ.get(cache.ENV_OFF) is None
    _forget()
    on = check("--ruleset", "hd36", str(doc))
    assert on == off and len(entries(folder)) == 1


def test_a_check_through_the_cache_finds_what_a_check_without_it_finds(folder: Path, tmp_path: Path) -> None:
    doc = top_margin_25(tmp_path / "nq.docx")
    without = check("--ruleset", "auto", str(doc), env={cache.ENV_OFF: "1"})
    _forget()
    cold = check("--ruleset", "auto", str(doc))
    _forget()
    warm = check("--ruleset", "auto", str(doc))
    assert without == cold == warm and p003(warm[1]) and entries(folder, "periods")


# ---------------------------------------------------------------- configuration files


def test_a_configuration_from_the_cache_equals_the_file_and_follows_its_edits(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thethuc import config

    path = tmp_path / ".thethuc.yaml"
    write(path, "extends: hd36\nfail-on: warning\nignore: [P003]\nrules:\n  B001: {severity: warning}\n")
    read: list[Path] = []
    real = config._read_config
    monkeypatch.setattr(config, "_read_config", lambda p: read.append(p) or real(p))
    first = config.read_config(path)
    again = config.read_config(path)
    assert again == first and len(read) == 1 and entries(folder, "config")
    assert again.rules["B001"].at("severity").line == 5  # the override keeps its line for later errors
    with monkeypatch.context() as env:
        env.setenv(cache.ENV_OFF, "1")
        assert config.read_config(path) == first
    write(path, "extends: hd36\nfail-on: info\n")
    assert config.read_config(path).fail_on == "info"
    # The path as given is what messages name: another spelling of it is an entry of its own.
    monkeypatch.chdir(tmp_path)
    assert config.read_config(".thethuc.yaml").path == ".thethuc.yaml"
    assert config.read_config(path).path == str(path)


def test_an_edited_configuration_changes_the_next_run(folder: Path, tmp_path: Path) -> None:
    doc = top_margin_25(tmp_path / "nq.docx")  # P003, a warning
    write(tmp_path / ".thethuc.yaml", "extends: auto\n")
    assert check(str(doc))[0] == 0
    _forget()
    write(tmp_path / ".thethuc.yaml", "extends: auto\nfail-on: warning\n")
    assert check(str(doc))[0] == 1


def test_whether_a_pyproject_configures_thethuc_comes_from_the_cache_and_follows_its_edits(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thethuc import config

    pyproject = tmp_path / "pyproject.toml"
    write(pyproject, '[project]\nname = "drafts"\n')
    parsed: list[Path] = []
    real = config._parse_toml
    monkeypatch.setattr(config, "_parse_toml", lambda p, text: parsed.append(p) or real(p, text))
    assert config.find_config(tmp_path) is None and config.find_config(tmp_path) is None
    assert parsed == [pyproject] and entries(folder, "pyproject")  # the second run parsed no TOML
    write(pyproject, '[project]\nname = "drafts"\n\n[tool.thethuc]\nextends = "nd30"\n')
    assert config.find_config(tmp_path) == pyproject
    write(pyproject, "[tool.thethuc\n")  # broken: the same error as without a cache, never cached
    for _ in range(2):
        with pytest.raises(RuleSetError, match="TOML"):
            config.find_config(tmp_path)
