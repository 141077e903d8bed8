"""Migrations and models agree; the schema version gate refuses old and new databases."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from dangvien_cli import db
from dangvien_cli.backups import file_revision
from helpers.migrations import alembic_config

# What says an upgraded file is the schema dangvien makes (the chain is not asked: the rows
# written at revision 0005 here are made up, hashes included).
PROOF_CHECKS = {"integrity", "schema_missing", "guard_missing", "guard_changed", "guard_unexpected"}


def test_revision_list_matches_the_migration_scripts():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == db.REVISIONS
    assert script.get_current_head() == db.SCHEMA_HEAD


def test_models_and_migrations_agree(tmp_path):
    url = f"sqlite:///{tmp_path / 'check.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises if autogenerate would emit any operation
    command.downgrade(cfg, "base")
    with sqlite3.connect(tmp_path / "check.db") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables <= {"alembic_version"}


def test_new_database_is_created_at_head_and_private(tmp_path):
    path = tmp_path / "sub" / "new.db"
    engine = db.open_engine(db.resolve_url(str(path)), create=True)
    assert db.current_revision(engine) == db.SCHEMA_HEAD
    engine.dispose()
    assert (os.stat(path).st_mode & 0o777) == 0o600


def test_older_schema_is_refused_with_exit_4(cli, tmp_path):
    path = tmp_path / "old.db"
    engine = db.open_engine(db.resolve_url(str(path)), create=True)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'base-for-test'")
    db_revisions = db.REVISIONS
    try:
        db.REVISIONS = ("base-for-test", *db_revisions)
        result = cli("unit", "list", "--db", path)
    finally:
        db.REVISIONS = db_revisions
    assert result.exit_code == 4
    assert "db upgrade" in result.stderr


def test_newer_schema_is_refused_and_untouched(cli, tmp_path):
    path = tmp_path / "future.db"
    engine = db.open_engine(db.resolve_url(str(path)), create=True)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    for args in (
        ("unit", "list"),
        ("db", "upgrade"),
        ("db", "check"),
        ("audit", "list"),
        ("quota", "set", "TP", "2022", "5"),
        ("period", "close", "2021"),
    ):
        result = cli(*args, "--db", path)
        assert result.exit_code == 4, result.output
        assert "9999" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("future.db*")) == ["future.db"]  # no backup, no WAL


def test_foreign_keys_and_wal_are_on(tmp_path):
    engine = db.open_engine(db.resolve_url(str(tmp_path / "x.db")), create=True)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    engine.dispose()


def test_a_non_dangvien_database_is_refused(cli, tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    result = cli("unit", "list", "--db", path)
    assert result.exit_code == 1
    assert "dangvien" in result.stderr


def test_sqlalchemy_engine_unused_for_url_check():
    engine = create_engine("sqlite://")
    assert db.is_sqlite(str(engine.url))


# --- every earlier revision, filled, upgraded to head ----------------------------------
# Rows are written through the schema as it stands at that revision (reflected from the
# database the real migrations built), so the test follows new revisions by itself. A
# migration that transforms data on purpose declares it here: {revision: {table: fn(row)}}.
def _rekeyed(row: dict[str, Any]) -> dict[str, Any]:
    """Revision 0004 recomputes every person's sort key (the whole given name first)."""
    from dangvien_cli.vntext import name_sort_key

    return {**row, "sort_key": name_sort_key(row["full_name"])}


EXPECTED_CHANGES: dict[str, dict[str, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    revision: {"person": _rekeyed} for revision in ("0001", "0002", "0003")
}
ROWS_PER_TABLE = 3


def sample_value(column: Any, i: int) -> Any:
    """Row ``i``'s value for ``column``: distinct per row, valid for the column's type."""
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return i % 2 == 0
    if isinstance(kind, sa.DateTime):
        return datetime(2020 + i, i, 10 + i, 8, 30, tzinfo=UTC)
    if isinstance(kind, sa.Date):
        return date(2020 + i, i + 1, 20 + i)
    if isinstance(kind, sa.Integer):
        return 1000 * i + len(column.name)
    text = f"Nguyễn Thị Hồng {column.table.name}.{column.name} {i}"
    length = getattr(kind, "length", None)
    return text[-length:] if length else text  # the row number survives a short column


def fill(conn: Any, metadata: sa.MetaData) -> dict[str, list[dict[str, Any]]]:
    """Representative rows in every table, parents before children, every column set."""
    written: dict[str, list[dict[str, Any]]] = {}
    for table in metadata.sorted_tables:
        if table.name == "alembic_version":
            continue
        rows = []
        for i in range(1, ROWS_PER_TABLE + 1):
            row = {}
            for column in table.columns:
                fks = list(column.foreign_keys)
                if column.primary_key:
                    row[column.name] = i
                elif fks and fks[0].column.table is table:
                    row[column.name] = i - 1 if i > 1 else None  # a chain: 1 <- 2 <- 3
                elif fks:
                    row[column.name] = i  # the parent table's row i
                else:
                    row[column.name] = sample_value(column, i)
            rows.append(row)
        conn.execute(table.insert(), rows)
        written[table.name] = rows
    return written


def read_back(conn: Any, table: sa.Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows written, read back by primary key (the upgrade may add rows of its own, such
    as its audit entry)."""
    columns = list(rows[0])
    key = table.c[columns[0]]
    query = (
        sa.select(*(table.c[c] for c in columns))
        .where(key.in_([r[columns[0]] for r in rows]))
        .order_by(key)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def normalised(value: Any) -> Any:
    # SQLite keeps no time zone: an aware datetime reads back naive, in UTC.
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


@pytest.mark.parametrize("revision", db.REVISIONS[:-1])
def test_every_earlier_revision_upgrades_with_every_record_intact(cli, tmp_path, revision):
    path = tmp_path / f"at-{revision}.db"
    url = f"sqlite:///{path}"
    command.upgrade(alembic_config(url), revision)
    engine = create_engine(url)
    try:
        old = sa.MetaData()
        old.reflect(engine)
        with engine.begin() as conn:
            written = fill(conn, old)
    finally:
        engine.dispose()
    assert written and all(len(rows) == ROWS_PER_TABLE for rows in written.values())

    refused = cli("unit", "list", "--db", path)
    assert refused.exit_code == 4 and "db upgrade" in refused.stderr
    assert cli("db", "upgrade", "--db", path).exit_code == 0
    assert file_revision(path) == db.SCHEMA_HEAD

    engine = create_engine(url)
    try:
        new = sa.MetaData()
        new.reflect(engine)
        changes = EXPECTED_CHANGES.get(revision, {})
        with engine.connect() as conn:
            for name, rows in written.items():
                expected = [changes.get(name, dict)(r) for r in rows]
                table = new.tables[name]
                assert set(expected[0]) <= set(table.c.keys()), f"{name}: columns lost"
                found = read_back(conn, table, expected)
                assert found == [{k: normalised(v) for k, v in r.items()} for r in expected], name
    finally:
        engine.dispose()
    checked = cli("db", "check", "--db", path, "--format", "json")
    assert checked.exit_code in (0, 1)
    # An upgraded database is the schema dangvien makes: no proof finding (its records may
    # still break a rule or miss a deadline, which the other checks report).
    proofs = {f["check"] for f in json.loads(checked.stdout)} & PROOF_CHECKS
    assert not proofs, proofs
