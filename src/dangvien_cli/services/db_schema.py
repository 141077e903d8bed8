"""Is the schema still the one dangvien made? (db check's tampering layer; a backup must
pass it to be restored.) Each problem is (check, table, name, parameters of its sentence).

- The append-only guards stand as migration 0002 made them (not dropped, disabled or
  replaced), and no table carries a trigger or rule dangvien did not make: one on `person`
  in a file handed over as a backup could rename everyone added after it.
- Every table, column, index, unique and foreign key and NOT NULL of the models is there.
  A table rebuilt by hand without its unique constraint on the national ID passes every
  other check, and the imports, which leave that constraint to find a CCCD given twice,
  would then store it twice in silence. Alembic's autogenerate comparison does the reading
  (it knows how each engine reflects a schema). What the database has beyond the models is
  left alone: an index or a table a DBA adds to a shared server takes nothing away. Column
  types are not compared: PostgreSQL's were widened on purpose (migration 0003).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from dangvien_cli import auditchain
from dangvien_cli.i18n import t

Problem = tuple[str, str, str, dict[str, Any]]

# What each comparison names, by the part of the models it would add back.
_MISSING = {
    "add_table": "table",
    "add_column": "column",
    "add_index": "index",
    "add_constraint": "unique",
    "add_fk": "foreign_key",
}


def schema_problems(session: Session) -> Iterator[Problem]:
    if session.connection().dialect.name == "postgresql":
        yield from _postgresql_guards(session)
    else:
        yield from _sqlite_guards(session)
    yield from _model_gaps(session)


def _foreign(table: str, name: str) -> Problem:
    return "guard_unexpected", table, name, {"on_table": table}


def _sqlite_guards(session: Session) -> Iterator[Problem]:
    expected = auditchain.sqlite_guards()
    found = {
        name: (table, sql)
        for name, table, sql in session.execute(
            text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
        ).all()
    }
    for name, (table, sql) in expected.items():
        if name not in found:
            yield "guard_missing", table, name, {}
        elif not auditchain.same_sql(found[name][1], sql):
            yield "guard_changed", table, name, {}
    for name, (table, _sql) in sorted(found.items()):
        if name not in expected:
            yield _foreign(table, name)


def _postgresql_guards(session: Session) -> Iterator[Problem]:
    expected = auditchain.postgresql_guards()
    found = {
        name: (table, enabled, definition)
        for name, table, enabled, definition in session.execute(
            text("""
            SELECT t.tgname, c.relname, t.tgenabled, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)
            """)
        ).all()
    }
    for name, (table, head, tail) in expected.items():
        if name not in found:
            yield "guard_missing", table, name, {}
            continue
        _table, enabled, definition = found[name]
        # 'O' and 'A' fire in ordinary sessions; 'D' is disabled, 'R' fires for replicas only.
        if enabled not in ("O", "A") or not (
            definition.startswith(head) and definition.endswith(tail)
        ):
            yield "guard_changed", table, name, {}
    ours = auditchain.POSTGRESQL_CHECK_TRIGGERS
    for name, (table, _enabled, _definition) in sorted(found.items()):
        if name not in expected and ours.get(name) != table:
            yield _foreign(table, name)
    body = session.execute(
        text("SELECT prosrc FROM pg_proc WHERE proname = 'dangvien_append_only'")
    ).scalar()
    if not auditchain.same_sql(body, auditchain.POSTGRESQL_GUARD_BODY):
        yield "guard_changed", "", "dangvien_append_only()", {}
    rules = session.execute(
        text(
            "SELECT rulename, tablename FROM pg_rules WHERE schemaname = current_schema() "
            "ORDER BY rulename"
        )
    ).all()
    for name, table in rules:  # dangvien makes no rule (a view's own is not listed here)
        yield _foreign(table, name)


def _model_gaps(session: Session) -> Iterator[Problem]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from dangvien_cli.models import metadata

    context = MigrationContext.configure(session.connection(), opts={"compare_type": False})
    for diff in compare_metadata(context, metadata):
        if isinstance(diff, list):  # one column's modifications
            for op, _schema, table, column, _kw, null_in_db, null_in_model in diff:
                if op == "modify_nullable" and null_in_db and not null_in_model:
                    yield "schema_missing", table, column, _part("not_null", table)
            continue
        part = _MISSING.get(diff[0])
        if part is not None:
            table, name = _named(diff)
            yield "schema_missing", table, name, _part(part, table)


def _part(part: str, table: str) -> dict[str, Any]:
    return {"on_table": table, "part": t(f"schema.{part}")}


def _named(diff: tuple[Any, ...]) -> tuple[str, str]:
    """The table and the name of the part a comparison would add back."""
    if diff[0] == "add_column":
        return diff[2], diff[3].name
    part = diff[1]
    if diff[0] == "add_table":
        return part.name, part.name
    return part.table.name, part.name or ", ".join(c.name for c in part.columns)
