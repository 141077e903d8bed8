"""Closed periods: once 2021 is reported and closed, nothing may change its figures, by
any path (a command, a correction, any of the imports), unless the clerk says why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from helpers.reliability import fingerprint

pytestmark = pytest.mark.sqlite_only

CANDIDATE_HEADER = (
    "full_name,birth_date,gender,education,unit_code,source_date,class_date,"
    "application_date,vote_date,votes_for,official_members,committee_date,decision_no,"
    "decision_date,decision_unit_code\n"
)


def one(db: Path, sql: str, *params: object):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


def candidate_csv(tmp_path: Path, decided: str) -> Path:
    """A member admitted in ward P01, in the ward that took it over in the 2025 merge."""
    path = tmp_path / f"c{decided.replace('/', '')}.csv"
    row = (
        f"Hà Thị Nhung,15/05/1995,nu,thpt,HACTHANH,01/01/{decided[-4:]},01/02/{decided[-4:]},"
        f"01/03/{decided[-4:]},10/04/{decided[-4:]},10,12,20/04/{decided[-4:]},9-QĐ/TU,"
        f"{decided},P01\n"
    )
    path.write_text(CANDIDATE_HEADER + row, encoding="utf-8")
    return path


def refusals(db: Path, tmp_path: Path) -> dict[str, tuple[str, ...]]:
    """Every way to alter 2021's figures, each as a command line."""
    # A 2021 decision that may move one day earlier without breaking any rule: no other
    # step on the day before, the ceremony well within R18's deadline.
    decision_event, person, day_before = one(
        db,
        "SELECT e.id, e.person_id, strftime('%d/%m/%Y', date(e.occurred_on, '-1 day')) "
        "FROM pipeline_event e JOIN admission a ON a.person_id = e.person_id "
        "WHERE e.step = 'decision' AND a.decision_date BETWEEN '2021-01-02' AND '2021-12-31' "
        "AND julianday(a.ceremony_date) - julianday(a.decision_date) < 20 "
        "AND NOT EXISTS (SELECT 1 FROM pipeline_event o WHERE o.person_id = e.person_id "
        "AND o.id != e.id AND o.occurred_on BETWEEN date(e.occurred_on, '-1 day') "
        "AND e.occurred_on) ORDER BY e.id LIMIT 1",
    )
    moved_unit, other_parent = one(
        db,
        "SELECT u.code, (SELECT code FROM unit o WHERE o.parent_id = u.parent_id "
        "AND o.id != u.id LIMIT 1) FROM unit u JOIN admission a ON a.unit_id = u.id "
        "WHERE a.decision_date BETWEEN '2021-01-01' AND '2021-12-31' LIMIT 1",
    )
    name, kind = one(db, "SELECT name, kind FROM unit WHERE code = ?", moved_unit)
    units = tmp_path / "units.csv"
    units.write_text(
        f"code,name,kind,parent\n{moved_unit},{name},{kind},{other_parent}\n", encoding="utf-8"
    )
    quotas = tmp_path / "quotas.csv"
    quotas.write_text("unit_code,period,source,target\nP01,2021,bo-sung,3\n", encoding="utf-8")
    decided_2021 = candidate_csv(tmp_path, "10/05/2021")
    return {
        "quota set": ("quota", "set", "TP", "2021", "201", "--source", "tinh"),
        "quota import": ("quota", "import", quotas),
        "candidate import": ("candidate", "import", decided_2021),
        "candidate import --dry-run": ("candidate", "import", decided_2021, "--dry-run"),
        "unit import (re-parent)": ("unit", "import", units),
        "unit edit (re-parent)": ("unit", "edit", moved_unit, "--parent", other_parent),
        "decision re-dated": ("candidate", "correct", person, "--event", decision_event)
        + ("--date", day_before, "--reason", "nhầm ngày"),
        "period dates": ("period", "add", "2021", "--start", "01/01/2021", "--end", "30/06/2021"),
    }


