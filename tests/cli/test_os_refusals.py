"""When the machine refuses (a full disk, a path through a file), the one line says why in
the clerk's language: the system's own words ("No space left on device") are English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("lang", "said"), [("vi", "ổ đĩa đã hết chỗ trống"), ("en", "no space")])
def test_a_full_disk_is_said_in_the_clerks_language(demo_db, lang, said):
    with FULL.open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "dangvien_cli", "--lang", lang, "unit", "list"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "COLUMNS": "80"},
            check=False,
        )
    assert done.returncode == 1
    assert said in done.stderr and "No space left" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "command",
    [
        ("export", "candidates", "{file}/x.csv"),
        ("report", "quota", "--period", "2021", "--output", "{file}/q.xlsx"),
        ("report", "document", "--period", "2021", "--output", "{file}/bc.md"),
    ],
)
def test_a_path_through_a_file_is_said_in_the_clerks_language(cli, demo_db, tmp_path, command):
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    result = cli(*(part.format(file=a_file) for part in command))
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.endswith("một phần của đường dẫn không phải là thư mục."), line
    assert "Not a directory" not in line and len(line.splitlines()) == 1


@pytest.mark.sqlite_only
@pytest.mark.skipif(sys.platform == "win32", reason="a file size limit (RLIMIT_FSIZE)")
@pytest.mark.parametrize(("lang", "said"), [("vi", "lỗi đọc ghi của đĩa"), ("en", "disk")])
def test_a_disk_that_fills_during_an_import_writes_nothing_and_says_so(
    demo_db, tmp_path, sql, lang, said
):
    """The database cannot grow (a full disk, here a file size limit): SQLite's English
    "disk I/O error" was the reason shown."""
    import resource

    rows = [f"Nguyễn Văn Thử {i},01/01/1990,nam,DALAN.CB1,01/03/2024" for i in range(3000)]
    path = tmp_path / "new.csv"
    path.write_text("full_name,birth_date,gender,unit_code,source_date\n" + "\n".join(rows))
    limit = demo_db.stat().st_size + 20_000
    before = sql("SELECT count(*) FROM person")
    done = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "--lang", lang, "candidate", "import", path],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    assert done.returncode == 1, done.stderr
    assert said in done.stderr and "disk I/O error" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert sql("SELECT count(*) FROM person") == before


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_file_that_is_not_a_database_is_said_in_the_clerks_language(cli, tmp_path, lang):
    """--db naming a unit's CSV: SQLite says "file is not a database"; the clerk reads it in
    the interface's language, on one line."""
    not_db = tmp_path / "danh-sach.csv"
    not_db.write_text("Họ và tên,Ngày sinh\n" * 200, encoding="utf-8")
    for command in (("unit", "list"), ("db", "check")):
        result = cli("--lang", lang, "--db", not_db, *command)
        assert result.exit_code == 1, result.output
        (line,) = result.stderr.strip().splitlines()
        assert "file is not a database" not in line and "SQLite" in line, line
    assert not_db.read_text(encoding="utf-8").startswith("Họ và tên")  # left as it was


@pytest.mark.parametrize("url", ["mysql://u@h/db", "oracle+cx_oracle://u:bí-mật@h/x"])
def test_a_database_it_does_not_work_with_is_named_not_an_unexpected_error(cli, url):
    result = cli("--db", url, "unit", "list")
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    assert url.split("://")[0] in line and "postgresql://" in line, line
    assert "bí-mật" not in line and "ngoài dự kiến" not in line
