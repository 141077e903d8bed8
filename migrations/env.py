"""Alembic environment: the schema is SQLModel.metadata from dangvien_cli.models.

dangvien passes its own connection in ``config.attributes["connection"]`` so that a
migration runs inside the caller's transaction; run standalone, it opens ``sqlalchemy.url``.
"""

from alembic import context
from sqlalchemy import String, Text, engine_from_config, pool

from dangvien_cli import models

config = context.config
target_metadata = models.metadata


def _compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type):
    """On PostgreSQL text columns carry no varchar(n) limit (migration 0003: SQLite never
    enforced one), so there only the collation of a varchar column is compared."""
    if context.dialect.name != "postgresql":
        return None
    wanted = getattr(metadata_type, "_variant_mapping", {}).get("postgresql", metadata_type)
    wanted = getattr(wanted, "impl_instance", wanted)
    if not isinstance(inspected_type, String) or not isinstance(wanted, String):
        return None
    if isinstance(inspected_type, Text) or isinstance(wanted, Text):
        return None
    return (inspected_type.collation or None) != (wanted.collation or None)


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=_compare_type,
        render_as_batch=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
