"""What SQLite and PostgreSQL do differently, in one place.

The services write portable SQLAlchemy; whatever needs engine-specific SQL lives here:
how a PostgreSQL session is set up (UTC, a lock timeout like SQLite's busy timeout), how
writers are serialised, the fastest bulk insert each engine offers, and how sequences are
moved past ids handed out by the application.

Writers: SQLite lets one writer in at a time (``BEGIN IMMEDIATE``) and the services rely on
that: an import hands out ids from ``max(id) + 1``, a closed period is checked and then
written. On PostgreSQL a write transaction takes one transaction-scoped advisory lock
first, so writers queue exactly as on SQLite while readers never wait; under READ
COMMITTED every statement after the lock sees everything committed before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from dangvien_cli.db import DAMAGED, driver_reason
from dangvien_cli.errors import DangvienError

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

# pg_advisory_xact_lock key shared by every dangvien writer ("dang" in ASCII).
WRITER_LOCK = 0x64616E67
LOCK_TIMEOUT_MS = 30_000  # as long as SQLite's busy timeout


def is_postgresql(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "postgresql"


def is_postgresql_url(url: str) -> bool:
    return url.startswith(("postgresql", "postgres:"))


def postgresql_engine(url: str) -> Engine:
    """An engine on a PostgreSQL server; a bare ``postgresql://`` (or ``postgres://``) URL
    gets the psycopg driver that ``dangvien[postgres]`` installs."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername == "postgresql+psycopg":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise DangvienError("db.no_driver") from None
    libpq = parsed.get_driver_name() in ("psycopg", "psycopg2")
    engine = create_engine(
        parsed, pool_pre_ping=True, connect_args=postgresql_connect_args() if libpq else {}
    )
    install_postgresql(engine)
    return engine


def postgresql_connect_args() -> dict[str, Any]:
    # UTC so that timestamps read back as SQLite stores them; the lock timeout turns a
    # stuck writer into the same "database is busy" refusal SQLite gives.
    return {
        "options": f"-c timezone=UTC -c lock_timeout={LOCK_TIMEOUT_MS}",
        "application_name": "dangvien",
    }


def install_postgresql(engine: Engine) -> None:
    """Writers (``dangvien_write`` execution option) queue on one advisory lock."""
    from sqlalchemy import event

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("dangvien_write", False):
            take_writer_lock(conn)


def take_writer_lock(conn: Connection) -> None:
    if is_postgresql(conn):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def engine_refusal(exc: BaseException) -> DangvienError | None:
    """An engine's error that is a plain refusal, not a bug, as the message to show.

    SQLite's busy timeout or PostgreSQL's lock timeout ran out: someone else is writing.
    PostgreSQL refused a role the privilege (a read-only reporting role tried to write),
    or SQLite cannot write to a read-only file. SQLite found the file damaged.
    """
    text = str(exc)
    if "database is locked" in text or "database is busy" in text or "lock timeout" in text:
        return DangvienError("db.locked")
    orig = getattr(exc, "orig", None)
    damaged = next((key for damage, key in DAMAGED.items() if damage in text), None)
    if damaged is not None:
        from dangvien_cli.i18n import t

        return DangvienError("db.damaged", reason=t(damaged))
    if "readonly database" in text:  # a file in a read-only folder, or a read-only file
        return DangvienError("db.read_only", reason=str(orig or exc).splitlines()[0])
    if getattr(orig, "sqlstate", None) == "42501":
        reason = str(orig or exc).splitlines()[0]
        return DangvienError("db.no_permission", reason=reason)
    # The disk is full (or the file may grow no further) mid-write: the transaction is
    # rolled back, nothing was written. PostgreSQL's class 53 is "insufficient resources".
    if any(m in text for m in _DISK_FULL) or str(getattr(orig, "sqlstate", "")).startswith("53"):
        return DangvienError("db.disk_full", reason=driver_reason(str(orig or exc).splitlines()[0]))
    return None


_DISK_FULL = ("database or disk is full", "disk I/O error", "could not extend file")


