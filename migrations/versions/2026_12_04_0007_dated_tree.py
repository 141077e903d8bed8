"""dated unit tree and membership history (the 2025 restructuring)

Units are merged, moved and renamed on a date, and members move between units on a date;
past reports must still see the tree and the rosters as they stood. The ``unit`` and
``member`` rows keep the state *now* (every existing query keeps working on them) and these
tables keep what held before:

- ``unit_history``: one row per earlier state of a unit (parent, name, kind, block) with the
  days it held, both included (``valid_from`` null: since the unit began). ``unit.state_since``
  is the first day of the current state.
- ``member_history``: one row per earlier unit of a member (``temporary`` false), and the
  temporary transfers (chuyển sinh hoạt tạm thời, ``temporary`` true, ``valid_to`` null while
  it runs). ``member.unit_since`` is the first day in the current unit; ``member.exit_reason``
  says why ``left_on`` is set.
- The closed-period guard no longer counts a *dated* move (one that starts a new state, so
  ``state_since`` changes) as touching the closed periods: the tree of their days is kept in
  ``unit_history``. An undated re-parenting (``unit edit --parent``) still does. On PostgreSQL
  the stored trigger of migration 0003 is replaced; on SQLite guards.py writes its own.
- ``person_history``: the units a person (candidate or member) belonged to before a dated
  act moved them, each until ``valid_to`` (included): the pipeline of a past period counts a
  candidate where they stood then.
- ``unit.merged_into_id`` (already there) is the successor of a dissolved unit: its facts
  count for the successor in reports dated after the dissolution. Indexed for that walk.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


GUARD = (
    "CREATE TRIGGER dv_guard_unit_parent AFTER UPDATE OF parent_id ON unit FOR EACH ROW "
    "WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id{dated}) "
    "EXECUTE FUNCTION dangvien_guard_unit_parent()"
)
DATED = " AND OLD.state_since IS NOT DISTINCT FROM NEW.state_since"


def _guard(dated: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS dv_guard_unit_parent ON unit")
        op.execute(GUARD.format(dated=dated))


def upgrade() -> None:
    op.create_table(
        "unit_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("block", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name="fk_unit_history_unit_id_unit"),
        sa.ForeignKeyConstraint(["parent_id"], ["unit.id"], name="fk_unit_history_parent_id_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_unit_history"),
    )
    op.create_index("ix_unit_history_unit_id", "unit_history", ["unit_id"])
    op.create_index("ix_unit_history_parent_id", "unit_history", ["parent_id"])
    op.create_table(
        "member_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("temporary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name="fk_member_history_member_id_member"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name="fk_member_history_unit_id_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_member_history"),
    )
    op.create_index("ix_member_history_member_id", "member_history", ["member_id"])
    op.create_index("ix_member_history_unit_id", "member_history", ["unit_id"])
    op.create_table(
        "person_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_person_history_person_id_person"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name="fk_person_history_unit_id_unit"),
        sa.PrimaryKeyConstraint("id", name="pk_person_history"),
    )
    op.create_index("ix_person_history_person_id", "person_history", ["person_id"])
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("state_since", sa.Date(), nullable=True))
        batch.create_index("ix_unit_merged_into_id", ["merged_into_id"])
    with op.batch_alter_table("member") as batch:
        batch.add_column(sa.Column("unit_since", sa.Date(), nullable=True))
        batch.add_column(sa.Column("exit_reason", sa.String(), nullable=True))
    _guard(DATED)


def downgrade() -> None:
    _guard("")
    with op.batch_alter_table("member") as batch:
        batch.drop_column("exit_reason")
        batch.drop_column("unit_since")
    with op.batch_alter_table("unit") as batch:
        batch.drop_index("ix_unit_merged_into_id")
        batch.drop_column("state_since")
    op.drop_table("person_history")
    op.drop_table("member_history")
    op.drop_table("unit_history")
