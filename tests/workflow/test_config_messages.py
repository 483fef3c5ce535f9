"""Every configuration error, word for word, with its file and line: YAML, pyproject.toml and a
plain TOML file (`--config thethuc.toml`), at reading, discovery and resolving (rule overrides,
codes, extends). The reader shares the rule files' located YAML (ruleset/nodes.py); these rows
pin the words and lines a clerk is shown."""
from __future__ import annotations

from pathlib import Path

import pytest

from thethuc.config import CliOptions, find_config, read_config, resolve
from thethuc.errors import RuleSetError

# (file name, text, step that fails: find | read | resolve, line, Vietnamese message, English message)
ERRORS = [
    ('.thethuc.yaml', 'extends: hd36\n  bad: : yaml\n', 'read', 2,
     'YAML không hợp lệ: mapping values are not allowed here',
     'not valid YAML: mapping values are not allowed here'),
    ('.thethuc.yaml', 'a: [1, 2\n', 'read', 2,
     "YAML không hợp lệ: expected ',' or ']', but got '<stream end>'",
     "not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ('.thethuc.yaml', '- just\n- a list\n', 'read', 1,
     'tệp cấu hình phải là một bảng khóa: giá trị',
     'a configuration file must be a mapping of key: value'),
    ('.thethuc.yaml', 'just a word\n', 'read', 1,
     'tệp cấu hình phải là một bảng khóa: giá trị',
     'a configuration file must be a mapping of key: value'),
    ('.thethuc.yaml', 'lang: vi\nzzz: 1\n', 'read', 2,
     "khóa không hợp lệ 'zzz' (các khóa: extends, rules, select, ignore, per-file-ignores, fail-on, lang, stage)",
     "unknown key 'zzz' (keys are: extends, rules, select, ignore, per-file-ignores, fail-on, lang, stage)"),
    ('.thethuc.yaml', 'extends: hd36\nignor: [H003]\n', 'read', 2,
     "khóa không hợp lệ 'ignor' (có phải 'ignore' không?)",
     "unknown key 'ignor' (did you mean 'ignore'?)"),
    ('.thethuc.yaml', 'lang: vi\nper-file-ignores: [H003]\n', 'read', 2,
     "'per-file-ignores' phải là bảng mẫu tệp → danh sách mã",
     "'per-file-ignores' must map file patterns to lists of codes"),
    ('.thethuc.yaml', "lang: vi\nper-file-ignores:\n  'a/*': [H003]\n  'b/*': [tieu de]\n", 'read', 4,
     "'per-file-ignores.b/*': mã không hợp lệ 'tieu de' (dạng H003, tiền tố H, H0 hoặc tên quy tắc)",
     "'per-file-ignores.b/*': invalid code 'tieu de' (a code like H003, a prefix H, H0 or a rule name)"),
    ('.thethuc.yaml', 'select: 7\n', 'read', 1,
     "'select' phải là danh sách mã quy tắc, ví dụ [H003, P009]",
     "'select' must be a list of rule codes, e.g. [H003, P009]"),
    ('.thethuc.yaml', 'lang: vi\nfail-on: loi\n', 'read', 2,
     "'fail-on' phải là một trong info, warning, error (đang là 'loi')",
     "'fail-on' must be one of info, warning, error (it is 'loi')"),
    ('.thethuc.yaml', 'extends: hd36\nrules:\n  B004: {severity: fatal}\n', 'resolve', 3,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('.thethuc.yaml', 'extends: hd36\nrules:\n  B004:\n    severity: fatal\n', 'resolve', 4,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('.thethuc.yaml', 'extends: auto\nrules:\n  B004: off\n', 'resolve', 2,
     "'rules:' cần một bộ quy tắc cố định (extends: hd36, hd05 hoặc nd30), không dùng 'auto'",
     "'rules:' needs a fixed rule set (extends: hd36, hd05 or nd30), not 'auto'"),
    ('.thethuc.yaml', 'lang: vi\nextends: hd99\n', 'resolve', 2,
     "không có bộ quy tắc 'hd99'; các bộ có sẵn: hd05, hd36, nd30",
     "unknown rule set 'hd99'; built-in rule sets: hd05, hd36, nd30"),
    ('.thethuc.yaml', 'lang: vi\nextends: missing.yaml\n', 'resolve', 2,
     'không tìm thấy tệp quy tắc: {folder}/missing.yaml',
     'rule file not found: {folder}/missing.yaml'),
    ('.thethuc.yaml', 'extends: hd36\nignore: [P009, H099]\n', 'resolve', 2,
     "'ignore': không có quy tắc nào khớp 'H099' trong hd36 (có phải 'H009' không?)",
     "'ignore': no rule matches 'H099' in hd36 (did you mean 'H009'?)"),
    ('.thethuc.yaml', 'extends: hd36\nlang: vi\nper-file-ignores:\n  "du-thao/**": [H008]\n  "*.docx": [P0099]\n',
     'resolve', 5,
     "'per-file-ignores.*.docx': không có quy tắc nào khớp 'P0099' trong hd36 (có phải 'P009' không?)",
     "'per-file-ignores.*.docx': no rule matches 'P0099' in hd36 (did you mean 'P009'?)"),
    ('pyproject.toml', '[project]\nname = "x"\n\n[tool.thethuc]\nfail_on = "error"\n', 'read', 5,
     "khóa không hợp lệ 'fail_on' (có phải 'fail-on' không?)",
     "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('pyproject.toml', '[tool.thethuc]\nignore = ["P009"\nlang = "en"\n', 'find', 3,
     'TOML không hợp lệ: Unclosed array (at line 3, column 1)',
     'not valid TOML: Unclosed array (at line 3, column 1)'),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\nselect = 7\n', 'read', 3,
     "'select' phải là danh sách mã quy tắc, ví dụ [H003, P009]",
     "'select' must be a list of rule codes, e.g. [H003, P009]"),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\n\n[tool.thethuc.per-file-ignores]\n"a/*" = ["H003"]\n"b/*" = 7\n',
     'read', 6,
     "'per-file-ignores.b/*' phải là danh sách mã quy tắc, ví dụ [H003, P009]",
     "'per-file-ignores.b/*' must be a list of rule codes, e.g. [H003, P009]"),
    ('pyproject.toml', '[tool.thethuc]\nextends = "hd36"\n\n[tool.thethuc.rules]\n'
     'P009 = "off"\nB004 = { severity = "fatal" }\n',
     'resolve', 6,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('pyproject.toml', '[tool.thethuc]\nextends = "hd36"\n\n[tool.thethuc.rules.B004]\nseverity = "fatal"\n',
     'resolve', 5,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('pyproject.toml', '[tool.thethuc]\nextends = "hd36"\nrules = { Z999 = "off" }\n', 'resolve', 3,
     'không thể tắt quy tắc Z999 vì bộ quy tắc gốc không có mã này',
     'cannot turn off unknown rule Z999'),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\nextends = "hd99"\n', 'resolve', 3,
     "không có bộ quy tắc 'hd99'; các bộ có sẵn: hd05, hd36, nd30",
     "unknown rule set 'hd99'; built-in rule sets: hd05, hd36, nd30"),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\nignore = ["H099"]\n', 'resolve', 3,
     "'ignore': không có quy tắc nào khớp 'H099' trong hd36, hd05, nd30 (có phải 'H009' không?)",
     "'ignore': no rule matches 'H099' in hd36, hd05, nd30 (did you mean 'H009'?)"),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\n[tool.thethuc.per-file-ignores]\n"x/*" = ["P0099"]\n',
     'resolve', 4,
     "'per-file-ignores.x/*': không có quy tắc nào khớp 'P0099' trong hd36, hd05, nd30 (có phải 'P009' không?)",
     "'per-file-ignores.x/*': no rule matches 'P0099' in hd36, hd05, nd30 (did you mean 'P009'?)"),
    ('pyproject.toml', '[tool.thethuc]\nextends = "auto"\n[tool.thethuc.rules]\nB004 = "off"\n', 'resolve', 3,
     "'rules:' cần một bộ quy tắc cố định (extends: hd36, hd05 hoặc nd30), không dùng 'auto'",
     "'rules:' needs a fixed rule set (extends: hd36, hd05 or nd30), not 'auto'"),
    ('pyproject.toml', '[tool.thethuc]\nlang = "vi"\nrules = 5\n', 'read', 3,
     "'rules' phải là một bảng mã → thay đổi, ví dụ {B004: {severity: warning}}",
     "'rules' must map codes to changes, e.g. {B004: {severity: warning}}"),
    ('pyproject.toml', '[tool]\nthethuc = 5\n', 'read', 1,
     'tệp cấu hình phải là một bảng khóa: giá trị',
     'a configuration file must be a mapping of key: value'),
    ('thethuc.toml', 'lang = "en"\nfail-on = "loi"\n', 'read', 2,
     "'fail-on' phải là một trong info, warning, error (đang là 'loi')",
     "'fail-on' must be one of info, warning, error (it is 'loi')"),
    ('thethuc.toml', 'lang = "en"\n[per-file-ignores]\n"a/*" = 5\n', 'read', 3,
     "'per-file-ignores.a/*' phải là danh sách mã quy tắc, ví dụ [H003, P009]",
     "'per-file-ignores.a/*' must be a list of rule codes, e.g. [H003, P009]"),
    ('thethuc.toml', 'lang = "en"\nbogus = 1\n', 'read', 2,
     "khóa không hợp lệ 'bogus' (các khóa: extends, rules, select, ignore, per-file-ignores, fail-on, lang, stage)",
     "unknown key 'bogus' (keys are: extends, rules, select, ignore, per-file-ignores, fail-on, lang, stage)"),
    ('thethuc.toml', 'extends = "hd36"\n[rules]\nB004 = { severity = "fatal" }\n', 'resolve', 3,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('thethuc.toml', 'extends = "hd36"\nlang = "en"\n[rules.B004]\nseverity = "fatal"\n', 'resolve', 4,
     "'severity': giá trị không hợp lệ 'fatal'; chọn một trong error, warning, info",
     "'severity': unknown value 'fatal'; expected one of error, warning, info"),
    ('thethuc.toml', 'extends = "hd36"\nlang = "en"\n[rules]\n"B004" = "of"\n', 'resolve', 4,
     "quy tắc B004 phải là một bảng khóa: giá trị, không phải chuỗi 'of'",
     "rule B004 must be a mapping, not the text 'of'"),
    ('other.yml', 'lang: vi\nstage: final\n', 'read', 2,
     "'stage' phải là một trong draft, issued (đang là 'final')",
     "'stage' must be one of draft, issued (it is 'final')"),
]


