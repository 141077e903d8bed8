"""``db copy``: a whole database to another engine (SQLite -> PostgreSQL and back).

The target must be empty: a new SQLite file, an empty PostgreSQL database, or one whose
schema is at head with no rows. The source is read in one snapshot; the target is written
in one transaction, table by table in foreign-key order, each table as one stream (one COPY
on PostgreSQL). Before that transaction commits, every table is read back from the target
and compared with the source: the row count and a SHA-256 of its rows in primary-key order,
values normalised so that both engines give the same digest (dates ISO, booleans 0/1,
timestamps UTC ISO). Any difference rolls the whole copy back. PostgreSQL's id sequences
are then moved past the copied ids.

The copy is not written to the audit trail: it moves the records, it does not change them,
and the target's tables stay identical to the source's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangvien_cli import db, dialect
from dangvien_cli.errors import DangvienError
from dangvien_cli.models import metadata

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine

READ_BATCH = 5000


@dataclass
class TableCopy:
    table: str
    rows: int
    checksum: str

    def as_dict(self) -> dict[str, Any]:
        return {"table": self.table, "rows": self.rows, "checksum": self.checksum}


class Digest:
    """Row count and SHA-256 of a table's rows, the same whichever engine they come from."""

    def __init__(self) -> None:
        self.rows = 0
        self._sha = hashlib.sha256()

    def add(self, row: tuple[Any, ...]) -> None:
        self.rows += 1
        line = json.dumps([normalise(v) for v in row], ensure_ascii=False, separators=(",", ":"))
        self._sha.update(line.encode("utf-8") + b"\n")

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


def normalise(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (int, str)):
        return value
    return str(value)


def tables() -> list[Table]:
    """Every dangvien table, each after the tables it refers to."""
    return list(metadata.sorted_tables)


def copy_database(source_url: str, target_url: str) -> list[TableCopy]:
    """Copy every row of ``source_url`` into the empty database ``target_url``."""
    if db.describe(source_url) == db.describe(target_url):
        raise DangvienError("copy.same", where=db.describe(source_url))
    source = db.open_engine(source_url)
    target: Engine | None = None
    created: Path | None = None
    try:
        target, created = _open_target(target_url)
        copied = _copy(source, target)
        dialect.refresh_statistics(target)
        return copied
    except BaseException:
        if target is not None:
            target.dispose()
        if created is not None:
            _remove_sqlite(created)
        raise
    finally:
        source.dispose()
        if target is not None:
            target.dispose()


def _open_target(url: str) -> tuple[Engine, Path | None]:
    """The target at head (created if new); refused unless every table is empty."""
    path = db.sqlite_path(url)
    created = path if path is not None and not path.exists() else None
    engine = db.open_engine(url, create=True)  # the copy's target: created on purpose
    try:
        with engine.connect() as conn:
            for table in tables():
                count = conn.execute(_count(table)).scalar_one()
                if count:
                    raise DangvienError(
                        "copy.target_not_empty",
                        where=db.describe(url),
                        table=table.name,
                        rows=count,
                    )
    except BaseException:
        engine.dispose()
        raise
    return engine, created


def _count(table: Table) -> Any:
    from sqlalchemy import func, select

    return select(func.count()).select_from(table)


def _copy(source: Engine, target: Engine) -> list[TableCopy]:
    out = []
    with _snapshot(source) as src, target.execution_options(dangvien_write=True).begin() as dst:
        if dst.dialect.name == "sqlite":
            # Rows may refer to rows of the same table further on (a unit's parent added
            # after it); the keys are checked at commit, as PostgreSQL checks them after COPY.
            dst.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in tables():
            sent = Digest()
            columns = [c.name for c in table.columns]
            dialect.stream_rows(dst, table.name, columns, _tee(_rows(src, table), sent))
            received = Digest()
            for row in _rows(dst, table):
                received.add(row)
            if (received.rows, received.hexdigest()) != (sent.rows, sent.hexdigest()):
                raise DangvienError(
                    "copy.mismatch", table=table.name, sent=sent.rows, received=received.rows
                )
            out.append(TableCopy(table.name, sent.rows, sent.hexdigest()))
        dialect.sync_sequences(dst, [t.name for t in tables() if "id" in t.c])
    return out


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A read-only connection that sees one moment of the source for the whole copy."""
    with engine.connect() as conn:
        if dialect.is_postgresql(conn):
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with conn.begin() as transaction:
            yield conn
            transaction.rollback()


def _rows(conn: Connection, table: Table) -> Iterator[tuple[Any, ...]]:
    from sqlalchemy import select

    query = select(table).order_by(*table.primary_key.columns)
    result = conn.execution_options(yield_per=READ_BATCH).execute(query)
    for batch in result.partitions():
        for row in batch:
            yield tuple(row)


def _tee(rows: Iterator[tuple[Any, ...]], digest: Digest) -> Iterator[tuple[Any, ...]]:
    for row in rows:
        digest.add(row)
        yield row


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
