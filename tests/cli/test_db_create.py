"""Creating a database is explicit (issue 14, point 1): a mistyped --db is refused, and
creates neither a file nor a folder; `db init`, `db upgrade` and `demo` create."""

from __future__ import annotations

import pytest

READS = (
    ("unit", "list"),
    ("candidate", "list"),
    ("report", "quota", "--period", "2021"),
    ("audit", "list"),
)
WRITES = (
    ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
    ("quota", "set", "TP", "2022", "5"),
    ("period", "close", "2021"),
)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("args", READS + WRITES, ids=lambda a: " ".join(a[:2]))
def test_a_missing_file_is_refused_and_nothing_is_created(cli, tmp_path, args):
    path = tmp_path / "typo" / "dangvien.db"
    result = cli(*args, "--db", path, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert f"No database at {path}" in result.stderr
    assert "dangvien db init" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "typo").exists()


def test_an_empty_database_is_refused_until_db_init(cli, new_db_url, sql):
    url = new_db_url()  # a missing file on SQLite, a database without tables on PostgreSQL
    for args in READS + WRITES:
        refused = cli(*args, "--db", url)
        assert refused.exit_code == 1, (args, refused.output)
        assert "Không có cơ sở dữ liệu tại" in refused.stderr
    created = cli("db", "init", "--db", url, "--lang", "en")
    assert created.exit_code == 0, created.output
    assert "Created the database" in created.stderr
    assert cli.json("unit", "list", "--db", url) == []
    assert sql("SELECT count(*) FROM audit_log", db=url) == [(0,)]  # empty: a copy's target
    again = cli("db", "init", "--db", url, "--lang", "en")
    assert again.exit_code == 0 and "exists already" in again.stderr
    assert sql("SELECT count(*) FROM audit_log", db=url) == [(0,)]


def test_db_init_then_copy_into_it(cli, demo_db, new_db_url):
    """The order docs/postgresql.md gives: create the target, then copy into it."""
    url = new_db_url()
    assert cli("db", "init", "--db", url).exit_code == 0
    copied = cli("db", "copy", "--db", demo_db, "--to", url)
    assert copied.exit_code == 0, copied.output
    units = cli.json("unit", "list", "--db", url)
    assert units == cli.json("unit", "list", "--db", demo_db)


def test_db_upgrade_creates_too(cli, new_db_url):
    url = new_db_url()
    assert cli("db", "upgrade", "--db", url).exit_code == 0
    assert cli.json("unit", "list", "--db", url) == []


@pytest.mark.sqlite_only
def test_demo_twice_leaves_the_first_run_alone(cli, tmp_path, sql):
    path = tmp_path / "sub" / "demo.db"
    assert cli("demo", "--db", path).exit_code == 0
    units = sql("SELECT count(*) FROM unit", db=path)
    again = cli("demo", "--db", path, "--lang", "en")
    assert again.exit_code == 0, again.output
    assert "already holds data" in again.stderr
    assert sql("SELECT count(*) FROM unit", db=path) == units


@pytest.mark.sqlite_only
def test_an_empty_file_is_refused_and_left_as_it_is(cli, tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    result = cli("unit", "list", "--db", path)
    assert result.exit_code == 1
    assert "db init" in result.stderr
    assert path.stat().st_size == 0


@pytest.mark.sqlite_only
def test_a_relative_sqlite_url_is_read_from_the_working_folder(cli, demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copied = cli("db", "copy", "--db", demo_db, "--to", "sqlite:///copy.db")
    assert copied.exit_code == 0, copied.output
    assert cli.json("unit", "list", "--db", "sqlite:///copy.db") == cli.json(
        "unit", "list", "--db", demo_db
    )
