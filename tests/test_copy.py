"""db copy: a whole database into an empty one, SQLite -> PostgreSQL -> SQLite, verified.

On the SQLite run the copies go SQLite -> SQLite; on the PostgreSQL run the middle stop is
a PostgreSQL database of the test server. The tables are compared with the stored values
themselves (sqlite3 on the files), not with the command's own checksums.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from dangvien_cli.models import metadata


def stored_rows(path: Path) -> dict[str, list[tuple]]:
    """Every table of a SQLite file, as stored (text dates, 0/1 booleans), by primary key."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: conn.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        conn.close()


def typed_rows(url: str) -> dict[str, list[tuple]]:
    """Every dangvien table read through SQLAlchemy's types, by primary key."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key))]
                for t in metadata.sorted_tables
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """The demo database as a SQLite file, whatever the engine of this run."""
    from helpers.cli import Cli

    path = tmp_path_factory.mktemp("copy") / "demo.db"
    result = Cli()("demo", "--db", path)
    assert result.exit_code == 0, result.output
    return path


def test_the_demo_goes_there_and_back_unchanged(cli, demo_file, new_db_url, tmp_path):
    middle = new_db_url()
    there = cli("db", "copy", "--db", demo_file, "--to", middle, "--format", "json")
    assert there.exit_code == 0, there.output
    back = tmp_path / "back.db"
    result = cli("db", "copy", "--db", middle, "--to", back, "--format", "json")
    assert result.exit_code == 0, result.output

    before, after = stored_rows(demo_file), stored_rows(back)
    assert before.keys() == after.keys()
    for table in before:
        assert after[table] == before[table], table
    assert len(before["person"]) == 460 and len(before["pipeline_event"]) > 2000

    sqlite_url = f"sqlite:///{demo_file}"
    assert typed_rows(middle) == typed_rows(sqlite_url)
    # Each leg reports the same per-table counts and checksums.
    assert cli.json("db", "copy", "--db", back, "--to", tmp_path / "again.db") == [
        {"table": r["table"], "rows": r["rows"], "checksum": r["checksum"]}
        for r in json.loads(there.stdout)
    ]


def test_ids_go_on_after_the_copied_ones(cli, demo_file, new_db_url, sql):
    target = new_db_url()
    assert cli("db", "copy", "--db", demo_file, "--to", target).exit_code == 0
    [(top,)] = sql("SELECT max(id) FROM person", db=target)
    result = cli(
        "candidate", "add", "Lò Văn Pấng", "--unit", "DALAN", "--birth", "02/03/1999",
        "--gender", "nam", "--db", target,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sql("SELECT id FROM person WHERE full_name = 'Lò Văn Pấng'", db=target) == [(top + 1,)]


def test_a_database_with_rows_is_refused_and_left_alone(cli, demo_file, new_db_url, sql):
    target = new_db_url()
    assert cli("db", "init", "--db", target).exit_code == 0
    assert (
        cli("unit", "add", "X1", "Chi bộ X", "--kind", "chi-bo-co-so", "--db", target).exit_code
        == 0
    )
    before = sql("SELECT id, code FROM unit", db=target)
    result = cli("db", "copy", "--db", demo_file, "--to", target)
    assert result.exit_code == 1
    assert "không trống" in result.stderr and "audit_log" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sql("SELECT id, code FROM unit", db=target) == before
    assert sql("SELECT count(*) FROM person", db=target) == [(0,)]


def test_a_copy_onto_itself_is_refused(cli, demo_file):
    result = cli("db", "copy", "--db", demo_file, "--to", str(demo_file), "--lang", "en")
    assert result.exit_code == 1
    assert "same database" in result.stderr


def test_a_row_lost_on_the_way_rolls_the_whole_copy_back(
    cli, demo_file, new_db_url, sql, monkeypatch, engine_name
):
    from dangvien_cli import dialect

    real = dialect.stream_rows

    def lossy(conn, table_name, columns, rows):
        rows = list(rows)
        if table_name == "member":
            rows = rows[:-1]
        real(conn, table_name, columns, rows)

    monkeypatch.setattr(dialect, "stream_rows", lossy)
    target = new_db_url()
    result = cli("db", "copy", "--db", demo_file, "--to", target, "--lang", "en")
    assert result.exit_code == 1
    assert "member" in result.stderr and "nothing was written" in result.stderr
    if engine_name == "sqlite":
        assert not Path(target.removeprefix("sqlite:///")).exists()
    else:
        assert sql("SELECT count(*) FROM unit", db=target) == [(0,)]
        assert sql("SELECT count(*) FROM person", db=target) == [(0,)]
