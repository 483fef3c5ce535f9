"""`thethuc fix` end to end: where copies go, the input untouched, --in-place/.bak, dry run, reports, exit codes."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from thethuc.cli import main

from .helpers import SAMPLES

BAD = SAMPLES / "bad" / "noi-dung-13pt-khong-thut-dong.docx"  # B001, B004: both repairable
MANUAL = SAMPLES / "bad" / "ky-hieu-sai-loai-co-quan.docx"  # H004, H006 repairable; H010 (wrong type code) not
DATE = SAMPLES / "bad" / "thieu-dau-sao-ngay-khong-so-0.docx"  # H011 (day 8), H007 (no star): both repairable
GOOD = SAMPLES / "good" / "nghi-quyet.docx"


def run(*args: str) -> Result:
    env = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "THETHUC_LANG": None}
    return CliRunner().invoke(main, ["fix", "--no-config", *args], env=env, catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    for source in (BAD, MANUAL, DATE, GOOD):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def test_copy_next_to_the_input_and_input_untouched(work: Path) -> None:
    before = digest(work / BAD.name)
    result = run(str(work / BAD.name))
    assert result.exit_code == 0, result.output
    assert digest(work / BAD.name) == before
    copy = work / "noi-dung-13pt-khong-thut-dong.fixed.docx"
    assert copy.is_file()
    assert "B001" in result.output and "13 pt → 14 pt" in result.output
    assert run(str(copy), "--dry-run").output.count("✎") == 0  # nothing left to change


def test_findings_left_exit_1_and_are_listed(work: Path) -> None:
    result = run(str(work / MANUAL.name), "--lang", "en")
    assert result.exit_code == 1
    assert "H010" in result.output.split("left for a person")[1]
    assert "bold yes → no (direct formatting)" in result.output


def test_dry_run_writes_nothing(work: Path) -> None:
    before = sorted(p.name for p in work.iterdir())
    result = run(str(work / BAD.name), "--dry-run")
    assert result.exit_code == 0 and "sẽ sửa" in result.output
    assert sorted(p.name for p in work.iterdir()) == before


def test_output_file_and_output_dir(work: Path) -> None:
    assert run(str(work / BAD.name), "-o", str(work / "x.docx")).exit_code == 0
    assert (work / "x.docx").is_file()
    out = work / "out"
    result = run(str(work / BAD.name), str(work / GOOD.name), "--output-dir", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["nghi-quyet.fixed.docx",
                                                     "noi-dung-13pt-khong-thut-dong.fixed.docx"]
    assert (out / "nghi-quyet.fixed.docx").read_bytes() == GOOD.read_bytes()


def test_in_place_keeps_a_backup(work: Path) -> None:
    original = (work / BAD.name).read_bytes()
    result = run(str(work / BAD.name), "--in-place")
    assert result.exit_code == 0
    assert (work / f"{BAD.name}.bak").read_bytes() == original
    assert (work / BAD.name).read_bytes() != original
    assert not list(work.glob("*.fixed.docx")) and not list(work.glob(".*.tmp"))


def test_in_place_without_backup_and_clean_file_untouched(work: Path) -> None:
    good_before = (work / GOOD.name).stat().st_mtime_ns
    assert run(str(work / BAD.name), str(work / GOOD.name), "--in-place", "--no-backup").exit_code == 0
    assert not list(work.glob("*.bak"))
    assert (work / GOOD.name).stat().st_mtime_ns == good_before  # nothing to fix: not rewritten


@pytest.mark.parametrize("args", [
    ["--in-place", "-o", "x.docx"], ["--no-backup"], ["-o", "a.docx", "--output-dir", "d"], ["--stage", "final"],
    ["--select", "Z999"]])
def test_usage_errors_exit_2(work: Path, args: list[str]) -> None:
    assert run(str(work / BAD.name), *args).exit_code == 2


def test_o_with_several_files_is_a_usage_error(work: Path) -> None:
    assert run(str(work / BAD.name), str(work / GOOD.name), "-o", str(work / "x.docx")).exit_code == 2


def test_unreadable_input_one_line_exit_3_and_the_batch_goes_on(work: Path) -> None:
    broken = work / "hong.docx"
    broken.write_text("không phải docx", encoding="utf-8")
    result = run(str(broken), str(work / BAD.name))
    assert result.exit_code == 3
    assert sum("hong.docx" in line for line in result.output.splitlines()) == 1
    assert (work / "noi-dung-13pt-khong-thut-dong.fixed.docx").is_file()
    assert not (work / "hong.fixed.docx").exists()


def test_select_and_ignore_limit_what_is_fixed(work: Path) -> None:
    result = run(str(work / BAD.name), "--select", "B004", "--format", "json")
    data = json.loads(result.stdout)
    assert {c["code"] for c in data["files"][0]["changes"]} == {"B004"}
    result = run(str(work / BAD.name), "--ignore", "B004", "--format", "json", "--dry-run")
    assert {c["code"] for c in json.loads(result.stdout)["files"][0]["changes"]} == {"B001"}


def test_stage_is_accepted(work: Path) -> None:
    assert run(str(work / BAD.name), "--stage", "draft", "--dry-run").exit_code == 0


def test_json_report(work: Path) -> None:
    result = run(str(work / DATE.name), "--format", "json", "--fail-on", "warning")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    entry = data["files"][0]
    assert data["command"] == "fix" and entry["output"].endswith(".fixed.docx")
    change = entry["changes"][0]
    assert change == {"code": "H011", "element": "dia_danh_ngay", "property": "day", "before": "8", "after": "08",
                      "where": "text", "location": {"part": "document", "paragraph": 6, "table": [0, 0, 1]},
                      "paragraphs": 1, "also": []}
    assert entry["changes"][1]["code"] == "H007" and entry["changes"][1]["after"] == "*"
    assert entry["findings"] == [] and entry["findings_before"] == 2
    left = json.loads(run(str(work / MANUAL.name), "--format", "json", "--dry-run").stdout)["files"][0]
    assert [(f["code"], f["fixable"]) for f in left["findings"]] == [("H010", False)]


def test_explain_says_whether_fix_repairs_the_rule() -> None:
    runner = CliRunner()
    assert "Fixed by thethuc fix: format" in runner.invoke(main, ["explain", "B001", "--lang", "en"]).output
    assert "thethuc fix" not in runner.invoke(main, ["explain", "X003", "--lang", "en"]).output


def test_a_fixer_crash_is_one_line_and_the_batch_goes_on(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thethuc.fix import registry

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(registry.FIXERS, "leading_zero", broken)  # DATE needs it; BAD does not
    result = run(str(work / DATE.name), str(work / BAD.name))
    assert result.exit_code == 3
    assert "boom" in result.output and not (work / "thieu-dau-sao-ngay-khong-so-0.fixed.docx").exists()
    assert (work / "noi-dung-13pt-khong-thut-dong.fixed.docx").is_file()


def test_an_output_that_would_overwrite_the_input_is_refused(work: Path) -> None:
    before = digest(work / BAD.name)
    assert run(str(work / BAD.name), "-o", str(work / BAD.name)).exit_code == 2
    assert digest(work / BAD.name) == before


def test_two_inputs_with_one_output_name_are_refused(work: Path) -> None:
    (work / "a").mkdir()
    (work / "b").mkdir()
    shutil.copy(BAD, work / "a" / "x.docx")
    shutil.copy(GOOD, work / "b" / "x.docx")
    result = run(str(work / "a" / "x.docx"), str(work / "b" / "x.docx"), "--output-dir", str(work / "out"))
    assert result.exit_code == 2 and not (work / "out").exists()


def test_a_project_configuration_can_switch_a_repair_off(work: Path) -> None:
    (work / ".thethuc.yaml").write_text("extends: hd36\nrules:\n  B004:\n    fix: off\n", encoding="utf-8")
    env = {"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": None, "THETHUC_LANG": None}
    result = CliRunner().invoke(main, ["fix", str(work / BAD.name), "--format", "json", "--dry-run"], env=env,
                                catch_exceptions=False)
    entry = json.loads(result.stdout)["files"][0]
    assert {c["code"] for c in entry["changes"]} == {"B001"}
    assert [(f["code"], f["fixable"]) for f in entry["findings"]] == [("B004", False)]


def test_rule_set_and_stage_are_chosen_as_check_chooses_them(tmp_path: Path) -> None:
    # `fix` takes check's words with check's defaults: --ruleset auto and --stage draft (a September
    # 2026 draft is an hd05 document; its blank number is information), --stage issued an error.
    from dataclasses import replace

    from thethuc.testing.party import write_party
    from thethuc.testing.party_samples import GOOD as PARTY_GOOD

    sample = PARTY_GOOD["nghi-quyet"]
    draft = write_party(tmp_path / "du-thao.docx", replace(
        sample.doc, so_ky_hieu="Số    -NQ/TU", dia_danh_ngay="Lạng Sơn, ngày    tháng 9 năm 2026"), sample.layout)

    def h008(*args: str) -> tuple[str, str]:
        [doc] = json.loads(run("--dry-run", "--format", "json", *args, str(draft)).output)["files"]
        [blank] = [f for f in doc["findings"] if f["code"] == "H008"]
        return doc["ruleset"], blank["severity"]

    assert h008() == ("hd05", "info")
    assert h008("--stage", "issued") == ("hd05", "error")


def test_copies_get_the_permissions_a_plain_write_gives(work: Path) -> None:
    import os
    import stat

    old = os.umask(0o022)
    try:
        run(str(work / BAD.name))
        (work / DATE.name).chmod(0o640)
        run("--in-place", "--no-backup", str(work / DATE.name))
    finally:
        os.umask(old)
    assert stat.S_IMODE((work / "noi-dung-13pt-khong-thut-dong.fixed.docx").stat().st_mode) == 0o644
    assert stat.S_IMODE((work / DATE.name).stat().st_mode) == 0o640  # the replaced file keeps its mode
