"""The light read path: a small read-only ``Reader`` for commands that only list rows.

Start-up, not the query, is most of a small read command's time, and SQLAlchemy, SQLModel,
pydantic and the model classes are most of start-up (~0.2 s). So the SQL of such a command
is written once, as text with ``:name`` parameters, and run:

- on a SQLite file, by the standard library's ``sqlite3`` (``:name`` is its own placeholder
  style): none of the above is imported;
- anywhere else (PostgreSQL), through SQLAlchemy's
  ``text()`` on an engine from ``db.open_engine``, or on a Session's connection
  (``ConnectionReader(session.connection())``) for code that already holds one.

Both refuse an older or newer schema exactly as ``db.open_engine`` does (``db.check_revision``).
Values come back as the driver gives them, except dates: SQLite stores them as ISO text, so
a caller names its date columns (``dates=("birth_date",)``) and gets ``datetime.date`` on
every engine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangvien_cli import db

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

Params = Mapping[str, Any] | None


def as_date(value: str | date | None) -> date | None:
    """A date column's value as ``datetime.date``: SQLite hands back ISO text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


class Reader:
    """Runs read-only SQL written with ``:name`` parameters; ``dialect`` is the engine's name
    ("sqlite", "postgresql") for the rare query that must differ."""

    dialect: str

    def _execute(self, sql: str, params: Params) -> tuple[list[str], list[tuple[Any, ...]]]:
        raise NotImplementedError

    def _stream(self, sql: str, params: Params) -> tuple[list[str], Iterable[tuple[Any, ...]]]:
        """Like ``_execute``, the rows read from the cursor as they are asked for."""
        return self._execute(sql, params)

    def _bind(self, params: Params) -> dict[str, Any]:
        """On SQLite, dates compare as the ISO text it stores (whichever driver binds them)."""
        if self.dialect != "sqlite":
            return dict(params or {})
        return {k: v.isoformat() if type(v) is date else v for k, v in (params or {}).items()}

    def rows(
        self, sql: str, params: Params = None, *, dates: Collection[str] = ()
    ) -> list[tuple[Any, ...]]:
        """Every row as a tuple; the columns named in ``dates`` as ``datetime.date``."""
        names, rows = self._execute(sql, params)
        at = [i for i, name in enumerate(names) if name in dates]
        if not at:
            return rows
        out = []
        for row in rows:
            values = list(row)
            for i in at:
                values[i] = as_date(values[i])
            out.append(tuple(values))
        return out

    def mappings(
        self, sql: str, params: Params = None, *, dates: Collection[str] = ()
    ) -> list[dict[str, Any]]:
        """Every row as a dict keyed by column name, in the SELECT's order."""
        names, rows = self._execute(sql, params)
        out = [dict(zip(names, row, strict=True)) for row in rows]
        for key in set(dates).intersection(names):
            for row in out:
                row[key] = as_date(row[key])
        return out

    def iter_mappings(
        self, sql: str, params: Params = None, *, dates: Collection[str] = ()
    ) -> Iterator[dict[str, Any]]:
        """As ``mappings``, one row at a time from the cursor: a list command prints its
        first rows while the engine still reads the rest, in constant memory."""
        names, rows = self._stream(sql, params)
        at = [name for name in names if name in dates]
        for row in rows:
            mapping = dict(zip(names, row, strict=True))
            for key in at:
                mapping[key] = as_date(mapping[key])
            yield mapping

    def scalar(self, sql: str, params: Params = None) -> Any:
        """The first column of the first row, or None when there is no row."""
        _, rows = self._execute(sql, params)
        return rows[0][0] if rows else None


class SqliteReader(Reader):
    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _execute(self, sql: str, params: Params) -> tuple[list[str], list[tuple[Any, ...]]]:
        names, cur = self._stream(sql, params)
        return names, cur.fetchall()

    def _stream(self, sql: str, params: Params) -> tuple[list[str], sqlite3.Cursor]:
        cur = self.conn.execute(sql, self._bind(params))
        cur.arraysize = 1000
        return [d[0] for d in cur.description], cur


class ConnectionReader(Reader):
    """The same queries through a SQLAlchemy connection (``sqlalchemy.text``)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name

    def _execute(self, sql: str, params: Params) -> tuple[list[str], list[tuple[Any, ...]]]:
        from sqlalchemy import text

        result = self.conn.execute(text(sql), self._bind(params))
        return list(result.keys()), [tuple(r) for r in result]

    def _stream(self, sql: str, params: Params) -> tuple[list[str], Iterable[tuple[Any, ...]]]:
        from sqlalchemy import text

        # A server-side cursor on PostgreSQL: rows arrive in batches, not all at once.
        result = self.conn.execution_options(stream_results=True, yield_per=1000).execute(
            text(sql), self._bind(params)
        )
        return list(result.keys()), (tuple(r) for r in result)


@contextmanager
def open_reader(url: str) -> Iterator[Reader]:
    """A read-only view of the database at ``url``, at the head schema, for one command."""
    path = db.sqlite_path(url)
    if path is not None:
        if not path.exists():
            raise db.missing(url)  # and sqlite3.connect would create the file
        conn = _open_sqlite(url, path)
        try:
            yield SqliteReader(conn)
        finally:
            conn.close()
        return
    engine = db.open_engine(url)
    try:
        with engine.connect() as connection:
            yield ConnectionReader(connection)
    finally:
        engine.dispose()


def _open_sqlite(url: str, path: Path) -> sqlite3.Connection:
    """A connection inside a read transaction (one snapshot for the whole command, taken
    even while a writer holds the WAL), after the schema check; an empty file is refused
    as a missing database is."""
    try:
        if db.frozen_file(path):
            conn = sqlite3.connect(db.read_only_uri(path), uri=True, isolation_level=None)
        else:
            # mode=rw: never create the file, even if it vanished since the caller looked.
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=rw",
                uri=True,
                timeout=db.BUSY_TIMEOUT_S,
                isolation_level=None,
            )
    except sqlite3.DatabaseError as exc:
        raise db.cannot_open(url, exc) from None
    try:
        revision = _begin_read(url, conn)
        if revision is not None:
            db.check_revision(url, revision)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise db.cannot_open(url, exc) from None
    except BaseException:
        conn.close()
        raise
    if revision is None:
        conn.close()
        raise db.missing(url)
    return conn


def _begin_read(url: str, conn: sqlite3.Connection) -> str | None:
    """Start the read transaction; the schema revision stored (db.stored_revision)."""
    conn.execute(f"PRAGMA busy_timeout={int(db.BUSY_TIMEOUT_S * 1000)}")
    # Anything but a read here would be a bug: refuse it rather than take the write lock.
    conn.execute("PRAGMA query_only=1")
    conn.execute("BEGIN")
    tables = {name for (name,) in conn.execute(db.SQLITE_TABLES)}
    return db.stored_revision(url, tables, lambda: _version(conn))


def _version(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def year_of(column: str, dialect_name: str) -> str:
    """The year of a date column as an integer, in SQL written as text (``dialect_name``:
    a Reader's ``dialect``, "sqlite" or "postgresql")."""
    if dialect_name == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(substr({column}, 1, 4) AS INTEGER)"  # SQLite keeps dates as ISO text
