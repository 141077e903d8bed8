"""The quota report's roll-ups, computed in SQL for the units listed, against a count made
here independently: every admission of the window walked up its parent chain in Python,
from the ``unit`` and ``admission`` tables read with plain SQL.

The tree, built through the real imports (two roots, four levels, sibling codes whose
byte order and case-insensitive order differ)::

    T1 Tỉnh Một            T2 Tỉnh Hai
    ├── H  Huyện Hai        └── T2.1
    │   ├── a2  (own admissions too)
    │   │   └── a2.1
    │   └── B1
    │       ├── B1.x
    │       └── b1.Y
    └── K  Khối (no quota)
        └── K1 (no admissions, no quota)
"""

from __future__ import annotations

import csv
import sqlite3
from collections import defaultdict
from datetime import date, timedelta

import pytest

UNITS = [
    ("T1", "Đảng bộ Tỉnh Một", "dang-bo-cap-tren", "", "khac"),
    ("H", "Đảng bộ Huyện Hai", "dang-bo-cap-tren", "T1", "xa-phuong"),
    ("B1", "Đảng bộ xã Bình", "dang-bo-co-so", "H", "xa-phuong"),
    ("B1.x", "Chi bộ thôn Xuân", "chi-bo-truc-thuoc", "B1", ""),
    ("b1.Y", "Chi bộ thôn Yên", "chi-bo-truc-thuoc", "B1", ""),
    ("a2", "Đảng bộ xã An", "dang-bo-co-so", "H", "xa-phuong"),
    ("a2.1", "Chi bộ thôn Một", "chi-bo-truc-thuoc", "a2", ""),
    ("K", "Đảng bộ Khối doanh nghiệp", "dang-bo-cap-tren", "T1", "doanh-nghiep"),
    ("K1", "Chi bộ Công ty Ka", "chi-bo-co-so", "K", ""),
    ("T2", "Đảng bộ Tỉnh Hai", "dang-bo-cap-tren", "", "khac"),
    ("T2.1", "Chi bộ Tỉnh Hai một", "chi-bo-co-so", "T2", ""),
]
QUOTAS = [
    ("T1", "2022", "tinh", 12),
    ("T1", "2022", "trung-uong", 10),
    ("H", "2022", "tinh", 8),
    ("B1", "2022", "tinh", 3),
    ("a2", "2022", "tinh", 2),
    ("B1.x", "2022", "tinh", 1),
    ("T2", "2022", "trung-uong", 2),
    ("T1", "2021-2023", "tinh", 30),
    ("H", "2021-2023", "tinh", 20),
]
# Decision dates per unit: several years, several levels (a2 and H decide for themselves).
DECISIONS = {
    "B1.x": ["2021-03-10", "2022-02-14", "2022-05-20", "2022-09-09", "2023-04-04"],
    "b1.Y": ["2022-03-03", "2022-11-11", "2024-01-15"],
    "a2": ["2022-06-01", "2023-10-10"],
    "a2.1": ["2021-12-01", "2022-07-07", "2022-08-08"],
    "H": ["2022-04-20"],
    "T2.1": ["2022-01-20", "2023-02-02"],
}
COLUMNS = (
    "full_name,birth_date,gender,education,occupation,unit_code,source_date,class_date,"
    "application_date,vote_date,votes_for,official_members,committee_date,decision_no,"
    "decision_date,decision_body,ceremony_date"
).split(",")


def candidate(n: int, unit: str, decided: str) -> list[object]:
    d = date.fromisoformat(decided)
    committee = d - timedelta(days=20)
    return [
        f"Trần Thị Thử {n}",
        "1992-04-12",
        "nu",
        "thpt",
        "cong-nhan",
        unit,
        (d - timedelta(days=300)).isoformat(),
        (d - timedelta(days=200)).isoformat(),
        (d - timedelta(days=100)).isoformat(),
        (committee - timedelta(days=20)).isoformat(),
        9,
        10,
        committee.isoformat(),
        f"{n}-QĐ/TU",
        decided,
        "Ban Thường vụ",
        (d + timedelta(days=14)).isoformat(),
    ]


