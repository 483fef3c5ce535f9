"""The audit's closing summary on a terminal: paths relative to the audited folder in a
column wide enough to read, files not reached after Ctrl-C counted, --quiet one line when piped,
severities in words."""
from __future__ import annotations

import io
from pathlib import Path

from audit_corpus import good
from click.testing import CliRunner
from rich.console import Console

from thethuc.audit.summary import AuditSummary, FolderTotal, RuleTotal, Worst
from thethuc.audit.terminal import one_line, print_interrupted, print_summary
from thethuc.cli import main

LONG = "Van ban 2024/Phong To chuc/Quyet dinh so 15 ve viec bo nhiem can bo lanh dao.docx"


def _summary() -> AuditSummary:
    s = AuditSummary(total=300, checked=120, conforming=100)
    s._worst.append(Worst(5, 1, 0, f"kho/{LONG}"))
    s.rules["H002"] = RuleTotal("H002", "tieu-de-format", "warning", 3, 2)
    for year in (2023, 2024):
        s.folders[f"kho/Van ban {year}"] = FolderTotal(f"kho/Van ban {year}", 10, 5, 1, 4)
    return s


def _render(width: int) -> str:
    out = io.StringIO()
    print_summary(_summary(), Console(file=out, width=width, force_terminal=False), "vi", ("kho",))
    return out.getvalue()


def test_paths_are_relative_to_the_audited_folder_and_readable_at_80_columns() -> None:
    text = _render(80)
    assert "kho/" not in text and "(trong kho)" in text
    # The file column is not squeezed to a ratio of the width: 40 characters of the path on a line.
    assert LONG[:40] in text
    assert "Van ban 2023" in text and "Van ban 2024" in text


def test_severity_is_in_words() -> None:
    text = _render(100)
    assert "cảnh báo" in text and "warning" not in text


def test_an_interrupted_audit_says_how_many_files_were_not_reached() -> None:
    s = _summary()
    assert "Chưa kiểm tra (đã dừng giữa chừng): 180" in one_line(s)
    assert "Chưa kiểm tra (đã dừng giữa chừng)" in _render(100) and "180" in _render(100)
    out = io.StringIO()
    print_interrupted(s, Console(file=out, width=200), "vi")
    assert "120/300 tệp đã xong, 180 tệp chưa kiểm tra" in out.getvalue()


def test_quiet_is_one_line_when_piped(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    for i in range(3):
        good(folder / f"van-ban-co-ten-rat-dai-de-dong-tong-ket-vuot-qua-tam-muoi-cot-{i}.docx")
    result = CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--quiet", "-j", "1", str(folder)],
                                env={"COLUMNS": "40"})
    assert result.stdout.count("\n") == 1 and "Tệp tìm thấy: 3" in result.stdout
