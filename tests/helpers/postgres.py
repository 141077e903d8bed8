"""The SQL scripts of docs/postgresql.md, and the ``roles`` fixture that runs the first one
(a plugin of conftest.py, so test_postgres*.py can ask for it)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from dangvien_cli import db

DOCS = db.migrations_dir().parent / "docs" / "postgresql.md"


def docs_sql(which: int = 0) -> str:
    """The docs' SQL scripts: the roles and the database (0), the history grants (1)."""
    blocks = re.findall(r"```sql\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    return blocks[which]


@pytest.fixture
def roles(pg_server, tmp_path):
    script = tmp_path / "roles.sql"
    script.write_text(docs_sql(), encoding="utf-8")
    found = pg_server.bindir / "psql"
    binary = str(found) if found.exists() else shutil.which("psql") or "psql"
    psql = [binary, "-h", "127.0.0.1", "-p", str(pg_server.port)]
    done = subprocess.run(
        [*psql, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-f", str(script)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        assert done.returncode == 0, done.stderr
        yield {
            name: pg_server.url("dangvien", user=name)
            for name in ("dangvien_owner", "lan", "baocao")
        }
    finally:
        pg_server.admin(
            'DROP DATABASE IF EXISTS "dangvien" WITH (FORCE)',
            *(f"DROP ROLE IF EXISTS {r}" for r in ("lan", "baocao")),
            *(
                f"DROP ROLE IF EXISTS {r}"
                for r in ("dangvien_clerk", "dangvien_report", "dangvien_owner")
            ),
        )
