"""db check proves the record: tampering done outside dangvien, by someone who can open the
file or the tables, is reported by what and where (issue 13, point 1), on both engines."""

from __future__ import annotations

import json

import pytest

from dangvien_cli.auditchain import sqlite_guards
from dangvien_cli.i18n import template
from helpers.sql import execute


def findings(cli) -> tuple[int, dict[str, set[str]], list[dict]]:
    """db check's exit code, its errors as check -> refs (deadlines left out), all rows."""
    result = cli("db", "check", "--format", "json", "--as-of", "2021-12-31")
    assert "Traceback" not in result.output and "ngoài dự kiến" not in result.output
    found = json.loads(result.stdout)
    by_check: dict[str, set[str]] = {}
    for f in found:
        if f["severity"] == "error":
            by_check.setdefault(f["check"], set()).add(f["ref"])
    return result.exit_code, by_check, found


def without_guard(engine_name: str, trigger: str, *statements: str) -> list[str]:
    """``statements`` run with the append-only guard lifted, then put back exactly."""
    if engine_name == "postgresql":
        table = trigger.rsplit("_", 2)[0]
        return [
            f"ALTER TABLE {table} DISABLE TRIGGER {trigger}",
            *statements,
            f"ALTER TABLE {table} ENABLE TRIGGER {trigger}",
        ]
    return [f"DROP TRIGGER {trigger}", *statements, sqlite_guards()[trigger][1]]


def update_guard(engine_name: str) -> str:
    return "audit_log_append_only" if engine_name == "postgresql" else "audit_log_no_update"


def delete_guard(engine_name: str) -> str:
    return "audit_log_append_only" if engine_name == "postgresql" else "audit_log_no_delete"


def test_the_demo_database_proves_itself(cli, demo_db):
    code, errors, _ = findings(cli)
    assert (code, errors) == (0, {})
    result = cli("db", "check", "--as-of", "2021-12-31")
    assert "mã băm mục cuối" in result.stderr
    # A notice is one line and says it within a terminal of 80 columns (the clerk's window),
    # for a province's trail of 99,999 entries too
    for lang in ("vi", "en"):
        line = template("db.check_chain", lang).format(count="99.999", head="d676a464df225f57")
        assert len(line) <= 80, line


def test_ten_admissions_deleted_outside_the_tool_are_named(cli, demo_db, sql):
    ids = [r[0] for r in sql("SELECT person_id FROM admission ORDER BY person_id LIMIT 10")]
    execute(demo_db, f"DELETE FROM admission WHERE person_id IN ({', '.join(map(str, ids))})")
    code, errors, found = findings(cli)
    assert code == 1
    assert errors == {"admission_missing": {str(i) for i in ids}}
    assert all(f["table"] == "admission" for f in found if f["check"] == "admission_missing")


def test_an_audit_entry_edited_under_a_lifted_guard_is_named(cli, demo_db, engine_name):
    statements = without_guard(
        engine_name,
        update_guard(engine_name),
        "UPDATE audit_log SET actor = 'ke-gian' WHERE id = 2",
    )
    execute(demo_db, *statements)
    code, errors, found = findings(cli)
    assert code == 1
    assert errors == {"chain_edited": {"2"}}  # the guard is back as it was: only the edit
    assert [f["table"] for f in found if f["check"] == "chain_edited"] == ["audit_log"]


def test_an_audit_entry_removed_leaves_a_gap_where_it_was(cli, demo_db, engine_name, sql):
    [(last,)] = sql("SELECT max(id) FROM audit_log")
    execute(
        demo_db,
        *without_guard(
            engine_name, delete_guard(engine_name), "DELETE FROM audit_log WHERE id = 2"
        ),
    )
    code, errors, _ = findings(cli)
    assert (code, errors) == (1, {"chain_gap": {"3"}})
    assert last > 3  # entries after the gap still chain on from each other


def test_an_entry_written_around_dangvien_is_unsealed(cli, demo_db):
    execute(
        demo_db,
        "INSERT INTO audit_log (at, actor, command, entity, action) "
        "VALUES ('2024-01-01 00:00:00', 'x', 'psql', 'unit', 'add')",
    )
    code, errors, _ = findings(cli)
    assert code == 1 and set(errors) == {"chain_unsealed"}


