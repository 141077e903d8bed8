"""A unit's dates may not contradict each other or its own admissions (issue 13, point 11):
dissolved before founded, founded after its first admission, dissolved before its last
(nor the periods it holds quotas for: tests/cli/test_map_changes.py).
Refused in `unit edit` and `unit import` alike, in one line or one error row, nothing written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


def iso(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@pytest.fixture
def busy_unit(demo_db, sql) -> tuple[str, date, date]:
    """The unit with most admissions, and its first and last decision dates."""
    [(code, first, last)] = sql(
        "SELECT u.code, min(a.decision_date), max(a.decision_date) FROM admission a "
        "JOIN unit u ON u.id = a.unit_id GROUP BY u.code ORDER BY count(*) DESC, u.code LIMIT 1"
    )
    return code, iso(first), iso(last)


def dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def unit_dates(sql, code: str) -> tuple:
    return sql("SELECT founded_on, dissolved_on FROM unit WHERE code = :c", c=code)[0]


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (lambda first, last: ("--dissolved", dmy(last - timedelta(days=1))), "giải thể"),
        (lambda first, last: ("--founded", dmy(first + timedelta(days=1))), "thành lập"),
        (
            lambda _first, _last: ("--founded", "01/01/2000", "--dissolved", "31/12/1999"),
            "31/12/1999",
        ),
    ],
)
def test_edit_refuses_dates_that_contradict(cli, sql, busy_unit, options, says):
    code, first, last = busy_unit
    before = unit_dates(sql, code)
    [(entries,)] = sql("SELECT count(*) FROM audit_log")
    result = cli("unit", "edit", code, *options(first, last))
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert code in line and says in line
    assert unit_dates(sql, code) == before
    assert sql("SELECT count(*) FROM audit_log") == [(entries,)]


def test_edit_accepts_dates_that_hold_with_the_admissions(cli, sql, busy_unit):
    code, first, last = busy_unit
    # its quota for the next year would be left with no unit (test_map_changes)
    assert cli("quota", "unset", code, str(last.year + 1), "--yes").exit_code == 0
    result = cli("unit", "edit", code, "--founded", dmy(first), "--dissolved", dmy(last))
    assert result.exit_code == 0, result.output
    assert tuple(iso(v) for v in unit_dates(sql, code)) == (first, last)
    # The stored founding date counts when only the dissolution is given later.
    again = cli("unit", "edit", code, "--dissolved", dmy(first - timedelta(days=1)))
    assert again.exit_code == 1


def test_import_refuses_the_same_contradictions_by_row(cli, sql, busy_unit, tmp_path):
    code, first, last = busy_unit
    [(name,)] = sql("SELECT name FROM unit WHERE code = :c", c=code)
    path = tmp_path / "units.csv"
    path.write_text(
        "code,name,founded_on,dissolved_on\n"
        f"{code},{name},,{dmy(last - timedelta(days=1))}\n"
        "MOI,Chi bộ mới,01/01/2020,31/12/2019\n",
        encoding="utf-8",
    )
    before = sql("SELECT code, founded_on, dissolved_on FROM unit ORDER BY code")
    result = cli("unit", "import", path, "--format", "json")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    text = result.stdout + result.stderr
    assert code in text and "MOI" in text
    assert sql("SELECT code, founded_on, dissolved_on FROM unit ORDER BY code") == before