def write(path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


@pytest.fixture
def tree_db(cli, tmp_path, sql):
    people = [
        candidate(n, unit, day)
        for n, (unit, day) in enumerate(
            ((u, day) for u, days in DECISIONS.items() for day in days), start=1
        )
    ]
    write(tmp_path / "units.csv", ["code", "name", "kind", "parent", "block"], UNITS)
    write(tmp_path / "quotas.csv", ["unit_code", "period", "source", "target"], QUOTAS)
    write(tmp_path / "people.csv", COLUMNS, people)
    for kind, name in (("unit", "units"), ("quota", "quotas"), ("candidate", "people")):
        result = cli(kind, "import", tmp_path / f"{name}.csv")
        assert result.exit_code == 0, result.output
    assert sql("SELECT count(*) FROM admission") == [(len(people),)]


# --- the independent count ----------------------------------------------------------------


def tree(sql) -> tuple[dict[int, tuple[str, int | None]], dict[str, int]]:
    units = {
        uid: (code, parent) for uid, code, parent in sql("SELECT id, code, parent_id FROM unit")
    }
    return units, {code: uid for uid, (code, _) in units.items()}


def expected_counts(sql, start: str, end: str) -> dict[str, dict[int, int]]:
    """Admissions decided from start to end, per unit code and year, each counted in its
    unit and in every unit above it."""
    units, _ = tree(sql)
    out: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for unit_id, decided in sql("SELECT unit_id, decision_date FROM admission"):
        day = str(decided)[:10]  # ISO text on SQLite, a date on PostgreSQL
        if not start <= day <= end:
            continue
        at: int | None = unit_id
        while at is not None:
            out[units[at][0]][int(day[:4])] += 1
            at = units[at][1]
    return out


def expected_order(sql, top: str | None, depth: int | None) -> list[tuple[str, int, str | None]]:
    """(code, depth, parent code) of the units listed, each before its children, siblings by
    code case-insensitively."""
    units, ids = tree(sql)
    children: dict[int | None, list[int]] = defaultdict(list)
    for uid, (_, parent) in units.items():
        children[parent].append(uid)
    out = []

    def walk(uid: int, level: int) -> None:
        if depth is not None and level >= depth:
            return
        code, parent = units[uid]
        out.append((code, level, units[parent][0] if parent else None))
        for child in sorted(children[uid], key=lambda c: units[c][0].casefold()):
            walk(child, level + 1)

    for uid in [ids[top]] if top else sorted(children[None], key=lambda c: units[c][0].casefold()):
        walk(uid, 0)
    return out


def report(cli, *args: str) -> list[dict]:
    return cli.json("report", "quota", *args)


def by_unit(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["unit_code"]].append(r)
    return out


def listed(rows: list[dict]) -> list[tuple[str, int, str | None]]:
    """The units of a report in their order, once each (a unit has a row per source)."""
    seen: list[tuple[str, int, str | None]] = []
    for r in rows:
        key = (r["unit_code"], r["depth"], r["parent_code"])
        if key not in seen:
            seen.append(key)
    return seen


# --- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1, 2, 3, None])
def test_rollups_at_each_depth_equal_the_independent_count(cli, tree_db, sql, depth):
    args = ["--period", "2022", "--as-of", "2022-12-31"]
    rows = report(cli, *args, *(["--depth", str(depth)] if depth else []))
    expected = expected_counts(sql, "2022-01-01", "2022-12-31")
    assert listed(rows) == expected_order(sql, None, depth)
    for code, unit_rows in by_unit(rows).items():
        assert {r["admitted"] for r in unit_rows} == {sum(expected[code].values())}, code
    top = by_unit(rows)
    # The test data does roll up: the province counts what its wards' cells decided.
    assert top["T1"][0]["admitted"] == 9 and top["T2"][0]["admitted"] == 1


def test_tree_order_is_case_insensitive_by_code(cli, tree_db):
    rows = report(cli, "--period", "2022", "--as-of", "2022-12-31", "--unit", "H")
    codes = [code for code, _, _ in listed(rows)]
    # Byte order would put B1 before a2 and b1.Y before B1.x.
    assert codes == ["H", "a2", "a2.1", "B1", "B1.x", "b1.Y"]


@pytest.mark.parametrize("depth", [None, 2])
def test_a_mid_level_unit_is_the_top_of_its_report(cli, tree_db, sql, depth):
    args = ["--period", "2022", "--as-of", "2022-12-31", "--unit", "h"]
    rows = report(cli, *args, *(["--depth", str(depth)] if depth else []))
    expected = expected_counts(sql, "2022-01-01", "2022-12-31")
    assert listed(rows) == expected_order(sql, "H", depth)
    assert listed(rows)[0] == ("H", 0, "T1")
    for code, unit_rows in by_unit(rows).items():
        assert unit_rows[0]["admitted"] == sum(expected[code].values()), code
    assert by_unit(rows)["H"][0]["admitted"] == 9  # neither T2.1's decisions nor those of 2021


def test_a_window_cut_by_as_of_counts_only_decisions_up_to_that_day(cli, tree_db, sql):
    rows = report(cli, "--period", "2022", "--as-of", "2022-06-30")
    expected = expected_counts(sql, "2022-01-01", "2022-06-30")
    for code, unit_rows in by_unit(rows).items():
        assert unit_rows[0]["admitted"] == sum(expected[code].values()), code
    assert by_unit(rows)["T1"][0]["admitted"] == 5


def test_units_without_admissions_or_quota(cli, tree_db):
    rows = by_unit(report(cli, "--period", "2022", "--as-of", "2022-12-31"))
    assert [(r["source"], r["target"], r["admitted"], r["status"]) for r in rows["K1"]] == [
        (None, None, 0, "chua-giao")
    ]
    assert [(r["source"], r["admitted"], r["status"]) for r in rows["K"]] == [
        (None, 0, "chua-giao")
    ]
    assert [(r["source"], r["target"], r["admitted"], r["status"]) for r in rows["a2"]] == [
        ("tinh", 2, 3, "vuot")
    ]
    assert [(r["source"], r["target"]) for r in rows["T1"]] == [("tinh", 12), ("trung-uong", 10)]
    year_before = by_unit(report(cli, "--period", "2020", "--as-of", "2020-12-31"))
    assert {r[0]["admitted"] for r in year_before.values()} == {0}
    assert len(year_before) == len(UNITS)


def test_a_term_splits_the_admissions_by_year(cli, tree_db, sql):
    rows = report(cli, "--period", "2021-2023", "--as-of", "2023-12-31")
    expected = expected_counts(sql, "2021-01-01", "2023-12-31")
    years = ["admitted_2021", "admitted_2022", "admitted_2023"]
    for code, unit_rows in by_unit(rows).items():
        for r in unit_rows:
            assert [r[k] for k in years] == [expected[code].get(y, 0) for y in (2021, 2022, 2023)]
            assert r["admitted"] == sum(r[k] for k in years)
    t1 = by_unit(rows)["T1"][0]
    assert (t1["source"], t1["target"], [t1[k] for k in years]) == ("tinh", 30, [2, 9, 2])
    header = cli("report", "quota", "--period", "2021-2023", "--format", "csv").stdout
    assert header.splitlines()[0].endswith(",status," + ",".join(years))


def test_blocks_group_the_first_level_and_the_total_is_the_top(cli, tree_db, sql):
    expected = expected_counts(sql, "2022-01-01", "2022-12-31")
    args = ["--period", "2022", "--as-of", "2022-12-31", "--by", "block"]
    rows = report(cli, *args, "--unit", "T1")
    blocks = {(r["row_type"], r["block"], r["source"]): r for r in rows}
    xa = blocks[("block", "xa-phuong", "tinh")]
    assert (xa["units"], xa["units_without_quota"], xa["target"]) == (1, 0, 8)
    assert xa["admitted"] == sum(expected["H"].values())
    dn = blocks[("block", "doanh-nghiep", None)]
    assert (dn["units"], dn["units_without_quota"], dn["admitted"]) == (1, 1, 0)
    total = [r for r in rows if r["row_type"] == "total"]
    assert [(r["source"], r["target"], r["units"]) for r in total] == [
        ("tinh", 12, 2),
        ("trung-uong", 10, 2),
    ]
    assert {r["admitted"] for r in total} == {sum(expected["T1"].values())}
    # Several roots: the roots are the first level, grouped by their own block.
    national = report(cli, *args)
    khac = [r for r in national if r["row_type"] == "block"]
    assert {r["units"] for r in khac} == {2}
    both = sum(expected["T1"].values()) + sum(expected["T2"].values())
    assert {r["admitted"] for r in khac} == {both} == {10}


@pytest.mark.sqlite_only
def test_the_queries_run_on_a_plain_sqlite3_connection(cli, tree_db, tmp_path):
    """The light reader (stdlib sqlite3) and a SQLAlchemy connection give the same rows."""
    from dangvien_cli.db import make_engine, resolve_url
    from dangvien_cli.reader import ConnectionReader, SqliteReader
    from dangvien_cli.services.reports.quota import admitted_rows, unit_rows

    url = resolve_url(None)
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    engine = make_engine(url)
    try:
        (top,) = conn.execute("SELECT id FROM unit WHERE code = 'H'").fetchone()
        (period,) = conn.execute("SELECT id FROM period WHERE code = '2022'").fetchone()
        params = {
            "top": top,
            "depth": None,
            "period_id": period,
            "start": date(2022, 1, 1),
            "end": date(2022, 12, 31),
            "on": date(2022, 12, 31),  # the tree of the window's last day
        }
        with engine.connect() as through_sqlalchemy:
            for query in (unit_rows, admitted_rows):
                plain = sorted(map(tuple, query(SqliteReader(conn), params)), key=repr)
                other = query(ConnectionReader(through_sqlalchemy), params)
                assert plain == sorted(map(tuple, other), key=repr)
                assert plain
    finally:
        conn.close()
        engine.dispose()


def test_the_plain_queries_give_the_dated_queries_rows_while_the_map_is_unchanged(
    cli, tree_db, sql
):
    """The quota report reads the plain parent chain only while the map has never changed
    (services.reports.quota.UNCHANGED_MAP); there, both queries must give the same rows, for
    every scope, depth and window, one year or several. A map change ends the plain path."""
    from dangvien_cli.db import resolve_url
    from dangvien_cli.reader import open_reader
    from dangvien_cli.services.reports.quota import UNCHANGED_MAP, admitted_rows, unit_rows

    _, ids = tree(sql)
    periods = dict(sql("SELECT code, id FROM period"))
    windows = [
        ("2022", date(2022, 1, 1), date(2022, 12, 31), [2022]),
        ("2021-2023", date(2021, 1, 1), date(2023, 12, 31), [2021, 2022, 2023]),
        ("2022", date(2022, 1, 1), date(2022, 6, 30), [2022]),  # cut by --as-of
    ]
    with open_reader(resolve_url(None)) as reader:
        assert reader.scalar(UNCHANGED_MAP, {"on": date(2022, 12, 31)})
        compared = 0
        for code, start, end, years in windows:
            for top in (None, ids["H"], ids["B1.x"]):
                for depth in (None, 1, 2):
                    params = {
                        "top": top,
                        "depth": depth,
                        "period_id": periods[code],
                        "start": start,
                        "end": end,
                        "on": end,
                    }
                    for query, extra in ((unit_rows, {}), (admitted_rows, {"years": years})):
                        plain = query(reader, params, plain=True, **extra)
                        dated = query(reader, params, plain=False, **extra)
                        assert sorted(map(tuple, plain), key=repr) == sorted(
                            map(tuple, dated), key=repr
                        ), (query.__name__, code, top, depth)
                        compared += bool(plain)
        assert compared > 30

    result = cli("unit", "rename", "a2", "--name", "Đảng bộ xã An Mới", "--on", "01/07/2023")
    assert result.exit_code == 0, result.output
    with open_reader(resolve_url(None)) as reader:
        assert not reader.scalar(UNCHANGED_MAP, {"on": date(2022, 12, 31)})
