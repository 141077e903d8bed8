"""audit trail as a hash chain

Each audit entry gets ``prev_hash`` and ``entry_hash`` (dangvien_cli.auditchain), and the
entries written before this revision are chained here, in id order, so that ``db check``
can verify the whole trail. The UPDATE this needs is the one the append-only guard of
migration 0002 refuses: the guard is lifted for this transaction only and put back exactly
as it was (SQLite: the trigger dropped and created again; PostgreSQL: disabled, enabled).
The columns are added, not the table rebuilt, so the triggers of 0002 stay.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dangvien_cli.auditchain import GENESIS, SEALED, entry_hash, sqlite_guards

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("prev_hash", "entry_hash")
BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    postgresql = bind.dialect.name == "postgresql"
    # PostgreSQL text columns carry no length (migration 0003); SQLite keeps the model's.
    kind = sa.String() if postgresql else sa.String(length=64)
    for column in COLUMNS:
        op.add_column("audit_log", sa.Column(column, kind, nullable=True))
    if postgresql:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    _chain_existing(bind)
    if postgresql:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
    else:
        op.execute(sqlite_guards()["audit_log_no_update"][1])


def _chain_existing(bind: sa.engine.Connection) -> None:
    rows = bind.execute(
        sa.text(f"SELECT id, {', '.join(SEALED)} FROM audit_log ORDER BY id")
    ).mappings()
    update = sa.text("UPDATE audit_log SET prev_hash = :p, entry_hash = :h WHERE id = :id")
    prev, batch = GENESIS, []
    for row in rows.all():
        sealed = entry_hash(prev, row)
        batch.append({"p": prev, "h": sealed, "id": row["id"]})
        prev = sealed
        if len(batch) >= BATCH:
            bind.execute(update, batch)
            batch = []
    if batch:
        bind.execute(update, batch)


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_column("audit_log", column)