def _fail(path: Path, step: str) -> RuleSetError:
    with pytest.raises(RuleSetError) as caught:
        if step == "find":
            find_config(path.parent / "a.docx")
        elif step == "read":
            read_config(path)
        else:
            resolve(read_config(path), CliOptions())
    return caught.value


@pytest.mark.parametrize(("name", "text", "step", "line", "vi", "en"), ERRORS)
def test_config_error_words_and_line(tmp_path: Path, name: str, text: str, step: str, line: int | None,
                                     vi: str, en: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    err = _fail(path, step)
    assert (err.file, err.line) == (str(path), line)
    assert (err.text("vi"), err.text("en")) == (vi.replace("{folder}", str(tmp_path)),
                                               en.replace("{folder}", str(tmp_path)))


@pytest.mark.parametrize(("name", "step", "vi", "en"), [
    (".thethuc.yaml", "read", "tệp cấu hình không phải văn bản UTF-8", "the configuration file is not UTF-8 text"),
    ("thethuc.toml", "read", "tệp cấu hình không phải văn bản UTF-8", "the configuration file is not UTF-8 text"),
    ("pyproject.toml", "find", "tệp không phải văn bản UTF-8", "the file is not UTF-8 text"),
])
def test_a_config_that_is_not_utf8_says_so_without_a_line(tmp_path: Path, name: str, step: str, vi: str,
                                                          en: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xff\xfe lang: vi\n")
    err = _fail(path, step)
    assert (err.file, err.line, err.text("vi"), err.text("en")) == (str(path), None, vi, en)


def test_a_config_path_that_is_a_folder_cannot_be_read(tmp_path: Path) -> None:
    err = _fail(tmp_path, "read")
    assert (err.file, err.line) == (str(tmp_path), None)
    assert err.text("en") == "cannot read the configuration file: Is a directory"
    assert err.text("vi") == "không đọc được tệp cấu hình: Is a directory"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_an_empty_config_is_the_defaults(tmp_path: Path, text: str) -> None:
    path = tmp_path / ".thethuc.yaml"
    path.write_text(text, encoding="utf-8")
    config = read_config(path)
    assert (config.extends, config.select, config.ignore, config.lang, dict(config.rules)) == (None, None, (), None, {})
    assert resolve(config, CliOptions()).ruleset == "auto"


# Read by the rule files' reader, a configuration refuses what that reader refuses: a repeated key
# (PyYAML alone keeps the last value silently), a list as a key, a control character.
@pytest.mark.parametrize(("text", "line", "en"), [
    ("lang: vi\nlang: en\n", 2, "duplicate key 'lang' (first at line 1)"),
    ("lang: vi\nper-file-ignores:\n  'a/*': [H003]\n  'a/*': [H008]\n", 4, "duplicate key 'a/*' (first at line 3)"),
    ("lang: vi\nstage: dr\x07ft\n", 2, "not valid YAML: U+0007: special characters are not allowed"),
    ("lang: vi\n? [a, b]\n: 1\n", 2, "a key must be a plain word"),
])
def test_config_refuses_what_a_rule_file_refuses(tmp_path: Path, text: str, line: int, en: str) -> None:
    path = tmp_path / ".thethuc.yaml"
    path.write_text(text, encoding="utf-8")
    err = _fail(path, "read")
    assert (err.file, err.line, err.text("en")) == (str(path), line, en)
    assert "\n" not in err.render("vi")


def test_a_toml_tool_that_is_no_table_is_the_mapping_error(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("tool = 5\n", encoding="utf-8")
    assert read_config(path).extends is None  # no [tool.thethuc]: nothing configured
    other = tmp_path / "cfg.toml"
    other.write_text("[tool]\nthethuc = [1]\n", encoding="utf-8")
    assert _fail(other, "read").text("en") == "a configuration file must be a mapping of key: value"