def test_closed_period_refuses_every_path_and_writes_nothing(cli, demo_db, tmp_path):
    assert cli("period", "close", "2021").exit_code == 0
    attempts = refusals(demo_db, tmp_path)
    before = fingerprint(demo_db)
    for label, args in attempts.items():
        result = cli(*args)
        assert result.exit_code == 1, (label, result.output)
        last = result.stderr.strip().splitlines()[-1]
        assert "2021" in last and "--reopen" in last, (label, last)
        assert "Traceback" not in result.output
        assert fingerprint(demo_db) == before, label


def test_changes_outside_the_closed_period_go_through(cli, demo_db, tmp_path):
    assert cli("period", "close", "2021").exit_code == 0
    for args in (
        ("quota", "set", "TP", "2022", "260", "--source", "thanh-uy"),
        ("unit", "add", "MOI", "Chi bộ mới", "--kind", "chi-bo-co-so", "--parent", "TINH"),
        ("candidate", "import", candidate_csv(tmp_path, "10/05/2022")),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.output)


def test_a_2022_ceremony_for_a_2021_decision_is_judged_by_2022(cli, demo_db):
    pending = one(
        demo_db,
        "SELECT person_id FROM admission WHERE ceremony_date IS NULL "
        "AND decision_date BETWEEN '2021-12-01' AND '2021-12-31' LIMIT 1",
    )
    if pending is None:
        pytest.skip("the demo data has no December 2021 admission awaiting its ceremony")
    person = pending[0]
    assert cli("period", "close", "2021").exit_code == 0
    assert cli("period", "close", "2022").exit_code == 0
    refused = cli("admission", "ceremony", person, "--date", "05/01/2022")
    assert refused.exit_code == 1 and "2022" in refused.stderr
    assert cli("period", "reopen", "2022", "--reason", "lễ kết nạp ghi muộn").exit_code == 0
    result = cli("admission", "ceremony", person, "--date", "05/01/2022")
    assert result.exit_code == 0, result.output


def test_reopen_with_a_reason_writes_and_is_recorded(cli, demo_db, tmp_path):
    assert cli("period", "close", "2021").exit_code == 0
    args = ("quota", "set", "TP", "2021", "201", "--source", "tinh")
    assert cli(*args).exit_code == 1
    result = cli(*args, "--reopen", "Tỉnh giao bổ sung, công văn 12/TU")
    assert result.exit_code == 0, result.output
    assert one(demo_db, "SELECT target FROM quota q JOIN period p ON p.id = q.period_id "
               "WHERE p.code = '2021' AND q.source = 'tinh'") == (201,)  # fmt: skip
    override = cli.json("audit", "list", "--entity", "period")[-1]
    assert (override["entity_id"], override["action"]) == ("2021", "override")
    assert override["after"] == {
        "reason": "Tỉnh giao bổ sung, công văn 12/TU",
        "touched": ["quota"],
    }
    # Still closed for everyone else.
    assert cli("quota", "set", "TP", "2021", "202", "--source", "tinh").exit_code == 1


def test_period_reopen_opens_it_for_good_and_says_why(cli, demo_db):
    assert cli("period", "close", "2021").exit_code == 0
    assert cli("period", "reopen", "2021").exit_code == 2  # the reason is required
    assert cli("period", "reopen", "2021", "--reason", "báo cáo lại").exit_code == 0
    assert cli("quota", "set", "TP", "2021", "201", "--source", "tinh").exit_code == 0
    closed = {p["code"]: p["closed"] for p in cli.json("period", "list")}
    assert closed["2021"] is False
    last = cli.json("audit", "list", "--entity", "period")[-1]
    assert last["action"] == "reopen" and last["after"]["reason"] == "báo cáo lại"
    assert cli("period", "reopen", "2021", "--reason", "x").exit_code == 1  # not closed
