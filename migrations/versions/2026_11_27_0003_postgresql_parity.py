"""PostgreSQL behaves as SQLite: text lengths, byte-order keys, closed-period notes

Nothing changes on SQLite. On PostgreSQL:
- Text columns lose their varchar(n) limit. SQLite never enforced one, so a 70-character
  occupation or two phone numbers in one cell were stored there and refused here with an
  unexpected error; a limit the services want is checked by the services, on both engines.
- The keys that are sorted and searched by range (``code_key``, ``name_key``, ``given_key``,
  ``sort_key``, ``period.code``, ``quota.source``) compare byte by byte (COLLATE "C"), as in
  SQLite: ORDER BY gives code-point order whatever the database's locale, and the
  ``>= prefix AND < prefix || U+FFFF`` searches use the indexes (rebuilt by the ALTER).
- The closed-period guard (dangvien_cli.guards) notes what a write transaction touches. On
  SQLite that is done by TEMP triggers; PostgreSQL has none, so these triggers are stored
  and do nothing unless the transaction set ``dangvien.guard`` to 'on' (guards.watch does
  so while some period is closed). A later migration that changes the guard's conditions
  must replace these functions too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every varchar(n) column of revision 0002, with n (for the downgrade).
LIMITED: dict[str, list[tuple[str, int]]] = {
    "admission": [("decision_no", 64), ("decision_body", 200)],
    "audit_log": [
        ("actor", 100),
        ("command", 200),
        ("entity", 32),
        ("entity_id", 64),
        ("action", 16),
    ],
    "class_attendance": [("result", 32), ("certificate_no", 64)],
    "member": [("status", 16), ("position", 200)],
    "period": [("code", 64), ("name", 200), ("kind", 16), ("closed_by", 100)],
    "person": [
        ("full_name", 200),
        ("name_key", 200),
        ("given_key", 200),
        ("sort_key", 600),
        ("gender", 8),
        ("ethnicity", 64),
        ("religion", 64),
        ("education", 32),
        ("professional_education", 32),
        ("occupation", 64),
        ("national_id", 12),
        ("phone", 20),
        ("stage", 16),
    ],
    "pipeline_event": [("step", 32), ("document_no", 64), ("issuer", 200), ("recorded_by", 100)],
    "quota": [("source", 32)],
    "rule_exception": [
        ("rule", 16),
        ("approved_by", 200),
        ("document_no", 64),
        ("recorded_by", 100),
    ],
    "training_class": [("code", 64), ("name", 300), ("organizer", 200)],
    "unit": [
        ("code", 64),
        ("code_key", 64),
        ("name", 300),
        ("name_key", 300),
        ("kind", 32),
        ("block", 32),
    ],
}
BYTEWISE = {
    ("unit", "code_key"),
    ("unit", "name_key"),
    ("person", "name_key"),
    ("person", "given_key"),
    ("person", "sort_key"),
    ("period", "code"),
    ("quota", "source"),
}

_C = ' COLLATE "C"'
_ON = "current_setting('dangvien.guard', true) IS DISTINCT FROM 'on'"
_DATES = ("decision_date", "ceremony_date", "official_date", "struck_off_date")


def _in_closed(row: str) -> str:
    return " OR ".join(f"{row}.{c} BETWEEN p.start_on AND p.end_on" for c in _DATES)


def _admission_update() -> str:
    changed = [
        f"(OLD.{c} IS DISTINCT FROM NEW.{c} AND "
        f"(OLD.{c} BETWEEN p.start_on AND p.end_on OR NEW.{c} BETWEEN p.start_on AND p.end_on))"
        for c in _DATES
    ]
    moved = f"(OLD.unit_id IS DISTINCT FROM NEW.unit_id AND ({_in_closed('OLD')}))"
    return " OR ".join([*changed, moved])


def _note(what: str, row: str, ref: str, where: str, source: str = "FROM period p") -> str:
    return (
        f"INSERT INTO pg_temp.dv_touched (period_id, what, ref) "
        f"SELECT p.id, '{what}', CAST({row}.{ref} AS text) {source} "
        f"WHERE p.closed_at IS NOT NULL AND ({where});"
    )


FUNCTIONS = {
    "dangvien_guard_admission": (
        f"IF {_ON} THEN RETURN NULL; END IF; "
        f"IF TG_OP = 'INSERT' THEN {_note('admission', 'NEW', 'person_id', _in_closed('NEW'))} "
        f"ELSIF TG_OP = 'DELETE' THEN {_note('admission', 'OLD', 'person_id', _in_closed('OLD'))} "
        f"ELSE {_note('admission', 'NEW', 'person_id', _admission_update())} END IF; "
        "RETURN NULL;"
    ),
    "dangvien_guard_quota": (
        f"IF {_ON} THEN RETURN NULL; END IF; "
        f"IF TG_OP = 'INSERT' THEN {_note('quota', 'NEW', 'unit_id', 'p.id = NEW.period_id')} "
        f"ELSIF TG_OP = 'DELETE' THEN {_note('quota', 'OLD', 'unit_id', 'p.id = OLD.period_id')} "
        "ELSE "
        + _note(
            "quota",
            "NEW",
            "unit_id",
            "p.id IN (OLD.period_id, NEW.period_id) AND (OLD.target IS DISTINCT FROM "
            "NEW.target OR OLD.period_id IS DISTINCT FROM NEW.period_id OR OLD.unit_id IS "
            "DISTINCT FROM NEW.unit_id OR OLD.source IS DISTINCT FROM NEW.source)",
        )
        + " END IF; RETURN NULL;"
    ),
    "dangvien_guard_unit_parent": (
        f"IF {_ON} THEN RETURN NULL; END IF; "
        "INSERT INTO pg_temp.dv_touched (period_id, what, ref) "
        "VALUES (NULL, 'unit', CAST(NEW.id AS text)); RETURN NULL;"
    ),
    "dangvien_guard_period": (
        f"IF {_ON} THEN RETURN NULL; END IF; "
        "INSERT INTO pg_temp.dv_touched (period_id, what, ref) "
        "VALUES (OLD.id, 'period', CAST(OLD.id AS text)); RETURN NULL;"
    ),
}
TRIGGERS = {
    "dv_guard_admission": "AFTER INSERT OR UPDATE OR DELETE ON admission FOR EACH ROW",
    "dv_guard_quota": "AFTER INSERT OR UPDATE OR DELETE ON quota FOR EACH ROW",
    "dv_guard_unit_parent": "AFTER UPDATE OF parent_id ON unit FOR EACH ROW "
    "WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id)",
    "dv_guard_period": "AFTER UPDATE OF start_on, end_on ON period FOR EACH ROW "
    "WHEN (OLD.closed_at IS NOT NULL AND (OLD.start_on IS DISTINCT FROM NEW.start_on "
    "OR OLD.end_on IS DISTINCT FROM NEW.end_on))",
}
TRIGGER_FUNCTION = {
    "dv_guard_admission": "dangvien_guard_admission",
    "dv_guard_quota": "dangvien_guard_quota",
    "dv_guard_unit_parent": "dangvien_guard_unit_parent",
    "dv_guard_period": "dangvien_guard_period",
}
TRIGGER_TABLE = {
    "dv_guard_admission": "admission",
    "dv_guard_quota": "quota",
    "dv_guard_unit_parent": "unit",
    "dv_guard_period": "period",
}


def _is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _is_postgresql():
        return
    for table, columns in LIMITED.items():
        changes = ", ".join(
            f"ALTER COLUMN {name} TYPE varchar{_C if (table, name) in BYTEWISE else ''}"
            for name, _n in columns
        )
        op.execute(f"ALTER TABLE {table} {changes}")
    for name, body in FUNCTIONS.items():
        op.execute(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN {body} END $$"
        )
    for name, spec in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {spec} EXECUTE FUNCTION {TRIGGER_FUNCTION[name]}()")


def downgrade() -> None:
    if not _is_postgresql():
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {TRIGGER_TABLE[name]}")
    for name in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    for table, columns in LIMITED.items():
        changes = ", ".join(
            f'ALTER COLUMN {name} TYPE varchar({n}) COLLATE "default"' for name, n in columns
        )
        op.execute(f"ALTER TABLE {table} {changes}")
