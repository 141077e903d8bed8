"""db backup / restore / upgrade / check, and the privacy of every file they make."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from dangvien_cli import db
from dangvien_cli.backups import file_revision
from helpers.migrations import alembic_at

pytestmark = pytest.mark.sqlite_only


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    return rows(path, f"SELECT count(*) FROM {table}")[0][0]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- backup ---------------------------------------------------------------------------


def test_backup_is_online_consistent_private_and_one_file(cli, demo_db, tmp_path):
    units = count(demo_db, "unit")
    writer = sqlite3.connect(demo_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another clerk is in the middle of a write
    writer.execute(
        "INSERT INTO unit (code, code_key, name, name_key, kind, created_at) "
        "VALUES ('X', 'x', 'X', 'x', 'chi-bo-co-so', '2024-01-01 00:00:00')"
    )
    target = tmp_path / "saved" / "copy.db"
    result = cli("db", "backup", target)
    writer.execute("COMMIT")
    writer.close()
    assert result.exit_code == 0, result.output
    assert str(target) in result.stderr
    assert mode(target) == 0o600
    assert count(target, "unit") == units  # the uncommitted unit is not in the copy
    assert count(demo_db, "unit") == units + 1
    assert rows(target, "PRAGMA journal_mode") == [("delete",)]
    assert rows(target, "PRAGMA integrity_check") == [("ok",)]
    assert file_revision(target) == db.SCHEMA_HEAD


def test_backup_never_overwrites(cli, demo_db, tmp_path):
    target = tmp_path / "taken.db"
    target.write_bytes(b"keep me")
    result = cli("db", "backup", target)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert target.read_bytes() == b"keep me"


# --- restore --------------------------------------------------------------------------


def test_restore_round_trip_saves_what_it_replaces(cli, demo_db, tmp_path):
    backup = tmp_path / "b.db"
    assert cli("db", "backup", backup).exit_code == 0
    assert cli("quota", "set", "TINH", "2030", "999").exit_code == 0
    assert rows(demo_db, "SELECT count(*) FROM quota WHERE target = 999") == [(1,)]

    refused = cli("db", "restore", backup)
    assert refused.exit_code == 1  # as every destructive act without --yes in a script
    assert "--yes" in refused.stderr
    assert rows(demo_db, "SELECT count(*) FROM quota WHERE target = 999") == [(1,)]

    result = cli("--actor", "bao", "db", "restore", backup, "--yes")
    assert result.exit_code == 0, result.output
    assert rows(demo_db, "SELECT count(*) FROM quota WHERE target = 999") == [(0,)]
    saved = list(tmp_path.glob("demo.db.before-restore.*.bak"))
    assert len(saved) == 1
    assert mode(saved[0]) == 0o600
    assert rows(saved[0], "SELECT count(*) FROM quota WHERE target = 999") == [(1,)]
    last = rows(demo_db, "SELECT actor, entity, action FROM audit_log ORDER BY id DESC LIMIT 1")
    assert last == [("bao", "database", "restore")]
    assert rows(demo_db, "PRAGMA integrity_check") == [("ok",)]


def _not_dangvien(tmp_path: Path) -> Path:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    return path


def _old_schema(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    alembic_at(path, db.REVISIONS[0])
    return path


def _damaged(tmp_path: Path) -> Path:
    source = tmp_path / "good.db"
    alembic_at(source, "head")
    data = bytearray(source.read_bytes())
    page = 4096
    data[page * 2 : page * 3] = b"\xff" * page  # a b-tree page turned to garbage
    path = tmp_path / "damaged.db"
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p / "missing.db",
        lambda p: (p / "notes.txt").write_text("không phải cơ sở dữ liệu") and p / "notes.txt",
        _not_dangvien,
        _old_schema,
        _damaged,
    ],
    ids=["missing", "text", "other-sqlite", "older-schema", "damaged"],
)
def test_restore_refuses_a_bad_file_and_touches_nothing(cli, demo_db, tmp_path, make):
    bad = make(tmp_path)
    before = digest(demo_db)
    result = cli("db", "restore", bad, "--yes")
    assert result.exit_code == 1, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert digest(demo_db) == before
    assert not list(tmp_path.glob("*.before-restore.*"))


def test_restore_refuses_to_replace_a_newer_database(cli, demo_db, tmp_path):
    backup = tmp_path / "b.db"
    assert cli("db", "backup", backup).exit_code == 0
    with sqlite3.connect(demo_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(demo_db)
    result = cli("db", "restore", backup, "--yes")
    assert result.exit_code == 4
    assert "9999" in result.stderr
    assert digest(demo_db) == before


# --- upgrade ----------------------------------------------------------------------------


def test_upgrade_backs_up_first_then_upgrades(cli, tmp_path):
    path = tmp_path / "old.db"
    alembic_at(path, db.REVISIONS[0])
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO unit (code, code_key, name, name_key, kind, created_at) "
            "VALUES ('TP', 'tp', 'Thành phố', 'thanh pho', 'dang-bo-cap-tren', "
            "'2024-01-01 00:00:00')"
        )
    result = cli("db", "upgrade", "--db", path)
    assert result.exit_code == 0, result.output
    saved = list(tmp_path.glob(f"old.db.{db.REVISIONS[0]}.*.bak"))
    assert len(saved) == 1, result.output
    assert str(saved[0]) in result.stderr
    assert mode(saved[0]) == 0o600
    assert file_revision(saved[0]) == db.REVISIONS[0]
    assert rows(saved[0], "SELECT code FROM unit") == [("TP",)]
    assert file_revision(path) == db.SCHEMA_HEAD
    assert rows(path, "SELECT code FROM unit") == [("TP",)]
    last = rows(path, "SELECT entity, action, before FROM audit_log ORDER BY id DESC LIMIT 1")
    assert last == [("database", "upgrade", f'{{"schema": "{db.REVISIONS[0]}"}}')]


# --- privacy of the files ---------------------------------------------------------------


def test_database_and_its_wal_and_shm_are_private(cli, tmp_path):
    import os

    old = os.umask(0o022)  # a usual umask: files would be world-readable by default
    try:
        path = tmp_path / "new.db"
        reader = None
        assert cli("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren").exit_code == 0
        assert cli("db", "init", "--db", path).exit_code == 0
        result = cli("unit", "add", "A", "Chi bộ A", "--kind", "chi-bo-co-so", "--db", path)
        assert result.exit_code == 0, result.output
        reader = sqlite3.connect(path)  # keeps -wal and -shm in place while we look
        reader.execute("SELECT count(*) FROM unit").fetchone()
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        if reader is not None:
            reader.close()
        os.umask(old)
