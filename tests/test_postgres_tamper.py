"""On a real PostgreSQL server: the grants of docs/postgresql.md stop a clerk from rewriting
history by hand, what they may still change by hand is found by db check, the documented
order (owner: db upgrade, then db copy --to) works, and an upgrade whose audit entry cannot
be written is rolled back whole (issue 13, points 1, 3 and 12)."""

from __future__ import annotations

import json

import pytest
from alembic import command

from helpers.migrations import alembic_config
from helpers.postgres import docs_sql
from helpers.sql import execute

pytestmark = pytest.mark.postgresql_only


def check(cli, url: str) -> tuple[int, set[str]]:
    result = cli("db", "check", "--format", "json", "--as-of", "2021-12-31", "--db", url)
    assert "Traceback" not in result.output
    return result.exit_code, {f["check"] for f in json.loads(result.stdout)}


def logins(request) -> tuple[str, str]:
    """The owner's and a clerk's URL, from the roles docs/postgresql.md creates."""
    made = request.getfixturevalue("roles")
    return made["dangvien_owner"], made["lan"]


def test_the_documented_order_upgrade_then_copy_works(cli, request, tmp_path, sql):
    owner, clerk = logins(request)
    district = tmp_path / "huyen.db"
    assert cli("demo", "--db", district).exit_code == 0
    upgraded = cli("db", "upgrade", "--db", owner)
    assert upgraded.exit_code == 0, upgraded.output
    copied = cli("db", "copy", "--db", district, "--to", owner)
    assert copied.exit_code == 0, copied.output
    assert sql("SELECT count(*) FROM audit_log", db=owner) == sql(
        "SELECT count(*) FROM audit_log", db=district
    )
    # The chain came across whole (hashes are computed the same on both engines), and the
    # clerk's next entry chains on from the copied ones.
    assert check(cli, owner) == (0, set())
    add = ("unit", "add", "C9", "Chi bộ 9", "--kind", "chi-bo-co-so", "--parent", "TINH")
    assert cli(*add, "--db", clerk).exit_code == 0
    assert check(cli, clerk) == (0, set())


HAND_EDITS = [
    ("UPDATE audit_log SET actor = 'ke-gian' WHERE id = 1", "permission denied"),
    ("DELETE FROM pipeline_event WHERE id = 1", "permission denied"),
    ("TRUNCATE audit_log", "permission denied"),
    ("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", "must be owner"),
    ("DROP TRIGGER pipeline_event_append_only ON pipeline_event", "must be owner"),
    ("CREATE RULE swallow AS ON INSERT TO audit_log DO INSTEAD NOTHING", "must be owner"),
    (
        "CREATE OR REPLACE FUNCTION dangvien_append_only() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
        "must be owner|permission denied for schema",
    ),
    (
        "CREATE TRIGGER mine BEFORE INSERT ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION dangvien_append_only()",
        "permission denied",
    ),
    ("CREATE TABLE public.scratch (x int)", "permission denied"),
]


def test_a_clerk_cannot_rewrite_history_and_what_they_may_change_is_found(cli, request, sql):
    owner, clerk = logins(request)
    assert cli("db", "upgrade", "--db", owner).exit_code == 0
    execute(owner, docs_sql(1))  # the history grants, as the docs say, as the owner
    assert cli("demo", "--db", clerk).exit_code == 0
    assert check(cli, clerk) == (0, set())
    for statement, why in HAND_EDITS:
        with pytest.raises(Exception, match=why):
            execute(clerk, statement)
    # The commands still work for the clerk: a correction rewrites the projection.
    assert (
        cli("unit", "add", "C9", "Chi bộ 9", "--kind", "chi-bo-co-so", "--db", clerk).exit_code == 0
    )
    # What the clerk's grants allow by hand (the tool needs them) is found, not refused.
    ids = [r[0] for r in sql("SELECT person_id FROM admission ORDER BY 1 LIMIT 10", db=owner)]
    execute(clerk, f"DELETE FROM admission WHERE person_id IN ({', '.join(map(str, ids))})")
    code, found = check(cli, clerk)
    assert (code, found) == (1, {"admission_missing"})
    # The owner can lift a guard: the edit shows in the chain, and so would a guard left off.
    execute(
        owner,
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "UPDATE audit_log SET actor = 'ke-gian' WHERE id = 3",
    )
    code, found = check(cli, clerk)
    assert (code, found) == (1, {"admission_missing", "chain_edited", "guard_changed"})


def test_an_upgrade_whose_record_fails_is_rolled_back(cli, new_db_url, sql):
    url = new_db_url()
    command.upgrade(alembic_config(url), "0003")
    execute(
        url,
        "INSERT INTO audit_log (at, actor, command, entity, entity_id, action) VALUES "
        "('2024-01-02 03:04:05+00', 'lan', 'dangvien unit add', 'unit', 'TP', 'add')",
        "CREATE FUNCTION refuse_upgrade() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'no room for the record'; END $$",
        "CREATE TRIGGER refuse_upgrade BEFORE INSERT ON audit_log FOR EACH ROW "
        "WHEN (NEW.action = 'upgrade') EXECUTE FUNCTION refuse_upgrade()",
    )
    result = cli("db", "upgrade", "--db", url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert sql("SELECT version_num FROM alembic_version", db=url) == [("0003",)]
    columns = sql(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'audit_log'", db=url
    )
    assert ("entry_hash",) not in columns
    execute(url, "DROP TRIGGER refuse_upgrade ON audit_log")
    assert cli("db", "upgrade", "--db", url).exit_code == 0
    assert sql("SELECT action FROM audit_log ORDER BY id", db=url) == [("add",), ("upgrade",)]
    assert check(cli, url) == (0, set())