def sync_sequences(conn: Connection, tables: Iterable[str]) -> None:
    """Move each table's id sequence past its largest id (PostgreSQL only).

    Bulk imports and ``db copy`` write explicit ids; without this the next ordinary insert
    would be handed an id that is already taken.
    """
    if not is_postgresql(conn):
        return
    for name in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"
        )


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load, let PostgreSQL's planner see the rows (no-op on SQLite).

    Autovacuum analyses a table some time after it grew, so the first report after an
    import planned as if the tables were still small: 4.2 s after a 10,000-row import
    instead of 0.53 s, minutes at 100,000. ANALYZE reads a fixed sample of each table
    (about a second at a million rows), outside the import's transaction, once it is
    committed. SQLite's planner here needs no statistics (its plans were measured).
    """
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def insert_rows(
    conn: Connection, table_name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows the fastest way each engine offers; ids given are kept.

    SQLite: straight to the driver's executemany (SQLAlchemy's own executemany costs ~3x
    more per row, see docs/benchmarks.md), dates passed as the ISO text SQLAlchemy itself
    stores. PostgreSQL: COPY, inside a savepoint so that a refused batch (a duplicate key)
    leaves the transaction usable, as a failed statement does on SQLite. Elsewhere: a Core
    insert.
    """
    if not rows:
        return
    name = conn.dialect.name
    if name == "sqlite":
        _insert_sqlite(conn, table_name, columns, rows)
    elif name == "postgresql" and conn.dialect.driver == "psycopg":
        with conn.begin_nested():
            _copy_postgresql(conn, table_name, columns, rows)
        if "id" in columns:
            sync_sequences(conn, [table_name])
    else:
        from sqlalchemy import text

        names = ", ".join(columns)
        marks = ", ".join(f":{c}" for c in columns)
        conn.execute(
            text(f"INSERT INTO {table_name} ({names}) VALUES ({marks})"),
            [dict(zip(columns, row, strict=True)) for row in rows],
        )
        if "id" in columns:
            sync_sequences(conn, [table_name])


