"""The real Alembic migrations on any database, outside the CLI."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from dangvien_cli import db


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(db.migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def alembic_at(path: Path, revision: str) -> None:
    """A SQLite file built by the real migrations up to ``revision`` only."""
    command.upgrade(alembic_config(f"sqlite:///{path}"), revision)
