"""The one place that owns the database: where it is, its engine, its schema version,
its transactions.

Ordinary commands never import Alembic: the schema check compares the database's
``alembic_version`` with the revisions listed below (a test keeps the list equal to
``migrations/versions``). Alembic is loaded only to create a new database or upgrade one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dangvien_cli.errors import DangvienError, SchemaOutOfDate

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# Every revision in migrations/versions, oldest first. The last one is the head.
REVISIONS: tuple[str, ...] = ("0001",)
SCHEMA_HEAD = REVISIONS[-1]

ENV_DB = "DANGVIEN_DB"


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("dangvien", appauthor=False)) / "dangvien.db"


def resolve_url(db: str | None) -> str:
    """``--db``, else ``$DANGVIEN_DB``, else the user data directory; paths become URLs."""
    value = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    if not is_sqlite(url):
        return None
    raw = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(raw) if raw and raw != ":memory:" else None


def describe(url: str) -> str:
    """The database as a user should see it: the file path, or the URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def migrations_dir() -> Path:
    """migrations/ inside an installed wheel, else at the root of the source checkout."""
    packaged = Path(__file__).parent / "migrations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "migrations"


def examples_dir() -> Path:
    packaged = Path(__file__).parent / "examples"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples"


def make_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)

    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite recipe), so that
        # writers can take the write lock up front with BEGIN IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get("dangvien_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable and writable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            if inspect(conn).get_table_names():
                raise DangvienError("db.not_dangvien", where=describe(str(engine.url)))
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(connection=None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` in one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def open_engine(url: str) -> Engine:
    """An engine on a database at the head schema; a new database is created at head.

    An older schema or one from a newer dangvien is refused with exit 4 and left untouched.
    """
    from sqlalchemy.exc import DatabaseError, OperationalError

    path = sqlite_path(url)
    created = False
    if path is not None and not path.exists():
        _create_private_file(path)
        created = True
    engine = make_engine(url)
    try:
        revision = None if created else current_revision(engine)
        if revision is None:
            migrate(engine)
            return engine
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if created and path is not None:
            path.unlink(missing_ok=True)
        raise DangvienError(
            "db.cannot_open", where=describe(url), reason=str(exc.orig).splitlines()[0]
        ) from None
    if revision != SCHEMA_HEAD:
        engine.dispose()
        key = "db.schema_old" if revision in REVISIONS else "db.schema_new"
        raise SchemaOutOfDate(key, where=describe(url), current=revision)
    return engine


def backup_sqlite(source: Path, target: Path) -> None:
    """An online, consistent copy through SQLite's backup API."""
    import sqlite3

    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        _create_private_file(target)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def upgrade(url: str) -> tuple[str | None, str]:
    """Bring the schema to head, backing a SQLite file up first. Returns (before, after)."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        open_engine(url).dispose()
        return None, SCHEMA_HEAD
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        if before == SCHEMA_HEAD:
            return before, before
        if before is not None and before not in REVISIONS:
            raise SchemaOutOfDate("db.schema_new", where=describe(url), current=before)
        if path is not None and before is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_sqlite(path, path.with_name(f"{path.name}.{before}.{stamp}.bak"))
        migrate(engine)
        return before, SCHEMA_HEAD
    finally:
        engine.dispose()


@contextmanager
def session_scope(engine: Engine, *, write: bool, dry_run: bool = False) -> Iterator[Session]:
    """One transaction per command: all of it is committed, or none of it.

    A dry run does all the work, then rolls it back, so its counts are the real ones.
    """
    from sqlalchemy.orm import Session

    bind = engine.execution_options(dangvien_write=write) if write else engine
    with Session(bind) as session:
        with session.begin():
            yield session
            if dry_run:
                session.rollback()


def bulk_insert(session: Session, table_name: str, columns: list[str], rows: list[tuple]) -> None:  # type: ignore[type-arg]
    """Insert many rows in one statement, the fastest way each engine offers.

    On SQLite this goes straight to the driver's executemany (SQLAlchemy's own
    executemany costs ~3x more per row, see docs/benchmarks.md); dates are passed as the ISO
    text SQLAlchemy itself stores. Elsewhere it is a Core insert with insertmanyvalues.
    """
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        date_positions = _temporal_positions(table_name, columns)
        if date_positions:
            rows = [_adapt_sqlite(row, date_positions) for row in rows]
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(
            f"INSERT INTO {table_name} ({', '.join(columns)}) VALUES ({marks})", rows
        )
        return
    from dangvien_cli.models import metadata

    table = metadata.tables[table_name]
    conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in rows])


def _temporal_positions(table_name: str, columns: list[str]) -> list[int]:
    from sqlalchemy import Date, DateTime

    from dangvien_cli.models import metadata

    table = metadata.tables[table_name]
    out = []
    for i, name in enumerate(columns):
        col_type = table.c[name].type
        impl = getattr(col_type, "impl", col_type)
        if isinstance(impl, (Date, DateTime)):
            out.append(i)
    return out


def _adapt_sqlite(row: tuple, positions: list[int]) -> tuple:  # type: ignore[type-arg]
    values = list(row)
    for i in positions:
        v = values[i]
        if v is None or isinstance(v, str):
            continue
        if isinstance(v, datetime):
            # The text form SQLAlchemy's SQLite DateTime writes and reads back (UTC).
            from datetime import UTC

            values[i] = v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        else:
            values[i] = v.isoformat()
    return tuple(values)
