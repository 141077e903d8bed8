"""A unit's roster file cannot rewrite what the admission record says, nor go around the
Charter's minimums: a candidate still in the pipeline does not become a member by being on a
roster, a member admitted through dangvien keeps the decision's dates and becomes official
through ``admission official``, and no roster line is official before its probation months
are over (R19, which no higher body can waive)."""

from __future__ import annotations

import json

import pytest

TABLES = ("person", "member", "admission", "pipeline_event", "audit_log")
ROSTER = "id,full_name,birth_date,gender,unit_code,status,admitted_on,official_on\n"


@pytest.fixture
def dalan(demo_db, sql):
    """Two people of the demo's Dạ Lan company: a candidate who passed the class, and a
    probationary member admitted through the pipeline (decision, ceremony on record)."""
    trained = sql(
        "SELECT p.id, p.full_name, p.birth_date, p.gender, u.code FROM person p "
        "JOIN unit u ON u.id = p.unit_id WHERE u.code LIKE 'DALAN%' AND p.stage = 'trained' "
        "ORDER BY p.id LIMIT 1"
    )[0]
    admitted = sql(
        "SELECT p.id, p.full_name, p.birth_date, p.gender, u.code, a.decision_date "
        "FROM person p JOIN admission a ON a.person_id = p.id JOIN unit u ON u.id = p.unit_id "
        "WHERE u.code LIKE 'DALAN%' AND p.stage = 'probationary' ORDER BY p.id LIMIT 1"
    )[0]
    return trained, admitted


def snapshot(sql):
    return {t: sql(f"SELECT * FROM {t} ORDER BY 1") for t in TABLES}


def dmy(value) -> str:
    y, m, d = str(value)[:10].split("-")
    return f"{d}/{m}/{y}"


def line(person, status, admitted, official="") -> str:
    pid, name, birth, gender, code = person[:5]
    return f"{pid},{name},{dmy(birth)},{gender},{code},{status},{admitted},{official}\n"


def refused_rows(cli, sql, tmp_path, text, lang="vi"):
    before = snapshot(sql)
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER + text, encoding="utf-8")
    result = cli("--lang", lang, "member", "import", str(path), "--unit", "DALAN")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    assert snapshot(sql) == before
    return result.stderr.strip().splitlines()[-1]


def test_a_candidate_in_the_pipeline_is_not_made_a_member_by_a_roster(cli, sql, tmp_path, dalan):
    trained, _ = dalan
    last = refused_rows(cli, sql, tmp_path, line(trained, "dự bị", "01/12/2021"), "en")
    assert "line 2" in last and f"{trained[0]}" in last and "admission record" in last


def test_a_roster_keeps_the_decisions_date(cli, sql, tmp_path, dalan):
    _, admitted = dalan
    last = refused_rows(cli, sql, tmp_path, line(admitted, "dự bị", "01/01/2019"))
    assert "dòng 2, cột admitted_on" in last and dmy(admitted[5]) in last


def test_a_roster_does_not_make_a_member_official(cli, sql, tmp_path, dalan):
    """Ten days after the decision, through a roster: R19 and `admission official` skipped."""
    _, admitted = dalan
    decided = dmy(admitted[5])
    text = line(admitted, "chính thức", decided, "01/07/2021")
    last = refused_rows(cli, sql, tmp_path, text, "en")
    assert "line 2, column official_on" in last and "admission official" in last


def test_a_roster_that_agrees_with_the_record_is_taken(cli, sql, tmp_path, dalan):
    _, admitted = dalan
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER + line(admitted, "dự bị", dmy(admitted[5])), encoding="utf-8")
    result = cli("member", "import", str(path), "--unit", "DALAN")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("admitted", "official", "taken"),
    [
        ("01/03/2020", "01/09/2020", False),  # six months: R19
        ("01/03/2020", "28/02/2021", False),  # a day short
        ("01/03/2020", "01/03/2021", True),  # twelve months
        ("01/03/2020", "15/04/2021", True),  # the ceremony may come after the decision
        ("01/03/2010", "01/09/2010", True),  # before the rules on file (2016): not judged
    ],
)
def test_no_roster_line_is_official_before_its_probation_ends(
    cli, sql, tmp_path, demo_db, admitted, official, taken
):
    text = f",Lò Văn Mới,01/01/1990,nam,DALAN.CB1,chính thức,{admitted},{official}\n"
    if taken:
        path = tmp_path / "roster.csv"
        path.write_text(ROSTER + text, encoding="utf-8")
        assert cli("member", "import", str(path), "--unit", "DALAN").exit_code == 0
    else:
        last = refused_rows(cli, sql, tmp_path, text)
        assert "dòng 2, cột official_on" in last and "R19" in last


def test_an_official_date_alone_is_judged_against_the_stored_admission(cli, sql, tmp_path, demo_db):
    path = tmp_path / "roster.csv"
    first = ",Lò Văn Mới,01/01/1990,nam,DALAN.CB1,dự bị,01/03/2020,\n"
    path.write_text(ROSTER + first, encoding="utf-8")
    assert cli("member", "import", str(path), "--unit", "DALAN").exit_code == 0
    [(pid,)] = sql("SELECT id FROM person WHERE full_name = 'Lò Văn Mới'")
    text = f"id,full_name,official_on\n{pid},Lò Văn Mới,01/06/2020\n"
    before = snapshot(sql)
    path.write_text(text, encoding="utf-8")
    result = cli("member", "import", str(path), "--unit", "DALAN")
    assert result.exit_code == 1 and "R19" in result.stderr
    assert snapshot(sql) == before


@pytest.mark.parametrize("reason", ["death", "transferred-out"])
def test_a_member_who_left_the_roster_has_no_deadline_left(cli, sql, dalan, reason):
    """A probationary member who died (or moved out of this committee's tree) was reported
    'official review overdue' in report deadlines and db check for ever after."""
    _, admitted = dalan
    pid, later = admitted[0], "01/12/2022"
    due = [r for r in cli.json("report", "deadlines", "--as-of", later) if r["person_id"] == pid]
    assert due  # the review of the end of probation
    assert str(pid) in cli("db", "check", "--as-of", later, "--format", "csv").stdout
    left = cli("member", "exit", str(pid), "--reason", reason, "--on", "01/12/2021")
    assert left.exit_code == 0, left.output
    rows = cli.json("report", "deadlines", "--as-of", later)
    assert all(r["person_id"] != pid for r in rows)
    found = cli("db", "check", "--as-of", later, "--format", "json")
    assert all(f["ref"] != str(pid) for f in json.loads(found.stdout))


def test_striking_off_a_probationary_member_is_a_step_of_the_record(cli, sql, dalan):
    """`member exit --reason removed` left the admission open (still 'probationary', its
    deadlines running); `admission strike` records it on both."""
    _, admitted = dalan
    pid = str(admitted[0])
    before = snapshot(sql)
    result = cli("--lang", "en", "member", "exit", pid, "--reason", "removed", "--on", "01/12/2021")
    assert result.exit_code == 1 and "admission strike" in result.stderr
    assert snapshot(sql) == before
    assert cli("member", "exit", pid, "--reason", "death", "--on", "01/12/2021").exit_code == 0
