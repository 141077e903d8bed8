"""Who may decide an admission (R16), and names sorted by the whole given name first

- ``unit.admits_from`` / ``unit.admits_document``: the day from which, and the document by
  which, the upper committee authorised a đảng ủy cơ sở to decide admissions itself (R16:
  29-QĐ/TW 4.3.2 b). Without it only the upper committee's standing committee decides.
- ``person.sort_key`` is recomputed: the key now compares the whole given name (letters,
  tones, case) before the middle name and the family name, so Hoa and Hòa no longer
  interleave by middle name (vntext.name_sort_key).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dangvien_cli.vntext import name_sort_key

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PERSON = sa.table("person", sa.column("id", sa.Integer), sa.column("full_name", sa.String))
_KEYED = sa.table("person", sa.column("id", sa.Integer), sa.column("sort_key", sa.String))
_CHUNK = 5000


def upgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("admits_from", sa.Date(), nullable=True))
        batch.add_column(sa.Column("admits_document", sa.String(), nullable=True))
    _rekey()


def downgrade() -> None:
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("admits_document")
        batch.drop_column("admits_from")
    # The older key order is not restored: it only ever decided the order of lists.


def _rekey() -> None:
    """Recompute every person's sort key in chunks, one executemany per chunk."""
    conn = op.get_bind()
    last = 0
    update = (
        sa.update(_KEYED)
        .where(_KEYED.c.id == sa.bindparam("b_id"))
        .values(sort_key=sa.bindparam("b_key"))
    )
    while True:
        rows = conn.execute(
            sa.select(_PERSON.c.id, _PERSON.c.full_name)
            .where(_PERSON.c.id > last)
            .order_by(_PERSON.c.id)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        conn.execute(update, [{"b_id": pid, "b_key": name_sort_key(name)} for pid, name in rows])
        last = rows[-1][0]
