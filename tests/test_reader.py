"""The light read path (reader.py): the same rows as the models give, on either engine; the
same refusals as a Session's; read-only; one statement for a subtree; the search indexes."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from dangvien_cli import db
from dangvien_cli.errors import DangvienError
from dangvien_cli.reader import ConnectionReader, SqliteReader, as_date, open_reader
from dangvien_cli.services.people_lists import candidate_sql, stream_candidates
from dangvien_cli.services.unit_reads import stream_units
from dangvien_cli.vocab import Block, Stage
from helpers.truth import expected_candidates, expected_units

CANDIDATE_FILTERS = [
    {},
    {"show_private": True},
    {"unit_code": "dalan"},  # a committee and its cells: the subtree, any case
    {"unit_code": "HACTHANH", "stage": Stage.trained},
    {"unit_code": "DALAN.CB2", "show_private": True},
    {"stage": Stage.probationary},
    {"search": "Nguyễn Thị"},
    {"search": "đ"},
    {"search": "Anh Lường", "show_private": True},  # given name first
    {"search": "mai", "unit_code": "TINH", "stage": Stage.probationary},
    {"search": "   "},  # nothing to search for: every candidate
    {"search": "zzz"},
]
UNIT_FILTERS = [
    {},
    {"under": "dalan"},
    {"under": "P01"},
    {"block": Block.xa_phuong},
    {"under": "HACTHANH", "block": Block.doanh_nghiep},
]


def demo_url(demo_db) -> str:
    return db.resolve_url(str(demo_db))


@pytest.mark.parametrize("filters", CANDIDATE_FILTERS, ids=repr)
def test_candidates_through_the_reader_are_the_rows_the_models_give(demo_db, filters):
    url = demo_url(demo_db)
    wanted = expected_candidates(url, **filters)
    with open_reader(url) as reader:
        got = list(stream_candidates(reader, **filters))
    assert got == wanted
    assert [list(r) for r in got] == [list(r) for r in wanted]  # the keys' order: CSV columns
    assert all(type(r["birth_date"]) is date for r in got if r["birth_date"])


def test_the_filters_do_filter(demo_db):
    """Guards the comparisons above against filters that all return the same rows."""
    url = demo_url(demo_db)
    sizes = [len(expected_candidates(url, **f)) for f in CANDIDATE_FILTERS]
    assert 0 < min(sizes[2:-2]) and max(sizes[2:-2]) < sizes[0] and sizes[-1] == 0
    assert any(r["decision_date"] for r in expected_candidates(url))


@pytest.mark.parametrize("filters", UNIT_FILTERS, ids=repr)
def test_units_through_the_reader_are_the_rows_the_models_give(demo_db, filters):
    url = demo_url(demo_db)
    wanted = expected_units(url, **filters)
    with open_reader(url) as reader:
        got = list(stream_units(reader, **filters))
    assert 0 < len(wanted) and got == wanted
    assert [list(r) for r in got] == [list(r) for r in wanted]


def test_a_sessions_connection_reads_the_same(demo_db):
    url = demo_url(demo_db)
    engine = db.open_engine(url, create=True)
    try:
        with Session(engine) as session:
            reader = ConnectionReader(session.connection())
            got = list(stream_candidates(reader, unit_code="TP", search="nguyen"))
            assert reader.dialect == engine.dialect.name
    finally:
        engine.dispose()
    assert got == expected_candidates(url, unit_code="TP", search="nguyen")


def test_a_sqlite_file_is_read_without_sqlalchemy(demo_db, engine_name):
    with open_reader(demo_url(demo_db)) as reader:
        assert reader.dialect == engine_name
        assert isinstance(reader, SqliteReader) == (engine_name == "sqlite")
        assert reader.scalar("SELECT count(*) FROM unit WHERE block = :b", {"b": "xa-phuong"})
        assert reader.scalar("SELECT id FROM unit WHERE code = :c", {"c": "nope"}) is None
        [(founded,)] = reader.rows(
            "SELECT founded_on FROM unit WHERE code = 'DALAN'", dates=("founded_on",)
        )
    assert founded == date(2000, 5, 12)


def test_as_date():
    assert as_date("2021-12-13") == date(2021, 12, 13)
    assert as_date(date(2021, 12, 13)) == date(2021, 12, 13)
    assert as_date(None) is None


@pytest.mark.sqlite_only
def test_the_reader_cannot_write(demo_db):
    with open_reader(demo_url(demo_db)) as reader:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("UPDATE unit SET name = 'x'")
    with sqlite3.connect(demo_db) as conn:
        assert conn.execute("SELECT count(*) FROM unit WHERE name = 'x'").fetchone() == (0,)


@pytest.mark.sqlite_only
def test_the_reader_reads_while_a_writer_holds_the_wal(demo_db):
    writer = sqlite3.connect(demo_db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE unit SET name = 'Đang sửa' WHERE code = 'P01'")
        with open_reader(demo_url(demo_db)) as reader:
            [row] = list(stream_units(reader, under="P01"))
        assert row["name"] != "Đang sửa"  # the last committed state
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.sqlite_only
def test_a_subtree_is_one_statement(demo_db):
    seen: list[str] = []
    with open_reader(demo_url(demo_db)) as reader:
        reader.conn.set_trace_callback(seen.append)
        rows = list(stream_candidates(reader, unit_code="dalan", search="n"))
    assert rows and len(seen) == 1 and "WITH RECURSIVE" in seen[0]


@pytest.mark.sqlite_only
def test_the_search_seeks_both_name_indexes(demo_db):
    sql, params = candidate_sql(search="Nguyễn Thị Lan")
    with sqlite3.connect(demo_db) as conn:
        plan = " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "ix_person_name_key" in plan and "ix_person_given_key" in plan, plan


def test_a_missing_database_is_refused_not_created(tmp_path, new_db_url, engine_name):
    url = db.resolve_url(str(tmp_path / "new.db")) if engine_name == "sqlite" else new_db_url()
    with pytest.raises(DangvienError) as refused:
        with open_reader(url) as reader:
            list(stream_units(reader))
    assert refused.value.key == "db.missing"
    assert not (tmp_path / "new.db").exists()


def set_revision(url: str, revision: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", [db.REVISIONS[0], "9999"])
def test_an_older_or_newer_schema_is_refused_with_exit_4(cli, demo_db, revision):
    set_revision(demo_url(demo_db), revision)
    through_session = cli("unit", "show", "P01")
    for args in (("unit", "list"), ("candidate", "list", "--search", "lan")):
        result = cli(*args)
        assert result.exit_code == 4, result.output
        assert result.stdout == ""
        assert result.stderr == through_session.stderr  # the very same line
        assert revision in result.stderr and len(result.stderr.splitlines()) == 1
    assert through_session.exit_code == 4


@pytest.mark.sqlite_only
@pytest.mark.parametrize("kind", ["text", "other-sqlite", "directory", "locked"])
def test_a_bad_file_gets_the_sessions_one_line(cli, demo_db, tmp_path, monkeypatch, kind):
    path = tmp_path / "bad.db"
    if kind == "text":
        path.write_text("không phải cơ sở dữ liệu " * 20)
    elif kind == "other-sqlite":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE t (x)")
    elif kind == "directory":
        path.mkdir()
    else:
        shutil.copyfile(demo_db, path)
        monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.1)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE unit SET name = name")
        holder.execute("COMMIT")  # an exclusive WAL lock stays held: no one else may read
    through_session = cli("unit", "show", "P01", "--db", path)
    assert through_session.exit_code == 1 and through_session.stderr
    for args in (("unit", "list"), ("candidate", "list", "--unit", "P01")):
        result = cli(*args, "--db", path, "--lang", "vi")
        assert (result.exit_code, result.stderr) == (1, through_session.stderr), result.output
    assert "Traceback" not in result.output and len(result.stderr.splitlines()) == 1
    if kind == "locked":
        holder.close()
