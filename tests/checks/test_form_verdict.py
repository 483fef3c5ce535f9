"""Issue 12: known forms and personal papers (X008) are information and exit 0; a file with no
recognisable layout at all stays an error; a file under the Party title without a type is checked."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from thethuc.cli import main
from thethuc.pipeline import check_file
from thethuc.testing.party import write_party
from thethuc.testing.party_samples import GOOD

BC = GOOD["bao-cao"]
BARE = {"co_quan_cap_tren": (), "co_quan_ban_hanh": (), "so_ky_hieu": "", "ten_loai": None, "trich_yeu": (),
        "gach_trich_yeu": None}


def _write(tmp_path: Path, name: str, **changes: object) -> Path:
    return write_party(tmp_path / name, replace(BC.doc, **changes), BC.layout)


def _exit(path: Path) -> int:
    return CliRunner().invoke(main, ["check", "--no-config", "--ruleset", "hd36", str(path)]).exit_code


def test_a_personal_paper_under_the_party_title_is_information(tmp_path: Path) -> None:
    path = _write(tmp_path, "kiem-diem.docx", **{**BARE, "ten_loai": "BẢN TỰ KIỂM ĐIỂM",
                                                 "trich_yeu": ("của đảng viên dự bị",)})
    [finding] = check_file(str(path), "hd36").findings
    assert (finding.code, finding.severity) == ("X008", "info")
    assert _exit(path) == 0


def test_a_file_with_no_layout_at_all_stays_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "roi.docx", **{**BARE, "dia_danh_ngay": "", "tieu_de": ""})
    [finding] = check_file(str(path), "hd36").findings
    assert (finding.code, finding.severity) == ("X008", "error")
    assert _exit(path) == 1


def test_the_party_title_without_a_type_still_gets_its_header_checked(tmp_path: Path) -> None:
    # Only ĐẢNG CỘNG SẢN VIỆT NAM of the core elements: fewer than min_found, but a Party header.
    path = _write(tmp_path, "khong-ten-loai.docx", **{**BARE, "dia_danh_ngay": ""})
    result = check_file(str(path), "hd36")
    found = {f.code for f in result.findings}
    assert "X008" not in found
    assert {"H005", "H008", "H011"} <= found, sorted(found)
