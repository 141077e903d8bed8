"""Copies of a SQLite database: online backups, checks of a backup file, restores.

Everything goes through SQLite's backup API, which copies a consistent snapshot while other
connections keep reading and writing, and every file made is readable by its owner only.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from dangvien_cli.db import REVISIONS, SCHEMA_HEAD, create_private_file
from dangvien_cli.errors import DangvienError, SchemaOutOfDate


def backup_sqlite(source: Path, target: Path) -> None:
    """An online, consistent copy through SQLite's backup API, readable by its owner only.

    The copy is one self-contained file (rollback journal, not WAL), to be moved as it is.
    """
    import sqlite3

    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        create_private_file(target)
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def file_revision(path: Path) -> str:
    """The schema revision of a dangvien SQLite file; a file that is not one, or is damaged,
    is refused. Nothing is written to it."""
    import sqlite3

    where = str(path)
    if not path.is_file():
        raise DangvienError("db.file_missing", path=where)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DangvienError("db.file_damaged", path=where)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "audit_log", "person", "unit"} <= tables:
                raise DangvienError("db.not_dangvien", where=where)
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc):
            raise DangvienError("db.file_damaged", path=where) from None
        raise DangvienError("db.not_dangvien", where=where) from None
    if revision is None:
        raise DangvienError("db.not_dangvien", where=where)
    return str(revision[0])


def restore_sqlite(source: Path, target: Path) -> Path | None:
    """Replace the database ``target`` with the backup ``source``, online, after a check of
    the backup and a copy of what it replaces. Returns that copy (None for a new file)."""
    import sqlite3

    revision = file_revision(source)
    if revision != SCHEMA_HEAD:
        raise DangvienError(
            "db.restore_schema", path=str(source), found=revision, expected=SCHEMA_HEAD
        )
    saved = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = target.with_name(f"{target.name}.before-restore.{stamp}.bak")
        if not _sound(target):
            _replace_unsound(source, target, saved)
            return saved
        backup_sqlite(target, saved)
    else:
        create_private_file(target)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        # Into the live file, through its own journal: readers see the old or the new
        # database, a crash leaves one of the two.
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return saved


def _sound(target: Path) -> bool:
    """Whether the live file is a sound dangvien database, to be replaced online through its
    own journal. A damaged file, an empty one or another program's is not (it is replaced
    whole); one from a newer dangvien is refused."""
    try:
        current = file_revision(target)
    except DangvienError as exc:
        if exc.key in ("db.file_damaged", "db.not_dangvien"):
            return False
        raise
    if current not in REVISIONS:
        raise SchemaOutOfDate("db.schema_new", where=str(target), current=current)
    return True


def _replace_unsound(source: Path, target: Path, saved: Path) -> None:
    """Keep the unsound file's bytes aside (SQLite's backup API cannot read them), write the
    backup to a private file beside it, and move that over the live file in one rename."""
    import shutil

    create_private_file(saved)
    shutil.copyfile(target, saved)
    fresh = target.with_name(f".{target.name}.restoring.{os.getpid()}")
    fresh.unlink(missing_ok=True)
    create_private_file(fresh)
    try:
        backup_sqlite(source, fresh)
        for side in ("-wal", "-shm", "-journal"):
            leftover = target.with_name(target.name + side)
            if side == "-wal" and leftover.exists() and leftover.stat().st_size:
                kept = saved.with_name(saved.name + side)  # part of what is kept aside
                create_private_file(kept)
                shutil.copyfile(leftover, kept)
            leftover.unlink(missing_ok=True)
        os.replace(fresh, target)
    finally:
        fresh.unlink(missing_ok=True)
