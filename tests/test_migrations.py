"""Migrations and models agree; the schema version gate refuses old and new databases."""

from __future__ import annotations

import os
import sqlite3

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from dangvien_cli import db


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(db.migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


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
    engine = db.open_engine(db.resolve_url(str(path)))
    assert db.current_revision(engine) == db.SCHEMA_HEAD
    engine.dispose()
    assert (os.stat(path).st_mode & 0o777) == 0o600


def test_older_schema_is_refused_with_exit_4(cli, tmp_path):
    path = tmp_path / "old.db"
    engine = db.open_engine(db.resolve_url(str(path)))
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
    engine = db.open_engine(db.resolve_url(str(path)))
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = path.read_bytes()
    for args in (("unit", "list"), ("db", "upgrade")):
        result = cli(*args, "--db", path)
        assert result.exit_code == 4, result.output
        assert "9999" in result.stderr
    assert path.read_bytes() == before


def test_foreign_keys_and_wal_are_on(tmp_path):
    engine = db.open_engine(db.resolve_url(str(tmp_path / "x.db")))
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