@pytest.mark.sqlite_only
def test_sqlite_guards_dropped_replaced_or_added_are_named(cli, demo_db):
    execute(
        demo_db,
        "DROP TRIGGER pipeline_event_no_delete",
        "DROP TRIGGER audit_log_no_update",
        # Same name, does nothing.
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END",
        # Swallows every new audit entry.
        "CREATE TRIGGER swallow BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END",
        # On a table that is not append-only: renames everyone added after it.
        "CREATE TRIGGER rename AFTER INSERT ON person "
        "BEGIN UPDATE person SET full_name = 'X' WHERE id = NEW.id; END",
    )
    code, errors, found = findings(cli)
    assert code == 1
    assert errors == {
        "guard_missing": {"pipeline_event_no_delete"},
        "guard_changed": {"audit_log_no_update"},
        "guard_unexpected": {"swallow", "rename"},
    }
    (planted,) = [f for f in found if f["ref"] == "rename"]
    assert planted["table"] == "person" and "person" in planted["detail"]


@pytest.mark.postgresql_only
def test_postgresql_guards_disabled_dropped_or_ruled_around_are_named(cli, demo_db):
    execute(
        demo_db,
        "ALTER TABLE pipeline_event DISABLE TRIGGER pipeline_event_append_only",
        "DROP TRIGGER audit_log_no_truncate ON audit_log",
        "CREATE RULE swallow AS ON INSERT TO audit_log DO INSTEAD NOTHING",
        "CREATE OR REPLACE FUNCTION dangvien_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
        # On tables that are not append-only: a trigger that renames, a rule that drops.
        "CREATE FUNCTION rename() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN NEW.full_name := 'X'; RETURN NEW; END $$",
        "CREATE TRIGGER rename BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION rename()",
        "CREATE RULE no_quota AS ON INSERT TO quota DO INSTEAD NOTHING",
    )
    code, errors, _ = findings(cli)
    assert code == 1
    assert errors == {
        "guard_changed": {"pipeline_event_append_only", "dangvien_append_only()"},
        "guard_missing": {"audit_log_no_truncate"},
        "guard_unexpected": {"swallow", "rename", "no_quota"},
    }


def rebuilt(engine_name: str, sql, table: str, change: tuple[str, str], keep: str) -> list[str]:
    """``table`` weakened by hand. SQLite cannot drop a constraint in place: the table is
    made again from its CREATE statement with ``change[1]`` edited out, its rows and the
    indexes ``keep`` creates kept. PostgreSQL: ALTER TABLE ``change[0]``."""
    if engine_name == "postgresql":
        return [f"ALTER TABLE {table} {change[0]}"]
    ((create,),) = sql(f"SELECT sql FROM sqlite_master WHERE name = '{table}'")
    old, new = change[1].split(" -> ") if " -> " in change[1] else (change[1], "")
    assert old in create, old
    return [
        "PRAGMA foreign_keys = OFF",
        create.replace(old, new).replace(f"CREATE TABLE {table}", "CREATE TABLE rebuilt"),
        f"INSERT INTO rebuilt SELECT * FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE rebuilt RENAME TO {table}",
        *keep.split(";"),
    ]


