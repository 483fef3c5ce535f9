"""The HTML audit page, opened in headless Chromium: the numbers and the SVG charts render."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from audit_corpus import body_13pt, build_archive, read_jsonl
from click.testing import CliRunner

from thethuc.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _dump_dom(page: Path, profile: Path) -> str:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           f"--user-data-dir={profile}", "--dump-dom", page.as_uri()]
    return subprocess.run(cmd, capture_output=True, timeout=120, check=True).stdout.decode("utf-8")


def _text_of(dom: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', dom)
    assert match, f"#{element_id} missing from the rendered page"
    return match.group(1).strip()


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI installs it)")
def test_page_renders_summary_charts_and_filters_in_chromium(tmp_path: Path) -> None:
    archive = build_archive(tmp_path / "kho")
    page, out = tmp_path / "kq.html", tmp_path / "kq.jsonl"
    CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--quiet", "--html", str(page),
                              "--jsonl", str(out), str(archive.root)])
    files = read_jsonl(out)
    findings = sum(len(f["findings"]) for f in files)

    dom = _dump_dom(page, tmp_path / "chromium-profile")

    assert _text_of(dom, "n-total") == str(archive.checkable + archive.old)
    assert _text_of(dom, "n-checked") == str(archive.checkable - archive.broken)
    assert _text_of(dom, "n-unreadable") == str(archive.broken)
    assert _text_of(dom, "n-not-checked") == str(archive.old)
    assert _text_of(dom, "n-findings") == str(findings)
    folder_chart = re.search(r'<svg id="chart-folders".*?</svg>', dom, re.S)
    assert folder_chart and folder_chart.group(0).count("<rect") == 3 * len(archive.folders)
    if findings:
        rule_chart = re.search(r'<svg id="chart-rules".*?</svg>', dom, re.S)
        assert rule_chart and rule_chart.group(0).count("<rect") >= 1
    # These two counters are filled in by the page's script: proof that it ran.
    assert _text_of(dom, "row-count") == str(archive.checkable + archive.old)
    assert _text_of(dom, "shown-count") == str(archive.checkable + archive.old)
    assert "Nghị quyết số 15.docx" in dom
    # Self-contained: nothing fetched from anywhere (the SVG namespace is a name, not a fetch).
    assert "https://" not in dom and dom.replace("http://www.w3.org/2000/svg", "").count("http://") == 0


# ---------------------------------------------------------------- a page a person reads

LONG_FOLDER = "Ho_so_luu_tru_cua_Van_phong_Tinh_uy_giai_doan_2015_2020_phan_loai_theo_chuyen_de"
# no break opportunity
LONG_NAME = ("Nghi_quyet_cua_Ban_Thuong_vu_Tinh_uy_ve_tang_cuong_su_lanh_dao_cua_Dang_doi_voi_"
             "cong_tac_van_thu_luu_tru")

_PROBE = """<script>
document.querySelectorAll("button.toggle").forEach(function (b) { b.click(); });
var shown = Array.prototype.filter.call(document.querySelectorAll("tr.findings"), function (r) { return !r.hidden; });
var m = document.createElement("div"); m.id = "measure";
m.textContent = document.documentElement.scrollWidth + " " + document.documentElement.clientWidth + " " + shown.length;
document.body.appendChild(m);
</script>
</body>"""


def _long_named_archive(root: Path) -> Path:
    archive = build_archive(root)
    deep = archive.root / LONG_FOLDER / LONG_FOLDER
    deep.mkdir(parents=True)
    body_13pt(deep / f"{LONG_NAME}.docx")
    return archive.root


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (the CI installs it)")
@pytest.mark.parametrize("width", [1366, 1920])
def test_page_never_scrolls_sideways_and_every_file_expands(tmp_path: Path, width: int) -> None:
    root = _long_named_archive(tmp_path / "kho")
    page = tmp_path / "kq.html"
    CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--quiet", "--html", str(page), str(root)])
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8").replace("</body>", _PROBE), encoding="utf-8")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--window-size={width},900",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probe.as_uri()]
    dom = subprocess.run(cmd, capture_output=True, timeout=120, check=True).stdout.decode("utf-8")
    scroll_width, client_width, opened = (int(n) for n in _text_of(dom, "measure").split())
    # With every file's findings open, the page is no wider than the window (wide content scrolls
    # in its own box), and each file with findings opened its list.
    assert scroll_width <= client_width
    assert opened == dom.count('class="toggle"') >= 2


def test_each_file_lists_its_findings_with_message_location_and_expected(tmp_path: Path) -> None:
    root = _long_named_archive(tmp_path / "kho")
    page = tmp_path / "kq.html"
    CliRunner().invoke(main, ["audit", "--ruleset", "hd36", "--quiet", "--html", str(page), str(root)])
    html = page.read_text(encoding="utf-8")
    row = html[html.index(f'{LONG_NAME}.docx" data-codes'):]
    details = row[row.index('<tr class="findings"'):row.index("</table>")]
    assert "B001" in details and "Cỡ chữ nội dung" in details  # the message
    assert "văn bản, đoạn" in details  # where, counted as people count
    assert "<th>Yêu cầu</th>" in details and "14–15" in details  # the expected value


def test_the_rules_chart_says_how_many_rules_it_leaves_out(tmp_path: Path) -> None:
    from thethuc.audit.html import CHART_BARS, HtmlSink
    from thethuc.audit.summary import AuditSummary, RuleTotal

    summary = AuditSummary(total=1, checked=1)
    for n in range(CHART_BARS + 7):
        summary.rules[f"X{n:03d}"] = RuleTotal(f"X{n:03d}", "quy-tac", "warning", n + 1, 1)
    sink = HtmlSink(str(tmp_path / "kq.html"))
    sink.finish(summary, interrupted=False)
    html = (tmp_path / "kq.html").read_text(encoding="utf-8")
    assert f"chỉ vẽ {CHART_BARS} quy tắc nhiều phát hiện nhất; 7 quy tắc khác không hiện" in html


def test_an_interrupted_page_says_how_many_files_were_not_checked(tmp_path: Path) -> None:
    from thethuc.audit.html import HtmlSink
    from thethuc.audit.summary import AuditSummary

    sink = HtmlSink(str(tmp_path / "kq.html"))
    sink.finish(AuditSummary(total=50, checked=20), interrupted=True)
    assert "30 tệp chưa kiểm tra" in (tmp_path / "kq.html").read_text(encoding="utf-8")
