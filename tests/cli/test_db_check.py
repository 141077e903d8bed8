"""db check: the file, impossible records, and deadlines passed, each found by id."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

HEADER = (
    "full_name,birth_date,gender,education,unit_code,source_date,class_date,"
    "application_date,vote_date,votes_for,official_members,committee_date,decision_no,"
    "decision_date,ceremony_date\n"
)
# Decided on Monday 03/06/2024: R18's 30 working days end on Monday 15/07/2024 (no public
# holiday in June or July). Ceremony 01/07/2024: 12 months end on 01/07/2025 and R20's 30
# working days after that on Tuesday 12/08/2025.
ROWS = (
    "Trần Thị Mai,15/05/1995,nu,thpt,C1,01/01/2024,01/03/2024,01/04/2024,10/05/2024,10,12,"
    "20/05/2024,1-QĐ/TU,03/06/2024,\n"
    "Lê Văn Hùng,20/10/1994,nam,thpt,C1,01/01/2024,01/03/2024,01/04/2024,10/05/2024,10,12,"
    "20/05/2024,2-QĐ/TU,03/06/2024,01/07/2024\n"
)


@pytest.fixture
def two_admitted(cli, tmp_path) -> Path:
    for args in (
        ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
        ("unit", "add", "C1", "Chi bộ 1", "--kind", "chi-bo-co-so", "--parent", "TP"),
    ):
        assert cli(*args).exit_code == 0
    path = tmp_path / "two.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    result = cli("candidate", "import", path)
    assert result.exit_code == 0, result.output
    return tmp_path / "dangvien.db"


def findings(cli, *args) -> tuple[int, list[dict]]:
    result = cli("db", "check", "--format", "json", *args)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def person_id(db: Path, name: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM person WHERE full_name = ?", (name,)).fetchone()[0]


@pytest.mark.sqlite_only
def test_deadlines_fall_on_the_documented_days(cli, two_admitted):
    mai, hung = person_id(two_admitted, "Trần Thị Mai"), person_id(two_admitted, "Lê Văn Hùng")
    code, found = findings(cli, "--as-of", "2024-07-15")
    assert (code, found) == (0, [])
    code, found = findings(cli, "--as-of", "2024-07-16")
    assert code == 1
    assert [(f["check"], f["ref"], f["date"]) for f in found] == [
        ("ceremony_overdue", str(mai), "2024-07-15")
    ]
    code, found = findings(cli, "--as-of", "2025-08-13")
    assert {(f["check"], f["ref"], f["date"]) for f in found} == {
        ("ceremony_overdue", str(mai), "2024-07-15"),
        ("official_overdue", str(hung), "2025-08-12"),
    }
    code, found = findings(cli, "--as-of", "2025-08-12")
    assert "official_overdue" not in {f["check"] for f in found}


@pytest.mark.sqlite_only
def test_a_clean_database_passes_in_both_languages(cli, two_admitted):
    vi = cli("db", "check", "--as-of", "2024-07-01")
    en = cli("db", "check", "--as-of", "2024-07-01", "--lang", "en")
    assert (vi.exit_code, en.exit_code) == (0, 0)
    assert "Không phát hiện" in vi.stderr and "No problems" in en.stderr


def seed_faults(db: Path) -> dict[str, set[str]]:
    """Break the demo database in every way db check must see; returns check -> refs."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    adm = [r[0] for r in conn.execute("SELECT person_id FROM admission ORDER BY 1 LIMIT 5")]
    a_dates, a_born, a_dissolved, a_order, a_unit = adm
    unit_of = "(SELECT unit_id FROM admission WHERE person_id = ?)"
    dissolved_unit = conn.execute(unit_of[1:-1], (a_dissolved,)).fetchone()[0]
    faults = [
        (
            "UPDATE admission SET ceremony_date = date(decision_date, '-1 day') "
            "WHERE person_id = ?",
            (a_dates,),
        ),
        (
            "UPDATE person SET birth_date = "
            "(SELECT decision_date FROM admission WHERE person_id = ?) WHERE id = ?",
            (a_born, a_born),
        ),
        (f"UPDATE unit SET dissolved_on = '2000-01-01' WHERE id = {unit_of}", (a_dissolved,)),
        # An official event dated before the decision: steps out of order.
        (
            "INSERT INTO pipeline_event (person_id, step, occurred_on, recorded_at) "
            "SELECT person_id, 'official', date(decision_date, '-10 days'), "
            "'2024-01-01 00:00:00' FROM admission WHERE person_id = ?",
            (a_order,),
        ),
        ("UPDATE admission SET unit_id = 999999 WHERE person_id = ?", (a_unit,)),
        # A person with an admission row and nothing behind it: no vote, no decision event.
        (
            "INSERT INTO person (id, full_name, name_key, given_key, sort_key, youth_union, "
            "trade_union, created_at, updated_at) VALUES (900001, 'X', 'x', 'x', 'x', 0, 0, "
            "'2024-01-01 00:00:00', '2024-01-01 00:00:00')",
            (),
        ),
        (
            "INSERT INTO admission (person_id, unit_id, decision_no, decision_date, "
            "ceremony_date, recorded_at) "
            "VALUES (900001, 1, 'x', '2021-05-05', '2021-05-20', '2024-01-01')",
            (),
        ),
        (
            "INSERT INTO member (id, person_id, unit_id, status, key_position, updated_at) "
            "VALUES (900002, 900003, 1, 'official', 0, '2024-01-01 00:00:00')",
            (),
        ),
    ]
    # A candidate who only passed the class, put on the roster (as a roster file once could).
    trained = conn.execute("SELECT id FROM person WHERE stage = 'trained' ORDER BY id").fetchone()[
        0
    ]
    faults.append(
        (
            "INSERT INTO member (id, person_id, unit_id, status, key_position, admitted_on, "
            "updated_at) SELECT 900004, id, unit_id, 'probationary', 0, '2021-12-01', "
            "'2024-01-01 00:00:00' FROM person WHERE id = ?",
            (trained,),
        )
    )
    for sql, params in faults:
        conn.execute(sql, params)
    in_dissolved = conn.execute(  # everyone admitted in that unit, as the seeding left it
        "SELECT person_id FROM admission WHERE unit_id = ?", (dissolved_unit,)
    ).fetchall()
    its_quotas = conn.execute("SELECT id FROM quota WHERE unit_id = ?", (dissolved_unit,))
    quota_ids = {str(r[0]) for r in its_quotas}
    assert quota_ids  # the demo gives every ward a quota
    conn.close()
    return {
        "admission_dates": {str(a_dates)},
        # The ceremony edited on the row itself: the row no longer says what the events say.
        "admission_differs": {str(a_dates)},
        "born_after_admission": {str(a_born)},
        "admission_unit_dissolved": {str(r[0]) for r in in_dissolved},
        "quota_outside_unit_life": quota_ids,  # dissolved in 2000: its 2021 quota counts nowhere
        "step_order": {str(a_order)},
        "admission_unit_missing": {str(a_unit)},
        "decision_without_vote": {"900001"},
        "admission_without_decision": {"900001"},
        "member_without_person": {"900003"},  # the person id, "Mã số" everywhere
        "roster_missing": {"900001"},  # an admission row with no roster line
        "roster_not_admitted": {str(trained)},
    }


