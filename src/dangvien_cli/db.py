"""The one place that owns the database: where it is, its engine, its schema version,
its transactions.

Creating a database is explicit (``db init``, ``db upgrade``, ``demo``): every other command
refuses a path where there is none, and creates neither the file nor its folder.

Ordinary commands never import Alembic: the schema check compares the database's
``alembic_version`` with the revisions listed below (a test keeps the list equal to
``migrations/versions``). Alembic is loaded only to create a new database or upgrade one
(schema_upgrade).

Small read commands read through ``reader.open_reader`` instead of a Session: the same
schema check (``stored_revision``, ``check_revision``), and on SQLite the standard
library's ``sqlite3`` without SQLAlchemy, which is most of their start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from dangvien_cli.errors import DangvienError, SchemaOutOfDate

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# Every revision in migrations/versions, oldest first. The last one is the head.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0007")
SCHEMA_HEAD = REVISIONS[-1]

ENV_DB = "DANGVIEN_DB"

# How long SQLite waits for another connection's lock before "database is locked".
BUSY_TIMEOUT_S = 30


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("dangvien", appauthor=False)) / "dangvien.db"


def resolve_url(db: str | None) -> str:
    """``--db``, else ``$DANGVIEN_DB``, else the user data directory; paths become URLs."""
    value = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        if not is_sqlite(value):  # a SQLite URL is read without SQLAlchemy (reader.py)
            _check_url(value)
            if not value.startswith(("postgresql", "postgres:")):
                scheme = value.split("://", 1)[0]
                raise DangvienError("db.unsupported", scheme=scheme[:40])
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def _check_url(url: str) -> None:
    """Refuse a URL SQLAlchemy cannot read (a port that is not a number, an unclosed
    bracket) with the reason, and never the password, instead of failing later."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - reading it checks it
    except (ArgumentError, ValueError, TypeError) as exc:
        reason = str(exc).replace(url, "…")
        raise DangvienError(
            "db.bad_url", reason=reason.splitlines()[0] if reason else "?"
        ) from None


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


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """``read_only``: a SQLite file opened for reading only, left byte for byte as it is
    (a backup being judged before a restore)."""
    from sqlalchemy import create_engine, event

    if not is_sqlite(url):
        from dangvien_cli import dialect

        if dialect.is_postgresql_url(url):
            return dialect.postgresql_engine(url)
        return create_engine(url, pool_pre_ping=True)

    path = sqlite_path(url)
    frozen = path is not None and frozen_file(path)
    if frozen:
        import sqlite3

        uri = read_only_uri(path)  # type: ignore[arg-type]
        engine = create_engine(
            url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    # Read sessions are query_only (_begin_sqlite); a file only read keeps its journal mode.
    keep_journal = frozen or read_only

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN itself (the pysqlite recipe), so that
        # writers can take the write lock up front with BEGIN IMMEDIATE.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        if not keep_journal:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get("dangvien_write", False)
        _begin_sqlite(conn.connection.driver_connection, write=write)

    return engine


# BEGIN IMMEDIATE waits up to busy_timeout for the write lock; SQLite can still answer
# SQLITE_BUSY at once (a connection recovering the WAL, a lock taken while the busy handler
# slept), so taking the lock is retried a few times. Nothing has run yet, so a retry is safe;
# once the lock is held, nothing else in the transaction waits for another writer.
BEGIN_ATTEMPTS = 6


def _begin_sqlite(dbapi_conn, *, write: bool) -> None:  # type: ignore[no-untyped-def]
    import random
    import sqlite3
    import time

    # A read session cannot write at all: a write slipped into it would otherwise work
    # alone and fail at random under load (SQLITE_BUSY_SNAPSHOT, which no timeout cures).
    dbapi_conn.execute(f"PRAGMA query_only={0 if write else 1}")
    if not write:
        dbapi_conn.execute("BEGIN")
        return
    for attempt in range(1, BEGIN_ATTEMPTS + 1):
        try:
            dbapi_conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if attempt == BEGIN_ATTEMPTS:
                raise DangvienError("db.locked") from None
            time.sleep(random.uniform(0.01, 0.05) * 2**attempt)


def is_busy(exc: BaseException) -> bool:
    """SQLite's busy timeout ran out (or it refused to wait)."""
    text = str(exc)
    return "database is locked" in text or "database is busy" in text


def frozen_file(path: Path) -> bool:
    """A database that can only be read where it lies: its folder is not writable (a CD, a
    read-only share), so SQLite cannot make the ``-shm`` file a WAL database is read with,
    and no ``-wal`` file holds changes not yet in the database file."""
    if not path.exists() or os.access(path.parent, os.W_OK):
        return False
    wal = path.with_name(path.name + "-wal")
    return not wal.exists() or wal.stat().st_size == 0


def read_only_uri(path: Path) -> str:
    """Open a frozen file as immutable: SQLite reads it without any lock or side file (true
    there, since nobody can write to it in that folder either)."""
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


def peek_revision(url: str, path: Path) -> str | None:
    """The revision stored in an existing SQLite file, read without writing a byte to it (no
    journal, no switch to WAL): a file refused stays exactly as it was."""
    import sqlite3

    # Not mode=ro: a read-only connection to a WAL file cannot remove the -wal and -shm
    # files it makes when it closes; query_only forbids writing just as well.
    uri = read_only_uri(path) if frozen_file(path) else path.resolve().as_uri()
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            conn.execute("PRAGMA query_only=1")
            tables = [row[0] for row in conn.execute(SQLITE_TABLES)]
            return stored_revision(
                url,
                tables,
                lambda: (
                    conn.execute("SELECT version_num FROM alembic_version").fetchone() or (None,)
                )[0],
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise cannot_open(url, exc) from None


# The tables as SQLAlchemy's inspector lists them: SQLite's own left out.
SQLITE_TABLES = (
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~'"
)


def create_private_file(path: Path) -> None:
    """Create an empty database file readable and writable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        return stored_revision(
            str(engine.url),
            inspect(conn).get_table_names(),
            lambda: conn.execute(text("SELECT version_num FROM alembic_version")).scalar(),
        )


def stored_revision(
    url: str, tables: Collection[str], read_version: Callable[[], str | None]
) -> str | None:
    """The revision in ``alembic_version`` (read_version), None for an empty database;
    a database of other tables is refused."""
    if "alembic_version" not in tables:
        if tables:
            raise DangvienError("db.not_dangvien", where=describe(url))
        return None
    return read_version()


def check_revision(url: str, revision: str | None) -> None:
    """Refuse, with exit 4, a schema older than head or from a newer dangvien."""
    if revision != SCHEMA_HEAD:
        key = "db.schema_old" if revision in REVISIONS else "db.schema_new"
        raise SchemaOutOfDate(key, where=describe(url), current=revision)


# The drivers' usual refusals, said in the clerk's language (libpq and SQLite speak English
# only): a fragment of the driver's first line, and the catalogue's words for it.
DRIVER_REASONS = (
    ("Connection refused", "db.reason.refused"),
    ("password authentication failed", "db.reason.login"),
    ("no password supplied", "db.reason.login"),
    ('role "', "db.reason.login"),
    ('database "', "db.reason.no_database"),
    ("could not translate host name", "db.reason.host"),
    ("Name or service not known", "db.reason.host"),
    ("timeout expired", "db.reason.timeout"),
    ("unable to open database file", "db.reason.unable"),
    ("database or disk is full", "db.reason.full"),
    ("disk I/O error", "db.reason.io"),
    ("could not extend file", "db.reason.full"),
)


def driver_reason(reason: str) -> str:
    """The driver's first line in the clerk's words, where the catalogue has them."""
    from dangvien_cli.i18n import t

    return next((t(key) for part, key in DRIVER_REASONS if part in reason), reason)


def cannot_open(url: str, exc: BaseException | None) -> DangvienError:
    """The driver's refusal to open or read the file, as the one line users see."""
    reason = str(exc).splitlines()[0]
    if reason in DAMAGED:
        from dangvien_cli.i18n import t

        return DangvienError("db.check_damaged", where=describe(url), problem=t(DAMAGED[reason]))
    return DangvienError("db.cannot_open", where=describe(url), reason=driver_reason(reason))


# What SQLite says of a file that is damaged (or was never a database), in the clerk's words.
DAMAGED = {
    "database disk image is malformed": "db.reason.malformed",
    "file is not a database": "db.reason.not_a_database",
}


def missing(url: str) -> DangvienError:
    """No dangvien database where the command looked: creating one is always explicit."""
    return DangvienError("db.missing", where=describe(url))


def open_engine(url: str, *, create: bool = False) -> Engine:
    """An engine on a database at the head schema.

    A file that does not exist, or a database without any table (an empty PostgreSQL
    database), is refused unless ``create`` (``db init``, ``db upgrade``, ``demo``, the
    target of ``db copy``): a mistyped ``--db`` must not quietly start an empty database.
    An older schema or one from a newer dangvien is refused with exit 4 and left untouched.
    """
    from sqlalchemy.exc import DatabaseError, OperationalError

    path = sqlite_path(url)
    created = False
    if path is not None and not path.exists():
        if not create:
            raise missing(url)
        create_private_file(path)
        created = True
    elif path is not None and path.is_file():
        # Judged before the engine's first connection, which switches the file to WAL.
        found = peek_revision(url, path)
        if found is not None:
            check_revision(url, found)
        else:
            # An empty file about to become a database; someone else's file keeps its mode.
            with suppress(PermissionError):
                os.chmod(path, 0o600)
    engine = make_engine(url)
    try:
        revision = None if created else current_revision(engine)
        if revision is None:
            if not create:
                engine.dispose()
                raise missing(url)
            from dangvien_cli.schema_upgrade import migrate  # Alembic: only when creating

            migrate(engine)
            return engine
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if created and path is not None:
            path.unlink(missing_ok=True)
        raise cannot_open(url, exc.orig) from None
    try:
        check_revision(url, revision)
    except SchemaOutOfDate:
        engine.dispose()
        raise
    return engine


@contextmanager
def session_scope(engine: Engine, *, write: bool, dry_run: bool = False) -> Iterator[Session]:
    """One transaction per command: all of it is committed, or none of it.

    A dry run does all the work, then rolls it back, so its counts are the real ones.
    A writer takes the write lock at once and, before committing, has guards.check refuse
    a change to a closed period's figures (a dry run is refused the same way).
    """
    from sqlalchemy.orm import Session

    from dangvien_cli import guards

    bind = engine.execution_options(dangvien_write=write) if write else engine
    with Session(bind) as session:
        with session.begin():
            if write:
                guards.watch(session)
            yield session
            if write:
                guards.check(session)
            if dry_run:
                session.rollback()
