"""Creating and upgrading the schema: the one module that imports Alembic. ``db.open_engine``
calls ``migrate`` only when it creates a database, so ordinary commands never load it;
``upgrade`` is ``db upgrade`` (a SQLite file backed up first, the audit entry written in the
migration's transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from dangvien_cli.db import (
    REVISIONS,
    SCHEMA_HEAD,
    current_revision,
    describe,
    make_engine,
    migrations_dir,
    open_engine,
    peek_revision,
    sqlite_path,
)
from dangvien_cli.errors import SchemaOutOfDate

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session


def _alembic_config(connection=None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def migrate(
    engine: Engine, revision: str = "head", *, record: Callable[[Session], None] | None = None
) -> None:
    """Run the Alembic migrations up to ``revision`` in one transaction; ``record`` writes
    the audit entry of the upgrade in that same transaction, so that no schema is ever
    upgraded without its record (nor the record written for an upgrade rolled back)."""
    from alembic import command
    from sqlalchemy.orm import Session

    # As a writer: two processes opening one new database migrate it once, one after the
    # other (Alembic then finds the second one's work done).
    with engine.execution_options(dangvien_write=True).begin() as conn:
        command.upgrade(_alembic_config(conn), revision)
        if record is not None:
            with Session(bind=conn) as session:
                record(session)
                session.flush()


def upgrade(
    url: str, record: Callable[[Session, str | None], None] | None = None
) -> tuple[str | None, str]:
    """Bring the schema to head, backing a SQLite file up first. Returns (before, after).
    ``record(session, before)`` writes the audit entry inside the migration's transaction."""
    path = sqlite_path(url)
    if path is not None and not path.exists():
        open_engine(url, create=True).dispose()
        return None, SCHEMA_HEAD
    if path is not None:
        found = peek_revision(url, path)  # a newer or foreign file is refused untouched
        if found is not None and found not in REVISIONS:
            raise SchemaOutOfDate("db.schema_new", where=describe(url), current=found)
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        if before == SCHEMA_HEAD:
            return before, before
        if before is not None and before not in REVISIONS:
            raise SchemaOutOfDate("db.schema_new", where=describe(url), current=before)
        if path is not None and before is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            from dangvien_cli.backups import backup_sqlite

            backup_sqlite(path, path.with_name(f"{path.name}.{before}.{stamp}.bak"))
        # A database created from nothing has no change to record, and stays empty: the
        # documented order (owner: db upgrade, then db copy --to) needs an empty target.
        if record is not None and before is not None:
            recorder, was = record, before
            migrate(engine, record=lambda session: recorder(session, was))
        else:
            migrate(engine)
        return before, SCHEMA_HEAD
    finally:
        engine.dispose()
