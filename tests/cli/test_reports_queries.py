"""No N+1: each report issues the same number of SQL statements whatever the number of units
and candidates (counted on the engine with SQLAlchemy's before_cursor_execute event)."""

from __future__ import annotations

import csv
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

REPORTS = [
    ("quota", "--period", "2021", "--as-of", "2021-12-31"),
    ("quota", "--period", "2021", "--as-of", "2021-06-30", "--by", "block"),
    ("quota", "--period", "2020-2025", "--unit", "TP", "--depth", "2", "--as-of", "2025-06-30"),
    ("behind", "--period", "2021", "--as-of", "2021-06-30"),
    ("pipeline", "--period", "2021"),
    ("pipeline", "--period", "2021", "--unit", "DALAN"),
    ("composition", "--period", "2021", "--unit", "TP"),
    ("deadlines", "--as-of", "2022-01-10", "--unit", "TP"),
]
NEW_UNITS = 30  # each with two cells below it
NEW_PEOPLE_PER_UNIT = 3


@contextmanager
def statements():
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def counts(cli) -> list[int]:
    out = []
    for args in REPORTS:
        with statements() as seen:
            result = cli("report", *args, "--format", "json")
        assert result.exit_code == 0, (args, result.output)
        out.append(len(seen))
    return out


def grow(cli, folder) -> None:
    """Add units, sub-units, quotas and candidates at every stage through the imports."""
    units, quotas, people = [], [], []
    for i in range(NEW_UNITS):
        code = f"NX{i:02d}"
        units.append((code, f"Đảng bộ thêm {i}", "dang-bo-co-so", "TP", "doanh-nghiep"))
        units += [(f"{code}-{j}", f"Chi bộ {j}", "chi-bo-truc-thuoc", code, "") for j in (1, 2)]
        quotas.append((code, "2021", "thanh-uy", 2))
        for k in range(NEW_PEOPLE_PER_UNIT):
            decided = date(2021, 3, 1) + timedelta(days=40 * k + i)
            people.append(person(f"Người Thêm {i} {k}", f"{code}-{1 + k % 2}", decided, k))
    write(folder / "units.csv", ["code", "name", "kind", "parent", "block"], units)
    write(folder / "quotas.csv", ["unit_code", "period", "source", "target"], quotas)
    write(folder / "people.csv", list(people[0]), [list(p.values()) for p in people])
    for kind, name in (("unit", "units"), ("quota", "quotas"), ("candidate", "people")):
        result = cli(kind, "import", folder / f"{name}.csv")
        assert result.exit_code == 0, result.output


def person(name: str, unit: str, decided: date, k: int) -> dict[str, str]:
    """k = 0: admitted; 1: voted, waiting for the decision; 2: sourced only."""
    day = decided.isoformat
    row = {
        "full_name": name,
        "birth_date": "1995-03-03",
        "gender": "nu" if k else "nam",
        "education": "thpt",
        "occupation": "cong-nhan",
        "unit_code": unit,
        "source_date": (decided - timedelta(days=300)).isoformat(),
        "class_date": "",
        "application_date": "",
        "vote_date": "",
        "votes_for": "",
        "official_members": "",
        "committee_date": "",
        "decision_no": "",
        "decision_date": "",
        "ceremony_date": "",
    }
    if k < 2:
        row.update(
            class_date=(decided - timedelta(days=200)).isoformat(),
            application_date=(decided - timedelta(days=100)).isoformat(),
            vote_date=(decided - timedelta(days=40)).isoformat(),
            votes_for="5",
            official_members="6",
        )
    if k == 0:
        row.update(
            committee_date=(decided - timedelta(days=20)).isoformat(),
            decision_no=f"{name}-QĐ",
            decision_date=day(),
            ceremony_date=(decided + timedelta(days=10)).isoformat(),
        )
    return row


def write(path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def city_2021(cli, db_url):
    """The article's city as its files tell it, before the map of 2025 (new units may still
    stand under TP, which that map dissolves)."""
    assert cli("db", "init").exit_code == 0
    for kind, name, *more in (
        ("unit", "units"),
        ("quota", "quotas"),
        ("candidate", "candidates"),
        ("member", "members_dalan", "--unit", "DALAN"),
    ):
        result = cli(kind, "import", EXAMPLES / f"{name}.csv", *more)
        assert result.exit_code == 0, result.output


def test_statement_count_does_not_grow_with_the_data(cli, city_2021, tmp_path):
    before = counts(cli)
    assert max(before) <= 12, before
    grow(cli, tmp_path)
    units = cli.json("unit", "list")
    assert len(units) == 116 + 3 * NEW_UNITS
    grown = cli.json("report", "quota", "--period", "2021", "--as-of", "2021-12-31")
    assert grown[0]["admitted"] == 256 + NEW_UNITS
    assert counts(cli) == before