def test_a_schema_weakened_by_hand_is_named_and_refused_as_a_backup(
    cli, demo_db, engine_name, sql, tmp_path
):
    """A table rebuilt without its unique key on the national ID passed every check, and an
    import (which leaves that key to find a CCCD given twice) would store it twice."""
    person_indexes = ";".join(
        f"CREATE INDEX ix_person_{c} ON person ({c})"
        for c in ("name_key", "given_key", "sort_key", "unit_id", "stage")
    )
    unique = ", \n\tCONSTRAINT uq_person_national_id UNIQUE (national_id)"
    execute(
        demo_db,
        *rebuilt(
            engine_name,
            sql,
            "person",
            ("DROP CONSTRAINT uq_person_national_id", unique),
            person_indexes,
        ),
        # SQLite's rebuilt member loses its one index; PostgreSQL's is dropped.
        *rebuilt(
            engine_name,
            sql,
            "member",
            ("ALTER person_id DROP NOT NULL", "person_id INTEGER NOT NULL -> person_id INTEGER"),
            "SELECT 1",
        ),
        *(["DROP INDEX ix_member_unit_id"] if engine_name == "postgresql" else []),
    )
    code, errors, found = findings(cli)
    assert code == 1
    assert errors == {"schema_missing": {"uq_person_national_id", "person_id", "ix_member_unit_id"}}
    (key,) = [f for f in found if f["ref"] == "uq_person_national_id"]
    assert key["table"] == "person" and "uq_person_national_id" in key["detail"]
    if engine_name == "sqlite":
        backup = tmp_path / "weakened.db"
        assert cli("db", "backup", backup).exit_code == 0
        restored = cli("db", "restore", backup, "--yes")
        assert restored.exit_code == 1 and "(3 vấn đề" in restored.stderr
        assert "không khôi phục" in restored.stderr


def test_a_name_that_reads_other_than_stored_is_named(cli, demo_db, sql, engine_name):
    """The commands refuse a name with a hidden or bidi character now; one stored before
    (or behind the tool) is found: a right-to-left override reverses what follows it."""
    ((pid,),) = sql("SELECT min(id) FROM person")
    char = "chr" if engine_name == "postgresql" else "char"
    execute(
        demo_db,
        f"UPDATE person SET full_name = 'Nguyễn' || {char}(8238) || 'Văn A' WHERE id = {pid}",
        f"UPDATE unit SET name = 'Chi bộ' || {char}(8203) || ' 1' WHERE code = 'DALAN.CB1'",
    )
    code, errors, found = findings(cli)
    assert code == 1 and errors == {"name_hidden": {str(pid), "DALAN.CB1"}}
    assert {f["detail"].split(":")[0][-6:] for f in found if f["check"] == "name_hidden"} == {
        "U+202E",
        "U+200B",
    }


def test_figures_edited_behind_the_events_are_named(cli, demo_db, sql):
    roster, stage = sql(
        "SELECT a.person_id FROM admission a JOIN member m ON m.person_id = a.person_id "
        "WHERE a.struck_off_date IS NULL ORDER BY a.person_id LIMIT 2"
    )
    [(line,)] = sql("SELECT id FROM member WHERE person_id = :p", p=roster[0])
    [(probation_line,)] = sql(
        "SELECT m.id FROM admission a JOIN member m ON m.person_id = a.person_id "
        "WHERE a.official_date IS NULL AND a.struck_off_date IS NULL "
        "ORDER BY a.person_id DESC LIMIT 1"
    )
    execute(
        demo_db,
        # its dated history first (migration 0007): the roster line goes, no key dangles
        f"DELETE FROM member_history WHERE member_id = {line}",
        f"DELETE FROM member WHERE id = {line}",
        f"UPDATE person SET stage = 'sourced' WHERE id = {stage[0]}",
        f"UPDATE member SET status = 'official' WHERE id = {probation_line}",
    )
    code, errors, _ = findings(cli)
    assert code == 1
    assert errors == {
        "roster_missing": {str(roster[0])},
        "stage_differs": {str(stage[0])},
        # a member whose stage now reads 'sourced': on the roster with no admission behind it
        "roster_not_admitted": {str(stage[0])},
        "roster_differs": {str(probation_line)},
    }


def test_every_writer_chains_its_entries_including_a_period_override(cli, demo_db, sql):
    assert cli("period", "close", "2021").exit_code == 0
    quota = ("quota", "set", "TP", "2021", "300", "--source", "tinh")
    assert cli(*quota, "--reopen", "Tỉnh giao bổ sung").exit_code == 0
    assert (
        cli("unit", "add", "C9", "Chi bộ 9", "--kind", "chi-bo-co-so", "--parent", "TINH").exit_code
        == 0
    )
    [(overrides,)] = sql("SELECT count(*) FROM audit_log WHERE action = 'override'")
    assert overrides == 1
    assert sql("SELECT count(*) FROM audit_log WHERE entry_hash IS NULL") == [(0,)]
    code, errors, _ = findings(cli)
    assert (code, errors) == (0, {})
