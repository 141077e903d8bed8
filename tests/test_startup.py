"""--help and --version must stay fast: neither may import SQLAlchemy (or Alembic)."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.no_database


def imported_modules(*args: str) -> set[str]:
    code = (
        "import sys; from dangvien_cli.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return set(out.stderr.split())


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], ["unit", "--help"], ["report", "quota", "--help"]]
)
def test_help_and_version_do_not_import_sqlalchemy(args):
    modules = imported_modules(*args)
    assert "sqlalchemy" not in modules
    assert "alembic" not in modules


def test_version_does_not_even_import_typer():
    assert "typer" not in imported_modules("--version")


def test_importtime_shows_no_sqlalchemy():
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dangvien_cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sqlalchemy" not in out.stderr
    assert "Cách dùng" in out.stdout


def test_help_is_in_english_on_request():
    out = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "--lang", "en", "unit", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Add a Party unit" in out.stdout
    vi = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "unit", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Thêm một tổ chức đảng" in vi.stdout


@pytest.mark.parametrize("args", [[], ["unit"], ["unit", "list"], ["report", "quota"]])
def test_typer_s_own_help_line_is_translated_too(cli, args):
    vi = cli(*args, "--help")
    assert "Hiện hướng dẫn này rồi thoát." in vi.stdout
    assert "Show this message and exit." not in vi.stdout
    en = cli("--lang", "en", *args, "--help")
    assert "Show this message and exit." in en.stdout
