"""Reports on a small committee whose every figure can be worked out by hand.

R (the committee) has five units: A and B (wards), C and D (enterprises), E (an agency with
no quota). Admissions in 2022, by decision date:
  A: 01/02, 01/03, 01/08 (and 11/11/2021)   quota 4
  B: 15/01, 10/09                           quota 10
  C: 04/04, 05/05                           quota 1
  D: 06/06, 11/11                           quota 2
  E: 10/10                                  no quota
  R: quota 20 (thanh-uy) and 15 (tinh); the term 2021-2022: 12; H1-2022 for A: 2.
Plus candidates still on the way, for the pipeline and deadline reports.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from dangvien_cli.services import rules, workdays
from helpers.templates import from_template

UNITS = [
    ("R", "Đảng bộ Thử", "dang-bo-cap-tren", "", ""),
    ("A", "Đảng bộ phường An", "dang-bo-co-so", "R", "xa-phuong"),
    ("B", "Đảng bộ phường Bình", "dang-bo-co-so", "R", "xa-phuong"),
    ("C", "Chi bộ Công ty Cần", "chi-bo-co-so", "R", "doanh-nghiep"),
    ("D", "Chi bộ Công ty Đông", "chi-bo-co-so", "R", "doanh-nghiep"),
    ("E", "Chi bộ Ủy ban Em", "chi-bo-co-so", "R", "hanh-chinh-su-nghiep"),
]
QUOTAS = [
    ("R", "2022", "thanh-uy", 20),
    ("R", "2022", "tinh", 15),
    ("A", "2022", "thanh-uy", 4),
    ("B", "2022", "thanh-uy", 10),
    ("C", "2022", "thanh-uy", 1),
    ("D", "2022", "thanh-uy", 2),
    ("R", "2021-2022", "thanh-uy", 12),
    ("A", "H1-2022", "thanh-uy", 2),
]
ADMITTED = {
    "A": ["2021-11-11", "2022-02-01", "2022-03-01", "2022-08-01"],
    "B": ["2022-01-15", "2022-09-10"],
    "C": ["2022-04-04", "2022-05-05"],
    "D": ["2022-06-06", "2022-11-11"],
    "E": ["2022-10-10"],
}
# Days from the cell vote to the committee resolution for A's admissions of 2022 (the
# decision of 20/12 has the default 20): 5, 9, 20, 30, median 14.5, mean 16.
A_VOTE_GAPS = {"2022-02-01": 5, "2022-03-01": 9, "2022-08-01": 30}
COLUMNS = (
    "full_name,birth_date,gender,ethnicity,religion,education,professional_education,"
    "occupation,unit_code,youth_union,source_date,class_date,application_date,vote_date,"
    "votes_for,official_members,committee_date,decision_no,decision_date,decision_body,"
    "ceremony_date,exit,exit_date"
).split(",")


def iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def person(n: int, unit: str, **kw: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(COLUMNS, "")
    row.update(
        full_name=f"Nguyễn Văn Thử {n}",
        birth_date="1990-05-20",
        gender="nam",
        ethnicity="Kinh",
        education="thpt",
        occupation="cong-nhan",
        unit_code=unit,
    )
    row.update(kw)
    return row


def admitted(n: int, unit: str, decided: str, *, gap: int = 20, ceremony: bool = True, **kw):
    d = date.fromisoformat(decided)
    committee = d - timedelta(days=20)
    return person(
        n,
        unit,
        source_date=iso(d - timedelta(days=300)),
        class_date=iso(d - timedelta(days=200)),
        application_date=iso(d - timedelta(days=100)),
        vote_date=iso(committee - timedelta(days=gap)),
        votes_for=9,
        official_members=10,
        committee_date=iso(committee),
        decision_no=f"{n}-QĐ/TU",
        decision_date=decided,
        decision_body="Ban Thường vụ",
        ceremony_date=iso(d + timedelta(days=14)) if ceremony else "",
        **kw,
    )


def people() -> list[dict[str, object]]:
    rows, n = [], 0
    for unit, days in ADMITTED.items():
        for decided in days:
            n += 1
            gap = A_VOTE_GAPS.get(decided, 20) if unit == "A" else 20
            rows.append(admitted(n, unit, decided, gap=gap))
    rows[-1].update(gender="nu", ethnicity="Mường", religion="Công giáo")  # E's one admission
    rows += [
        admitted(50, "A", "2022-12-20", ceremony=False),  # decided in 2022, no ceremony yet
        person(  # voted, waiting for the decision
            51,
            "B",
            source_date="2021-06-01",
            class_date="2021-09-01",
            application_date="2022-06-01",
            vote_date="2022-10-03",
            votes_for=9,
            official_members=10,
        ),
        person(52, "C", source_date="2017-06-01", class_date="2018-01-10"),  # old certificate
        person(53, "D", source_date="2022-01-03"),  # sourced, then nothing
        person(54, "D", source_date="2022-02-01", exit="withdrawn", exit_date="2022-04-01"),
    ]
    return rows


def write_csv(path, header, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def small_db(cli):
    from_template("small", lambda folder: load_small(cli, folder))


def load_small(cli, folder) -> None:
    write_csv(folder / "units.csv", ["code", "name", "kind", "parent", "block"], UNITS)
    write_csv(folder / "quotas.csv", ["unit_code", "period", "source", "target"], QUOTAS)
    with (folder / "people.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS)
        writer.writeheader()
        writer.writerows(people())
    steps = [
        ("unit", "import", folder / "units.csv"),
        ("period", "add", "H1-2022", "--start", "2022-01-01", "--end", "2022-06-30"),
        ("quota", "import", folder / "quotas.csv"),
        ("candidate", "import", folder / "people.csv"),
    ]
    for step in steps:
        result = cli(*step)
        assert result.exit_code == 0, result.output


def quota(cli, *args):
    rows = cli.json("report", "quota", *args)
    return {(r.get("unit_code") or r.get("block") or r["row_type"], r["source"]): r for r in rows}


# --- pace and status ------------------------------------------------------------------------


def test_start_of_period_nobody_is_behind(cli, small_db):
    rows = quota(cli, "--period", "2022", "--as-of", "2022-01-01")
    assert rows[("A", "thanh-uy")]["admitted"] == 0
    assert rows[("A", "thanh-uy")]["elapsed_percent"] == round(100 / 365, 1)
    on_pace = [k for k, r in rows.items() if r["status"] == "dung-tien-do"]
    assert sorted(on_pace) == sorted(k for k in rows if k[0] != "E")
    assert rows[("E", None)]["status"] == "chua-giao"
    assert rows[("E", None)]["target"] is None


def test_middle_of_period_on_the_boundary_and_behind(cli, small_db):
    # 2 July 2022 is day 183 of 365: A needs floor(4 × 183/365) = 2 and has 2.
    rows = quota(cli, "--period", "2022", "--as-of", "02/07/2022")
    assert rows[("A", "thanh-uy")]["elapsed_percent"] == 50.1
    assert (rows[("A", "thanh-uy")]["admitted"], rows[("A", "thanh-uy")]["status"]) == (
        2,
        "dung-tien-do",
    )
    assert (rows[("B", "thanh-uy")]["admitted"], rows[("B", "thanh-uy")]["status"]) == (1, "cham")
    assert rows[("C", "thanh-uy")]["status"] == "vuot"
    assert rows[("D", "thanh-uy")]["status"] == "dung-tien-do"
    assert rows[("R", "thanh-uy")]["admitted"] == 6
    assert rows[("R", "thanh-uy")]["status"] == "cham"
    assert rows[("R", "tinh")]["expected"] == round(15 * 183 / 365, 1)


def test_end_of_period(cli, small_db):
    rows = quota(cli, "--period", "2022", "--as-of", "2022-12-31")
    got = {k: (r["admitted"], r["percent"], r["remaining"], r["status"]) for k, r in rows.items()}
    assert got[("A", "thanh-uy")] == (4, 100.0, 0, "dat")  # with the decision of 20/12
    assert got[("B", "thanh-uy")] == (2, 20.0, 8, "cham")
    assert got[("C", "thanh-uy")] == (2, 200.0, 0, "vuot")
    assert got[("D", "thanh-uy")] == (2, 100.0, 0, "dat")
    assert got[("R", "thanh-uy")] == (11, 55.0, 9, "cham")
    assert got[("E", None)] == (1, None, None, "chua-giao")


def test_by_block_groups_the_units_under_the_committee_and_adds_a_total(cli, small_db):
    rows = quota(cli, "--period", "2022", "--as-of", "2022-12-31", "--by", "block")
    assert rows[("xa-phuong", "thanh-uy")]["target"] == 14
    assert rows[("xa-phuong", "thanh-uy")]["admitted"] == 6
    assert rows[("doanh-nghiep", "thanh-uy")]["admitted"] == 4
    agency = rows[("hanh-chinh-su-nghiep", None)]
    assert (agency["admitted"], agency["units"], agency["units_without_quota"]) == (1, 1, 1)
    totals = {k[1]: r for k, r in rows.items() if k[0] == "total"}
    assert {s: (r["target"], r["admitted"]) for s, r in totals.items()} == {
        "thanh-uy": (20, 11),
        "tinh": (15, 11),
    }
    assert totals["tinh"]["units"] == 5


def test_a_term_shows_each_years_share(cli, small_db):
    rows = quota(cli, "--period", "2021-2022", "--as-of", "2022-12-31", "--unit", "A")
    a = rows[("A", None)]
    assert (a["admitted_2021"], a["admitted_2022"], a["admitted"]) == (1, 4, 5)
    top = cli.json("report", "quota", "--period", "2021–2022", "--as-of", "2022-12-31")[0]
    assert (top["unit_code"], top["target"], top["admitted"]) == ("R", 12, 12)


def test_a_named_period_counts_only_its_dates(cli, small_db):
    rows = quota(cli, "--period", "H1-2022", "--as-of", "2022-12-31", "--unit", "A")
    assert (rows[("A", "thanh-uy")]["admitted"], rows[("A", "thanh-uy")]["status"]) == (2, "dat")


def test_unit_and_depth_limit_the_rows(cli, small_db):
    rows = cli.json("report", "quota", "--period", "2022", "--as-of", "2022-12-31", "--depth", "1")
    assert {r["unit_code"] for r in rows} == {"R"}
    sub = cli.json("report", "quota", "--period", "2022", "--unit", "b", "--as-of", "2022-12-31")
    assert [(r["unit_code"], r["depth"], r["parent_code"]) for r in sub] == [("B", 0, "R")]


def test_fail_under_counts_only_listed_units_with_a_quota(cli, small_db):
    args = ("report", "quota", "--period", "2022", "--as-of", "2022-12-31", "--format", "json")
    assert cli(*args, "--unit", "C", "--fail-under", "100").exit_code == 0
    low = cli(*args, "--unit", "B", "--fail-under", "50")
    assert low.exit_code == 3
    assert "1" in low.stderr and "50" in low.stderr
    assert cli(*args, "--unit", "E", "--fail-under", "100").exit_code == 0  # no quota: not below


def test_behind_lists_what_each_unit_needs_per_month(cli, small_db):
    rows = cli.json("report", "behind", "--period", "2022", "--as-of", "2022-07-15")
    got = {(r["unit_code"], r["source"]): r for r in rows}
    assert set(got) == {("B", "thanh-uy"), ("R", "thanh-uy"), ("R", "tinh")}
    b = got[("B", "thanh-uy")]
    # 196 of 365 days gone: B is due floor(10 × 196/365) = 5 and has 1; July to December left.
    assert (b["shortfall"], b["months_left"], b["remaining"]) == (4, 6, 9)
    assert b["needed_per_month"] == 1.5
    assert rows[0]["shortfall"] >= rows[-1]["shortfall"]


# --- composition against quota --------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "as_of", "unit"),
    [("2022", "2022-12-31", None), ("2022", "2022-07-02", "A"), ("2021-2022", "2023-01-01", None)],
)
def test_composition_total_is_the_quota_reports_admitted(cli, small_db, period, as_of, unit):
    scope = ("--unit", unit) if unit else ()
    comp = cli.json("report", "composition", "--period", period, "--as-of", as_of, *scope)
    top = cli.json("report", "quota", "--period", period, "--as-of", as_of, *scope)[0]
    total = next(r for r in comp if r["row"] == "total")
    assert total["current"] == top["admitted"]
    for section in ("occupation", "age", "education"):
        rows = [r for r in comp if r["section"] == section and r["row"] != "age-average"]
        assert sum(r["current"] for r in rows) == total["current"], section


def test_composition_rows_and_the_year_before(cli, small_db):
    rows = {r["row"]: r for r in cli.json("report", "composition", "--period", "2022")}
    assert rows["total"]["current"] == 11
    assert rows["total"]["previous"] == 1  # A's decision of 11/11/2021
    assert rows["total"]["ratio_percent"] == 1100.0
    assert (rows["women"]["current"], rows["ethnic-minority"]["current"]) == (1, 1)
    assert rows["religious"]["current"] == 1
    assert rows["occ-enterprise-worker"]["current"] == 11
    # Born 20/05/1990: 31 before the birthday in 2022, 32 from 20/05/2022 on.
    assert rows["age-31-35"]["current"] == 11
    decided = [d for days in ADMITTED.values() for d in days if d.startswith("2022")]
    ages = [31 if d < "2022-05-20" else 32 for d in [*decided, "2022-12-20"]]
    assert rows["age-average"]["current"] == round(sum(ages) / len(ages), 1)
    assert rows["edu-thpt"]["current"] == 11


# --- deadlines ------------------------------------------------------------------------------


def test_deadlines_name_the_rule_and_the_legal_date(cli, small_db):
    as_of = date(2023, 1, 5)
    rows = cli.json("report", "deadlines", "--as-of", as_of.isoformat(), "--within", "30")
    by_kind: dict[str, list[dict]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r)
    vote = date(2022, 10, 3)
    [decision] = by_kind["decision"]
    assert decision["rule"] == "R17"
    assert decision["deadline"] == workdays.add_working_days(vote, 60).isoformat()
    assert decision["overdue"] is True and decision["days_left"] < 0
    assert "24-QĐ/TW" in decision["source"]
    [cert] = by_kind["certificate"]
    assert (cert["rule"], cert["deadline"]) == ("R8", "2023-01-10")
    assert cert["days_left"] == 5 and cert["overdue"] is False
    # B's admission of 15/01/2022: ceremony 29/01/2022, probation ends 29/01/2023.
    ending = [r for r in by_kind["probation-end"] if r["unit_code"] == "B"]
    assert [r["deadline"] for r in ending] == [rules.probation_end(date(2022, 1, 29)).isoformat()]
    [stalled] = [r for r in by_kind["stalled"] if r["unit_code"] == "D"]
    assert stalled["rule"] is None and stalled["since"] == "2022-01-03"
    ceremony_due = workdays.add_working_days(date(2022, 12, 20), 30)
    assert ("ceremony" in by_kind) == (ceremony_due <= as_of + timedelta(days=30))
    assert [r["deadline"] for r in rows] == sorted(r["deadline"] for r in rows)


def test_official_review_after_probation(cli, small_db):
    rows = cli.json("report", "deadlines", "--as-of", "2023-03-20", "--within", "0")
    review = {r["unit_code"]: r for r in rows if r["kind"] == "official-review"}
    ceremony = date(2022, 1, 29)  # B's first admission
    assert review["B"]["rule"] == "R20"
    assert review["B"]["deadline"] == rules.official_review_deadline(ceremony).isoformat()
    assert review["B"]["since"] == rules.probation_end(ceremony).isoformat()


# --- pipeline ------------------------------------------------------------------------------


def test_pipeline_counts_moves_and_medians(cli, small_db):
    rows = cli.json("report", "pipeline", "--period", "2022", "--as-of", "2022-12-31")
    at = {(r["unit_code"], r["stage"]): r for r in rows}
    assert at[("A", "voted")]["median_days"] == 14.5
    assert at[("R", "recommended")]["advanced"] == 11  # every 2022 decision
    assert at[("R", "admitted")]["now"] == 1  # decided 20/12, no ceremony yet
    assert at[("B", "voted")]["now"] == 1
    # Sourced in 2022 at D: 03/01 (no step since), 01/02 (withdrawn 01/04), 15/01 (admitted
    # 11/11): one of three moved on.
    assert at[("D", "sourced")]["dropped"] == 1
    assert at[("D", "sourced")]["entered"] == 3
    assert at[("D", "sourced")]["conversion_percent"] == 33.3
    assert at[("R", "probationary")]["entered"] == 10
    r_rows = [r for r in rows if r["unit_code"] == "R"]
    assert sum(r["now"] for r in r_rows) == sum(r["now"] for r in rows if r["depth"] == 1)


@pytest.mark.parametrize(("value", "said"), [("-5", "at least 0"), ("nan", "at least 0"),
                                             ("inf", "finite"), ("1e400", "finite")])  # fmt: skip
def test_fail_under_takes_a_finite_percentage(cli, small_db, value, said):
    """A threshold no unit can meet (infinity) or none can miss (nan, negative) would make a
    script's check meaningless: a usage error instead."""
    result = cli("report", "quota", "--period", "2021", "--fail-under", value, "--lang", "en")
    assert result.exit_code == 2
    assert said in result.stderr
