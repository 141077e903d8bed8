"""The candidate import is set-based: its SQL statements grow with the number of batches,
never with the number of rows; a first large load builds its indexes once, and leaves the
schema exactly as the migrations made it, or untouched when it is refused."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from dangvien_cli.services.imports import candidates as importer

REPO = Path(__file__).resolve().parents[1]
# Each test keeps its own SQLite files: statements are seen through cursor events (on
# PostgreSQL the rows go by COPY, which no cursor event sees) and the schema in sqlite_master.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "data"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "gen_data.py"),
            "--out",
            str(out),
            "--scale",
            "0.002",
        ],
        check=True,
        capture_output=True,
    )
    return out


def first_rows(data: Path, n: int, target: Path) -> Path:
    with (data / "candidates.csv").open(encoding="utf-8") as src:
        lines = [src.readline() for _ in range(n + 1)]
    target.write_text("".join(lines), encoding="utf-8")
    return target


@contextmanager
def counting() -> list[str]:
    """Every statement SQLAlchemy sends to the driver; an executemany counts once."""
    seen: list[str] = []

    def note(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def import_counting(cli, data: Path, rows: int, tmp_path: Path, monkeypatch) -> int:
    monkeypatch.setenv("DANGVIEN_DB", str(tmp_path / f"count_{rows}.db"))
    assert cli("db", "init").exit_code == 0
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    path = first_rows(data, rows, tmp_path / f"c{rows}.csv")
    with counting() as seen:
        result = cli("candidate", "import", path)
    assert result.exit_code == 0, result.output
    inserts = [s for s in seen if s.startswith("INSERT INTO person ")]
    assert len(inserts) == -(-rows // importer.BATCH)  # one executemany per batch
    return len(seen)


def test_statements_grow_with_batches_not_rows(cli, data, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 100)
    # 3 batches each (100 + 100 + 50, then 100 + 100 + 99): twice the rows in the last, same SQL
    three = import_counting(cli, data, 250, tmp_path, monkeypatch)
    assert import_counting(cli, data, 299, tmp_path, monkeypatch) == three
    nine = import_counting(cli, data, 900, tmp_path, monkeypatch)
    per_batch = (nine - three) / 6
    assert 1 <= per_batch <= 8  # stage, person, events, admissions, members: a few per batch
    assert nine - 9 * per_batch < 40  # the setup and the deferred indexes: a few dozen, once


def schema(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())


def test_a_first_large_load_leaves_the_schema_as_the_migrations_made_it(
    cli, data, tmp_path, monkeypatch
):
    monkeypatch.setattr(importer, "BATCH", 100)
    db = tmp_path / "load.db"
    monkeypatch.setenv("DANGVIEN_DB", str(db))
    assert cli("db", "init").exit_code == 0
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    before = schema(db)
    with counting() as seen:
        assert cli("candidate", "import", data / "candidates.csv").exit_code == 0
    assert any(s.startswith("DROP INDEX") for s in seen)  # the indexes were deferred
    assert schema(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM person WHERE name_key = 'nguyen van an'"
        ).fetchall()
    assert "ix_person_name_key" in str(plan)


def test_a_refused_large_load_writes_nothing_and_keeps_every_index(
    cli, data, tmp_path, monkeypatch
):
    monkeypatch.setattr(importer, "BATCH", 100)
    db = tmp_path / "refused.db"
    monkeypatch.setenv("DANGVIEN_DB", str(db))
    assert cli("db", "init").exit_code == 0
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    before = schema(db)
    bad = tmp_path / "bad.csv"
    with (data / "candidates.csv").open(encoding="utf-8") as src, bad.open("w") as out:
        reader, writer = csv.reader(src), csv.writer(out, lineterminator="\n")
        for n, row in enumerate(reader):
            if n == 450:
                row[1] = "31/02/1990"  # birth_date: no such day
            writer.writerow(row)
    result = cli("candidate", "import", bad)
    assert result.exit_code == 1
    assert schema(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (0,)


def test_a_second_load_is_matched_not_deferred(cli, data, tmp_path, monkeypatch):
    """With people already stored, rows are matched through the indexes: none is dropped."""
    monkeypatch.setattr(importer, "BATCH", 100)
    monkeypatch.setenv("DANGVIEN_DB", str(tmp_path / "again.db"))
    assert cli("db", "init").exit_code == 0
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    part = first_rows(data, 250, tmp_path / "part.csv")
    assert cli("candidate", "import", part).exit_code == 0
    with counting() as seen:
        result = cli("candidate", "import", part, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"unchanged": 250' in result.stdout
    assert not any(s.startswith("DROP INDEX") for s in seen)
