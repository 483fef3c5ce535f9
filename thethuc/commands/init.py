"""`thethuc init`: write a commented `.thethuc.yaml` here and print the pre-commit snippet."""
from __future__ import annotations

from pathlib import Path

import click

from thethuc import __version__, atomic
from thethuc.errors import EXIT_USAGE

# Every key is shown, the optional ones commented out, so a clerk edits values instead of
# looking up names; `thethuc check` loads this text unchanged (tested in tests/workflow).
CONFIG_TEMPLATE = """\
# Cấu hình thethuc cho thư mục này và mọi thư mục con (tệp gần văn bản nhất được dùng).
# Tham số dòng lệnh (--ruleset, --stage, --select, --ignore, --fail-on, --lang) thắng tệp này.

# Bộ quy tắc gốc: auto (chọn theo từng văn bản: hd05 cho văn bản của Đảng từ 27/5/2026, hd36 trước đó,
# nd30 cho văn bản nhà nước), hd36 (Hướng dẫn 36-HD/VPTW), hd05 (Hướng dẫn 05-HD/VPTW),
# nd30 (Nghị định 30/2020/NĐ-CP) hoặc đường dẫn tới một tệp quy tắc YAML.
extends: auto

# Giai đoạn: draft (dự thảo — số, ngày để trống chỉ là thông tin, văn thư điền khi ban hành)
# hoặc issued (đã ban hành — thiếu số, ngày là lỗi).
stage: draft

# Ngôn ngữ thông báo: vi hoặc en.
lang: vi

# Mức lỗi làm lệnh thất bại (mã thoát 1): error, warning hoặc info.
fail-on: error

# Chỉ kiểm tra các mã này (theo tiền tố: "H" là cả phần đầu văn bản).
# select: [P, H, T, B, S, N, X]

# Bỏ qua các mã này ở mọi văn bản.
# ignore: [P009]

# Bỏ qua một số mã cho các tệp khớp mẫu (đường dẫn tính từ thư mục chứa tệp này).
# per-file-ignores:
#   "du-thao/**": [H008, H011]
#   "luu-tru/2017/*.docx": [P007]

# Sửa quy tắc: mức độ (error, warning, info), giá trị, hoặc tắt hẳn (off);
# cần một bộ quy tắc cố định (extends: hd36, hd05 hoặc nd30), không dùng auto.
# rules:
#   B004: {severity: warning}
#   P009: off

# Bỏ qua ngay trong Word: chèn chú thích (Review > New Comment) vào đoạn cần bỏ qua với nội dung
#   thethuc: bỏ qua H003 -- lý do
"""

PRECOMMIT_SNIPPET = """\
# .pre-commit-config.yaml
repos:
  - repo: {repo}
    rev: v{version}
    hooks:
      - id: thethuc
"""


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so a reader never sees half a file, with normal permissions."""
    atomic.write_atomic(path, text, newline="\n")


def precommit_snippet(repo: str) -> str:
    """The `.pre-commit-config.yaml` lines that run thethuc on staged Word files."""
    return PRECOMMIT_SNIPPET.format(repo=repo, version=__version__)


@click.command("init")
@click.option("--force", is_flag=True, help="Ghi đè .thethuc.yaml đã có.")
@click.option("--repo", default="<URL kho thethuc>", show_default=True,
              help="Địa chỉ kho thethuc đưa vào đoạn cấu hình pre-commit.")
def command(force: bool, repo: str) -> None:
    """Tạo tệp cấu hình .thethuc.yaml có chú thích và in đoạn cấu hình pre-commit."""
    from thethuc.config import CONFIG_FILE  # yaml: `thethuc --help` imports this module

    target = Path.cwd() / CONFIG_FILE
    if target.exists() and not force:
        click.echo(f"{CONFIG_FILE}: tệp đã có; dùng --force để ghi đè.", err=True)
        raise SystemExit(EXIT_USAGE)
    try:
        write_atomic(target, CONFIG_TEMPLATE)
    except atomic.WriteError as err:
        click.echo(f"thethuc: không ghi được {err.text.vi}", err=True)
        raise SystemExit(EXIT_USAGE) from None
    click.echo(f"Đã tạo {target}.")
    click.echo("Thêm vào .pre-commit-config.yaml để kiểm tra văn bản Word trước mỗi lần commit:\n")
    click.echo(precommit_snippet(repo), nl=False)
