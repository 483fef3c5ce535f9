"""The HTML audit page, opened in headless Chromium: the numbers and the SVG charts render."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit_corpus import build_archive, read_jsonl
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