def _insert_sqlite(
    conn: Connection, table_name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {table_name} ({', '.join(columns)}) VALUES ({marks})", rows)


def stream_rows(
    conn: Connection, table_name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Write a stream of rows of any length, ids kept. PostgreSQL: one COPY, whose foreign
    keys are checked at its end, so a row may refer to one further down the stream. SQLite:
    executemany in batches; the caller defers foreign keys (PRAGMA defer_foreign_keys)."""
    if is_postgresql(conn):
        _copy_postgresql(conn, table_name, columns, rows)
        return
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= STREAM_BATCH:
            insert_rows(conn, table_name, columns, batch)
            batch = []
    insert_rows(conn, table_name, columns, batch)


STREAM_BATCH = 5000


def _copy_postgresql(
    conn: Connection, table_name: str, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    import psycopg
    from sqlalchemy.exc import DBAPIError

    statement = f"COPY {table_name} ({', '.join(columns)}) FROM STDIN"
    raw = conn.connection.driver_connection
    assert raw is not None
    try:
        with raw.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except psycopg.Error as exc:
        # Callers catch SQLAlchemy's exceptions (IntegrityError for a duplicate key).
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from None


def sqlite_datetime(value: datetime) -> str:
    """The text form SQLAlchemy's SQLite DateTime writes and reads back (UTC)."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _register_sqlite_adapters() -> None:
    """Dates and timestamps bound straight to the sqlite3 driver (bulk inserts, text SQL)
    are stored in the very text SQLAlchemy's Date and DateTime write, converted inside the
    driver; Python 3.12 deprecates the driver's own defaults, which differ for timestamps."""
    import sqlite3

    sqlite3.register_adapter(date, date.isoformat)
    sqlite3.register_adapter(datetime, sqlite_datetime)


_register_sqlite_adapters()


def watch_postgresql(conn: Connection) -> bool:
    """Switch on, for this transaction only, the closed-period notes of migration 0003's
    triggers, if some period is closed (see guards.watch). Returns whether it did."""
    closed = conn.exec_driver_sql("SELECT 1 FROM period WHERE closed_at IS NOT NULL LIMIT 1")
    if closed.first() is None:
        return False
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS dv_touched (period_id INTEGER, what TEXT, ref TEXT) "
        "ON COMMIT DELETE ROWS"
    )
    conn.exec_driver_sql("DELETE FROM pg_temp.dv_touched")
    conn.exec_driver_sql("SELECT set_config('dangvien.guard', 'on', true)")
    return True


# --- date arithmetic in SQL, so that reports stay set-based on both engines -----------------
# SQLite stores dates as ISO text; PostgreSQL has real dates.


def _templated(function: type[FunctionElement[Any]], *, postgresql: str, sqlite: str) -> None:
    """Compile ``function(first, second)`` on each engine from its SQL template."""

    def compile_from(template: str) -> Any:
        def compile_(element: Any, compiler: Any, **kw: Any) -> str:
            first, second = (compiler.process(arg, **kw) for arg in element.clauses)
            return template.format(first=first, second=second)

        return compile_

    compiles(function)(compile_from(postgresql))
    compiles(function, "sqlite")(compile_from(sqlite))


class days_between(FunctionElement[int]):  # noqa: N801 - reads as the SQL function it is
    """Whole days from the first date to the second."""

    type = Integer()
    inherit_cache = True


class age_years(FunctionElement[int]):  # noqa: N801
    """Completed years of age, from a birth date (first) on a day (second): the birthday
    must have come."""

    type = Integer()
    inherit_cache = True


_templated(
    days_between,
    postgresql="({second} - {first})",
    sqlite="CAST(julianday({second}) - julianday({first}) AS INTEGER)",
)
_templated(
    age_years,
    postgresql="CAST(date_part('year', age({second}, {first})) AS INTEGER)",
    sqlite="(CAST(strftime('%Y', {second}) AS INTEGER) - CAST(strftime('%Y', {first}) AS INTEGER)"
    " - (strftime('%m-%d', {second}) < strftime('%m-%d', {first})))",
)


def bulk_insert(session: Session, table_name: str, columns: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
    """Insert many rows in the session's transaction, the fastest way each engine offers
    (insert_rows); ids given are kept and PostgreSQL's sequence moved past them."""
    insert_rows(session.connection(), table_name, columns, rows)


def bulk_update(session: Session, table: Table, key: str, rows: list[dict[str, Any]]) -> None:
    """One executemany UPDATE of the rows found by their ``key`` column; every row names the
    key and the same columns to set. The parameters are renamed because SQLAlchemy keeps a
    column's own name for the value it is set to."""
    if not rows:
        return
    from sqlalchemy import bindparam, update

    statement = (
        update(table)
        .where(table.c[key] == bindparam(f"b_{key}"))
        .values({c: bindparam(f"b_{c}") for c in rows[0] if c != key})
    )
    session.connection().execute(statement, [{f"b_{k}": v for k, v in r.items()} for r in rows])


# Page cache (KiB) for a bulk load on SQLite; the default 2 MiB makes a million-row load
# rewrite the same B-tree pages into the WAL over and over. 16 MiB was no faster and took
# the import's peak memory past 140 MiB at a million rows (the index sorts use as much).
BULK_CACHE_KIB = 8 * 1024


@dataclass
class DeferredIndexes:
    """Secondary indexes dropped for a bulk load, and how to put everything back."""

    statements: list[str] = field(default_factory=list)
    cache_size: int | None = None


def defer_indexes(session: Session, tables: Sequence[str]) -> DeferredIndexes:
    """Before loading many rows into tables that start empty: on SQLite, drop their
    non-unique indexes (rebuild_indexes builds each once at the end, sorted, instead of
    updating it row by row) and enlarge the page cache. Unique indexes stay, since they
    catch duplicates. Inside the caller's transaction, so a failed or dry run rolls the
    DROP INDEX back with the rest. Other engines are left as they are."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return DeferredIndexes()
    marks = ", ".join("?" * len(tables))
    found = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        tuple(tables),
    ).all()
    deferred = DeferredIndexes(cache_size=conn.exec_driver_sql("PRAGMA cache_size").scalar())
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    for name, sql in found:
        if sql.lstrip().upper().startswith("CREATE UNIQUE"):
            continue
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
        deferred.statements.append(sql)
    return deferred


def rebuild_indexes(session: Session, deferred: DeferredIndexes) -> None:
    conn = session.connection()
    for sql in deferred.statements:
        conn.exec_driver_sql(sql)
    deferred.statements = []
    if deferred.cache_size is not None:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(deferred.cache_size)}")