@pytest.mark.sqlite_only
def test_every_seeded_fault_is_found_and_nothing_else(cli, demo_db):
    code, clean = findings(cli, "--as-of", "2021-12-31")
    assert (code, clean) == (0, [])
    expected = seed_faults(demo_db)
    code, found = findings(cli, "--as-of", "2021-12-31")
    assert code == 1
    by_check: dict[str, set[str]] = {}
    for f in found:
        by_check.setdefault(f["check"], set()).add(f["ref"])
    fk = by_check.pop("foreign_key")
    assert by_check == expected
    assert len(fk) == 2  # the roster line without a person, the admission without a unit
    texts = " ".join(f["detail"] for f in found)
    assert "900001" in texts and "Trần" not in texts  # ids, never names


@pytest.mark.sqlite_only
def test_a_damaged_index_fails_integrity(cli, demo_db):
    conn = sqlite3.connect(demo_db)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_unit_name_key ON unit (code)' "
        "WHERE name = 'ix_unit_name_key'"
    )
    conn.commit()
    conn.close()
    result = cli("db", "check", "--as-of", "2021-12-31")
    assert result.exit_code == 1
    # One line: a damaged file, what SQLite found first, and what to do.
    [line] = result.stderr.strip().splitlines()
    assert "ix_unit_name_key" in line and "db restore" in line


def test_the_rules_run_on_every_engine(cli, demo_db):
    code, found = findings(cli, "--as-of", "2021-12-31")
    assert (code, found) == (0, [])
    code, found = findings(cli, "--as-of", "2030-01-01")
    assert code == 1
    assert {f["check"] for f in found} <= {
        "ceremony_overdue",
        "official_overdue",
        "probation_overdue",
    }
    assert {f["severity"] for f in found} == {"overdue"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_findings_at_80_columns_give_the_detail_room(cli, demo_db, monkeypatch, lang):
    """The table name (a code) gives way at 80 columns, so that each finding of the demo
    reads in three lines at most (it took four and more); scripts keep every key."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("COLUMNS", "80")
    found = json.loads(cli("--format", "json", "db", "check").stdout)
    assert found and {"check", "table", "detail"} <= found[0].keys()
    shown = cli("--lang", lang, "db", "check").stdout.splitlines()
    body = [line for line in shown[3:] if line.strip()]
    assert len(body) <= 3 * len(found)
    assert ("Bảng" if lang == "vi" else "Table") not in shown[1]
    assert all(len(line) <= 80 for line in shown)
