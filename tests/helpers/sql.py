"""Statements run behind dangvien's back, on either engine."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from dangvien_cli.db import resolve_url


def execute(db: object, *statements: str) -> None:
    """Run ``statements`` on ``db`` (a file or a URL), committed together."""
    engine = create_engine(resolve_url(str(db)))
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()
