"""The audit trail: every change with who, when, which command, before and after;
append-only in the database itself."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime, timedelta

import pytest


def entries(cli, *args):
    return cli.json("audit", "list", *args)


@pytest.fixture
def small(cli):
    for args in (
        ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
        ("unit", "add", "C1", "Chi bộ 1", "--kind", "chi-bo-co-so", "--parent", "TP"),
    ):
        assert cli(*args).exit_code == 0


def test_a_change_records_who_when_command_before_and_after(cli, small):
    started = datetime.now(UTC) - timedelta(seconds=1)
    assert cli("quota", "set", "TP", "2022", "200", "--source", "tinh").exit_code == 0
    assert (
        cli("--actor", "Lê Bảo", "quota", "set", "TP", "2022", "250", "--source", "tinh").exit_code
        == 0
    )
    quota = entries(cli, "--entity", "quota")
    assert [(e["action"], e["actor"]) for e in quota] == [
        ("add", getpass.getuser()),
        ("update", "Lê Bảo"),
    ]
    update = quota[-1]
    assert update["before"]["target"] == 200 and update["after"]["target"] == 250
    assert "quota set" in update["command"] and "250" in update["command"]
    at = datetime.fromisoformat(update["at"])
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    assert started <= at <= datetime.now(UTC)


def test_every_kind_of_write_leaves_an_entry(cli, small, tmp_path):
    """Units, periods, quotas, people, steps, exceptions, closing: each write is in the trail."""
    writes = [
        ("period", ("period", "add", "Q1-2024", "--start", "01/01/2024", "--end", "31/03/2024")),
        ("quota", ("quota", "set", "C1", "2024", "3")),
        (
            "person",
            (
                "candidate",
                "add",
                "Phạm Thu Hà",
                "--unit",
                "C1",
                "--birth",
                "02/03/1998",
                "--gender",
                "nu",
                "--sourced",
                "01/02/2024",
            ),
        ),  # fmt: skip
        ("period", ("period", "close", "2023")),
        ("period", ("period", "reopen", "2023", "--reason", "thử")),
    ]
    for entity, args in writes:
        before = len(entries(cli, "--entity", entity))
        result = cli(*args)
        assert result.exit_code == 0, result.output
        assert len(entries(cli, "--entity", entity)) > before, args
    actions = [(e["entity_id"], e["action"]) for e in entries(cli, "--entity", "period")]
    assert actions == [("Q1-2024", "add"), ("2024", "add"), ("2023", "add"), ("2023", "close"),
                       ("2023", "reopen")]  # fmt: skip
    person = int(entries(cli, "--entity", "person")[-1]["entity_id"])
    events = entries(cli, "--entity", "pipeline_event")
    assert [e["after"]["person_id"] for e in events] == [person]
    units_csv = tmp_path / "u.csv"
    units_csv.write_text("code,name,kind,parent\nC2,Chi bộ 2,chi-bo-co-so,TP\n", encoding="utf-8")
    assert cli("unit", "import", units_csv).exit_code == 0
    summary = entries(cli, "--entity", "import")[-1]
    assert summary["after"]["new"] == 1
    import hashlib

    assert summary["after"]["sha256"] == hashlib.sha256(units_csv.read_bytes()).hexdigest()


def test_filters_since_and_actor(cli, small):
    assert cli("--actor", "an", "quota", "set", "TP", "2022", "1").exit_code == 0
    assert cli("--actor", "binh", "quota", "set", "TP", "2023", "1").exit_code == 0
    assert {e["actor"] for e in entries(cli, "--actor", "an")} == {"an"}
    assert entries(cli, "--since", "01/01/2199") == []
    today = datetime.now().strftime("%d/%m/%Y")
    assert len(entries(cli, "--since", today)) == len(entries(cli))
    assert len(entries(cli, "--limit", "2")) == 2


def test_ids_and_phones_are_masked_unless_asked(cli, small):
    result = cli(
        "candidate", "add", "Đỗ Minh Quân", "--unit", "C1", "--birth", "05/06/1996",
        "--gender", "nam", "--national-id", "038096012345", "--phone", "0912 345 678",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    masked = cli("audit", "list", "--format", "json")
    assert "038096012345" not in masked.stdout and "345 678" not in masked.stdout
    assert "•••••••••345" in masked.stdout
    table = cli("audit", "list")
    assert "038096012345" not in table.stdout
    shown = cli("audit", "list", "--format", "json", "--show-private")
    assert "038096012345" in shown.stdout


@pytest.mark.parametrize("table", ["audit_log", "pipeline_event"])
def test_the_database_refuses_to_change_history(cli, small, table, db_url):
    """Whoever opens the file (not only dangvien): UPDATE and DELETE are refused."""
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.exc import DBAPIError

    result = cli(
        "candidate", "add", "Vũ Thị Lan", "--unit", "C1", "--birth", "01/01/1999",
        "--gender", "nu",
    )  # fmt: skip
    assert result.exit_code == 0
    engine = create_engine(db_url)
    try:
        for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
            with engine.begin() as conn, pytest.raises(DBAPIError, match="append-only"):
                conn.execute(text(statement))
        columns = ", ".join(
            c["name"] for c in inspect(engine).get_columns(table) if c["name"] != "id"
        )
        with engine.begin() as conn:
            before = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            conn.execute(  # appending is still allowed
                text(
                    f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table} "
                    f"WHERE id = (SELECT min(id) FROM {table})"
                )
            )
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == before + 1
    finally:
        engine.dispose()
