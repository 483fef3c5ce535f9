"""Suppression comments through the real pipeline, in a .docx written the way Word writes comments.

Word anchors a comment with ``w:commentRangeStart``/``w:commentRangeEnd`` around the selected text,
then a run holding ``w:commentReference`` (style CommentReference), and keeps the text in
``word/comments.xml``; the loader maps the anchor to ``Paragraph.comments``.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from workflow_samples import short_doc

from thethuc.cli import main
from thethuc.pipeline import check_file
from thethuc.testing.docx import docx_bytes
from thethuc.testing.party import Layout
from thethuc.testing.party_writer import build_parts

TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
# The title in 13 pt: H002 fires on it (and only on it).
BAD_TITLE = Layout(overrides={"tieu_de": {"size_pt": 13}})


def _comment_xml(text: str) -> str:
    paras = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>{ref}<w:r><w:t xml:space="preserve">{line}</w:t>'
        "</w:r></w:p>"
        for line, ref in zip(text.split("\n"),
                             ['<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>']
                             + [""] * 10, strict=False))
    return (f'<w:comment w:id="0" w:author="Văn thư" w:date="2024-05-06T09:12:00Z" w:initials="VT">'
            f"{paras}</w:comment>")


def _anchor(body_xml: str, anchored_text: str) -> str:
    """Wrap the runs of the paragraph holding ``anchored_text`` in a comment range, as Word does."""
    at = body_xml.index(anchored_text)
    p_start = body_xml.rindex("<w:p>", 0, at) if body_xml.rfind("<w:p>", 0, at) > body_xml.rfind("<w:p ", 0, at) \
        else body_xml.rindex("<w:p ", 0, at)
    p_end = body_xml.index("</w:p>", at)
    paragraph = body_xml[p_start:p_end]
    first_run = paragraph.index("<w:r>") if "<w:r>" in paragraph else paragraph.index("<w:r ")
    anchored = (paragraph[:first_run] + '<w:commentRangeStart w:id="0"/>' + paragraph[first_run:]
                + '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                '<w:commentReference w:id="0"/></w:r>')
    return body_xml[:p_start] + anchored + body_xml[p_end:]


def _write(path: Path, comment: str | None, on_text: str = TITLE, layout: Layout = BAD_TITLE) -> Path:
    parts = build_parts(short_doc(), layout)
    if comment is not None:
        parts = replace(parts, body=_anchor(parts.body, on_text), comments=_comment_xml(comment))
    path.write_bytes(docx_bytes(parts))
    return path


def _codes(findings: tuple) -> list[str]:
    return sorted(f.code for f in findings)


def test_without_a_comment_h002_is_reported(tmp_path: Path) -> None:
    result = check_file(str(_write(tmp_path / "a.docx", None)))
    assert "H002" in _codes(result.findings) and result.suppressed == ()


def test_comment_on_the_title_suppresses_h002_there(tmp_path: Path) -> None:
    plain = check_file(str(_write(tmp_path / "plain.docx", None)))
    result = check_file(str(_write(tmp_path / "a.docx", "thethuc: bỏ qua H002 -- mẫu cũ của Văn phòng")))
    assert "H002" not in _codes(result.findings)
    assert _codes(result.suppressed) == ["H002"]
    assert result.suppressed[0].element == "tieu_de"
    # Nothing else changed: the comment is not a finding and silences only the named code.
    assert _codes(result.findings) == [c for c in _codes(plain.findings) if c != "H002"]


def test_comment_with_another_code_suppresses_nothing(tmp_path: Path) -> None:
    result = check_file(str(_write(tmp_path / "a.docx", "thethuc: ignore H003")))
    assert "H002" in _codes(result.findings) and result.suppressed == ()


def test_comment_on_another_element_does_not_reach_the_title(tmp_path: Path) -> None:
    result = check_file(str(_write(tmp_path / "a.docx", "thethuc: bỏ qua H002", on_text="TỈNH ỦY")))
    assert "H002" in _codes(result.findings) and result.suppressed == ()


def test_an_ordinary_review_comment_is_not_a_directive(tmp_path: Path) -> None:
    result = check_file(str(_write(tmp_path / "a.docx", "Anh xem lại cỡ chữ tiêu đề.\nH002?")))
    assert "H002" in _codes(result.findings) and result.suppressed == ()


def test_cli_counts_suppressed_and_shows_them_on_request(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.docx", "thethuc: bỏ qua H002")
    runner = CliRunner()
    plain = runner.invoke(main, ["check", "--no-config", "--format", "github", str(path)])
    shown = runner.invoke(main, ["check", "--no-config", "--format", "github", "--show-suppressed", str(path)])
    assert "title=H002" not in plain.stdout
    assert "::notice" in shown.stdout and "title=H002 tieu-de-format (đã bỏ qua)" in shown.stdout
    text = runner.invoke(main, ["check", "--no-config", str(path)])
    assert "1 bị bỏ qua" in text.stdout


@pytest.mark.parametrize("fail_on", ["error", "info"])
def test_suppressed_findings_do_not_fail_the_run(tmp_path: Path, fail_on: str) -> None:
    def run(path: Path) -> tuple[int, list[str]]:
        result = CliRunner().invoke(main, ["check", "--no-config", "--format", "json", "--fail-on", fail_on,
                                           str(path)])
        return result.exit_code, [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]

    excused = run(_write(tmp_path / "excused.docx", "thethuc: bỏ qua H002"))
    conforming = run(_write(tmp_path / "conforming.docx", None, layout=Layout()))
    assert excused == conforming
    assert run(_write(tmp_path / "bad.docx", None))[0] == 1


def test_text_report_lists_suppressed_findings_on_request(tmp_path: Path) -> None:
    path = str(_write(tmp_path / "a.docx", "thethuc: bỏ qua H002"))
    runner = CliRunner()
    hidden = runner.invoke(main, ["check", "--no-config", path], env={"NO_COLOR": "1"}).stdout
    shown = runner.invoke(main, ["check", "--no-config", "--show-suppressed", path], env={"NO_COLOR": "1"}).stdout
    assert "H002" not in hidden.split("\n\n")[0]
    assert "H002" in shown and "đã bỏ qua bằng chú thích" in shown


def test_json_lists_and_counts_suppressed_findings_on_request(tmp_path: Path) -> None:
    import json

    path = _write(tmp_path / "a.docx", "thethuc: bỏ qua H002")
    runner = CliRunner()
    plain = json.loads(runner.invoke(main, ["check", "--no-config", "--format", "json", str(path)]).stdout)
    shown = json.loads(runner.invoke(main, ["check", "--no-config", "--format", "json", "--show-suppressed",
                                            str(path)]).stdout)
    assert "suppressed" not in plain["files"][0] and "suppressed" not in plain["summary"]  # shape unchanged
    [entry] = shown["files"]
    assert [f["code"] for f in entry["suppressed"]] == ["H002"]
    assert entry["suppressed"][0]["location"]["text"] == TITLE
    assert shown["summary"]["suppressed"] == 1
    assert "H002" not in [f["code"] for f in entry["findings"]]


@pytest.mark.parametrize(("comment", "said"), [
    ("thethuc: bỏ qau H002", "không phải lệnh bỏ qua hợp lệ"),
    ("thethuc bo qua", "không phải lệnh bỏ qua hợp lệ"),
    ("thethuc: bỏ qua H099 -- mẫu cũ", "bỏ qua mã H099, bộ quy tắc không có mã này (có phải 'H009' không?)"),
])
def test_a_suppression_comment_that_does_nothing_gets_a_warning(tmp_path: Path, comment: str, said: str) -> None:
    result = check_file(str(_write(tmp_path / "a.docx", comment)))
    [warning] = [f for f in result.findings if f.code == "X010"]
    assert warning.severity == "warning" and said in warning.message.vi
    assert warning.location is not None and warning.excerpt.endswith(TITLE)  # at the commented paragraph
    assert "H002" in _codes(result.findings)  # and indeed nothing was suppressed


def test_a_working_suppression_or_an_ordinary_comment_gets_no_warning(tmp_path: Path) -> None:
    for comment in ("thethuc: bỏ qua H002 -- mẫu cũ", "Anh xem lại: thethuc báo sai?"):
        assert "X010" not in _codes(check_file(str(_write(tmp_path / "a.docx", comment))).findings)
