"""Every H rule of DOMAIN.md at its boundary, at the step it governs, through the CLI, under
the 2021 rules (24-QĐ/TW, 01-HD/TW 2021) and the 2025 rules (294-QĐ/TW, 06-HD/TW 2025).

tests/services/test_rules.py checks the rule functions themselves; here the question is
whether each step applies the right rule, on the act's date, cites the document in force
then, refuses without writing anything, and lets a recorded exception through. Deadline
days are the hand-counted ones of test_rules.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import create_engine, insert

from dangvien_cli.db import resolve_url
from dangvien_cli.models import RuleException
from dangvien_cli.vocab import Step
from helpers.world import (
    HOA,
    HUNG,
    MAI,
    PLAN_2021,
    PLAN_2025,
    QD24,
    QD294,
    SON,
    TAM,
    add_candidate,
    build_world,
    officials_on,
    ok,
    refused,
    show,
    walk,
)

HD21 = "01-HD/TW (2021)"
HD25 = "06-HD/TW (2025)"
SETS = pytest.mark.parametrize("year", [2021, 2025])
PLANS = {2021: PLAN_2021, 2025: PLAN_2025}
DOCS = {2021: QD24, 2025: QD294}
# A cell meeting in each period, after the guidance of that period took effect.
MEETING = {2021: date(2021, 11, 15), 2025: date(2025, 9, 15)}


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


def candidate(year, *, birth=date(1988, 4, 4), **kw):
    return add_candidate("Vũ Văn Bình", birth, sourced=date(year, 1, 4), **kw)


def vote(pid, on, votes=None, *extra):
    """The cell vote; by default every official member on the cell's roster agrees (R14)."""
    if votes is None:
        counts = ("--for", officials_on(pid, on))
    else:
        votes_for, members = votes.split("/")
        counts = ("--for", votes_for, "--members", members)
    return ("candidate", "vote", pid, "--date", on.strftime("%d/%m/%Y"), *counts, *extra)


def dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


# R1, R2, R3: age at the cell meeting, in months --------------------------------------------


@SETS
def test_age_18_on_the_day_of_the_meeting(cli, members, year):
    meeting = MEETING[year]
    on_time = candidate(year, birth=meeting.replace(year=meeting.year - 18))
    walk(on_time, PLANS[year], Step.cell_vote, members)
    assert "R1 (" not in ok(cli, *vote(on_time, meeting)).stderr
    # One day short: "đủ 18 tuổi" by day is unconfirmed (DOMAIN 2.1), so a warning only.
    day_short = candidate(year, birth=date(meeting.year - 18, meeting.month, meeting.day + 1))
    walk(day_short, PLANS[year], Step.cell_vote, members)
    assert "R1 (" in ok(cli, *vote(day_short, meeting)).stderr
    month_short = candidate(year, birth=date(meeting.year - 18, meeting.month + 1, meeting.day))
    walk(month_short, PLANS[year], Step.cell_vote, members)
    err = refused(cli, *vote(month_short, meeting))
    assert "R1 (" in err and DOCS[year] in err and "215 tháng" in err


@SETS
def test_over_60_needs_the_provincial_consent_before_the_decision(cli, members, year):
    meeting = MEETING[year]
    sixty = meeting.replace(year=meeting.year - 60)
    exactly = candidate(year, birth=sixty)
    walk(exactly, PLANS[year], Step.cell_vote, members)
    assert "R2 (" not in ok(cli, *vote(exactly, meeting)).stderr
    over = candidate(year, birth=date(sixty.year, sixty.month - 1, sixty.day))  # 721 months
    walk(over, PLANS[year], Step.cell_vote, members)
    # R3: the consent comes before the decision; the cell vote only warns that it is needed.
    warned = ok(cli, *vote(over, meeting)).stderr
    assert "R2 (" in warned and "Ban Thường vụ Tỉnh ủy" in warned
    decided = meeting + timedelta(days=14)
    decide = f"admission record {over} --decision 5-QĐ/TU --date {dmy(decided)}"
    ok(cli, f"candidate recommend {over} --date {dmy(meeting + timedelta(days=7))}")
    err = refused(cli, decide)
    assert "R2 (" in err and DOCS[year] in err and "Ban Thường vụ Tỉnh ủy" in err
    ok(
        cli,
        f"candidate exception {over} --rule r3 --by 'Ban Thường vụ Tỉnh ủy' "
        "--document 77-CV/TU --reason 'Già làng có uy tín, nơi chưa có đảng viên' "
        f"--date {dmy(meeting)}",
    )
    result = ok(cli, decide)
    assert "R3" in result.stderr and "77-CV/TU" in result.stderr
    d = show(cli, over)
    assert d["stage"] == "admitted"
    assert d["timeline"][-1]["detail"]["exceptions"] == ["R3"]
    assert d["exceptions"] == [
        {
            "rule": "R3",
            "approved_by": "Ban Thường vụ Tỉnh ủy",
            "document_no": "77-CV/TU",
            "approved_on": meeting.isoformat(),
            "reason": "Già làng có uy tín, nơi chưa có đảng viên",
        }
    ]
    table = ok(cli, "candidate", "show", over).stdout
    assert "Ngoại lệ đã được chấp thuận" in table and "77-CV/TU" in table
    assert "theo ngoại lệ R3" in table


def test_a_consent_stored_without_its_day_does_not_excuse_the_decision(cli, members):
    """R3 wants the consent before the decision. Older versions stored a consent without
    its day; nothing shows such a consent came first, so it cannot let the decision in."""
    meeting = MEETING[2025]
    over = candidate(2025, birth=meeting.replace(year=meeting.year - 61))
    walk(over, PLANS[2025], Step.cell_vote, members)
    ok(cli, *vote(over, meeting))
    ok(cli, f"candidate recommend {over} --date {dmy(meeting + timedelta(days=7))}")
    engine = create_engine(resolve_url(None))
    with engine.begin() as conn:  # the row as an older version wrote it
        conn.execute(
            insert(RuleException).values(
                person_id=over,
                rule="R3",
                approved_by="Ban Thường vụ Tỉnh ủy",
                document_no="77-CV/TU",
                approved_on=None,
                reason="Già làng có uy tín",
                recorded_at=datetime(2025, 9, 1, tzinfo=UTC),
            )
        )
    engine.dispose()
    decided = meeting + timedelta(days=14)
    err = refused(cli, f"admission record {over} --decision 5-QĐ/TU --date {dmy(decided)}")
    assert "R2 (" in err and QD294 in err


# R4, R5, R6: education --------------------------------------------------------------------


@SETS
def test_education_below_lower_secondary(cli, members, year):
    meeting, hd = MEETING[year], (HD21 if year == 2021 else HD25)
    low = candidate(year, education="tieu-hoc")
    walk(low, PLANS[year], Step.cell_vote, members)
    err = refused(cli, *vote(low, meeting))
    assert "R4 (" in err and DOCS[year] in err
    # R5: primary school suffices in hardship areas.
    result = ok(cli, *vote(low, meeting, None, "--area", "vung-kho-khan"))
    assert "R4 (" not in result.stderr and "R5 (" not in result.stderr
    assert show(cli, low)["timeline"][-1]["detail"]["area_exception"] == "vung-kho-khan"
    # R6: literacy for a respected person, with the provincial consent.
    literate = candidate(year, education="biet-doc-viet")
    walk(literate, PLANS[year], Step.cell_vote, members)
    err = refused(cli, *vote(literate, meeting, None, "--area", "nguoi-co-uy-tin"))
    assert "R6 (" in err and hd in err
    ok(
        cli,
        f"candidate exception {literate} --rule R6 --by 'BTV Tỉnh ủy' --document 12-CV/TU "
        "--reason 'Trưởng bản'",
    )
    ok(cli, *vote(literate, meeting, None, "--area", "nguoi-co-uy-tin"))


# R7, R8: the awareness-class certificate --------------------------------------------------


@SETS
def test_no_certificate_is_refused_at_the_cell_vote(cli, members, year):
    pid = candidate(year)
    plan = {k: v for k, v in PLANS[year].items() if k is not Step.class_passed}
    walk(pid, plan, Step.cell_vote, members)
    err = refused(cli, *vote(pid, MEETING[year]))
    assert "R7 (" in err and (HD21 if year == 2021 else HD25) in err


@pytest.mark.parametrize(
    ("issued", "day_before", "day_of", "doc"),
    [
        (date(2020, 1, 15), date(2025, 1, 14), date(2025, 1, 15), "5 năm"),
        (date(2020, 9, 15), date(2025, 9, 14), date(2025, 9, 15), "06-HD/TW (2025) điểm 5.4"),
    ],
)
def test_certificate_60_months_is_a_warning(cli, members, issued, day_before, day_of, doc):
    plan = {
        Step.class_passed: issued,
        Step.application: date(day_of.year - 1, 3, 1),
        Step.introducers: date(day_of.year - 1, 4, 1),
    }
    for birth_day, meeting, warned in ((5, day_before, False), (6, day_of, True)):
        pid = add_candidate("Vũ Văn Bình", date(1988, 4, birth_day), sourced=date(2019, 6, 1))
        walk(pid, plan, None, members)
        result = ok(cli, *vote(pid, meeting))
        assert ("R8 (" in result.stderr) is warned, result.stderr
        assert (doc in result.stderr) is warned


# R9–R12: introducers ----------------------------------------------------------------------


def introduce(pid, on, *entries, route=None, union=None):
    args = ["candidate", "introducers", pid, "--date", dmy(on)]
    for entry in entries:
        args += ["--introducer-member" if entry[0].isdigit() else "--introducer", entry]
    if route:
        args += ["--route", route]
    if union:
        args += ["--union-document", union]
    return args


@SETS
def test_two_official_members_of_12_months(cli, members, year):
    on = MEETING[year]
    pid = candidate(year)
    walk(pid, PLANS[year], Step.introducers, members)
    hung, mai, son = members[HUNG], members[MAI], members[SON]
    err = refused(cli, *introduce(pid, on, f"{hung}:24"))
    assert "R9 (" in err and "Điều lệ Đảng Điều 4.1" in err and DOCS[year] in err
    err = refused(cli, *introduce(pid, on, f"{hung}:24", f"{mai}:11"))
    assert "R12 (" in err and "11 tháng" in err and DOCS[year] in err
    err = refused(cli, *introduce(pid, on, f"{hung}:24", f"{hung}:24"))
    assert "hai lần" in err
    result = ok(cli, *introduce(pid, on, f"{hung}:24", f"{son}:12"))
    assert "R12 (" not in result.stderr
    intro = show(cli, pid)["timeline"][-1]["detail"]["introducers"]
    assert [(i["member_id"], i["is_official"], i["months_together"]) for i in intro] == [
        (hung, True, 24),
        (son, True, 12),
    ]


@SETS
def test_a_probationary_member_cannot_introduce(cli, members, year):
    pid = candidate(year)
    walk(pid, PLANS[year], Step.introducers, members)
    err = refused(cli, *introduce(pid, MEETING[year], f"{members[HUNG]}:24", f"{members[HOA]}:24"))
    assert "R12 (" in err and "chưa là đảng viên chính thức" in err


def test_an_introducer_counts_as_official_from_the_day_the_roster_says(cli, members):
    # Đỗ Minh Tâm became official on 01/10/2021.
    pid = candidate(2021)
    walk(pid, PLANS[2021], Step.introducers, members)
    tam, hung = members[TAM], members[HUNG]
    refused(cli, *introduce(pid, date(2021, 9, 30), f"{hung}:24", f"{tam}:24"))
    ok(cli, *introduce(pid, date(2021, 10, 1), f"{hung}:24", f"{tam}:24"))


def test_introducers_named_off_the_roster_are_kept_but_flagged(cli, members):
    pid = candidate(2025)
    walk(pid, PLANS[2025], Step.introducers, members)
    result = ok(cli, *introduce(pid, MEETING[2025], "Ngô Văn Lực:30", "Bùi Thị Thu"))
    assert result.stderr.count("R12") == 3  # two unchecked names, one missing month count
    assert "Ngô Văn Lực" in result.stderr
    err = refused(cli, *introduce(pid, MEETING[2025], "9999:20", f"{members[HUNG]}:20"))
    assert "9999" in err


@SETS
def test_union_routes_need_one_official_member(cli, members, year):
    on = MEETING[year]
    young = add_candidate(
        "Vũ Thị Yến",
        date(on.year - 22, 1, 1),
        sourced=date(year, 1, 4),
        youth_union=True,
        gender="nu",
    )
    walk(young, PLANS[year], Step.introducers, members)
    hung, mai = members[HUNG], members[MAI]
    err = refused(cli, *introduce(young, on, f"{hung}:24", f"{mai}:24", route="youth-union"))
    assert "R10 (" in err and DOCS[year] in err
    result = ok(cli, *introduce(young, on, f"{hung}:24", route="youth-union"))
    assert "4-KNĐ" in result.stderr  # the union's resolution is not recorded yet
    worker = candidate(year, trade_union=True)
    walk(worker, PLANS[year], Step.introducers, members)
    result = ok(cli, *introduce(worker, on, f"{hung}:24", route="trade-union", union="03-NQ/CĐ"))
    assert "R11 (" not in result.stderr
    assert any(d["form"] == "4-KNĐ" and d["present"] for d in show(cli, worker)["documents"])


@SETS
def test_no_introducers_no_cell_vote(cli, members, year):
    pid = candidate(year)
    plan = {k: v for k, v in PLANS[year].items() if k is not Step.introducers}
    walk(pid, plan, Step.cell_vote, members)
    err = refused(cli, *vote(pid, MEETING[year]))
    assert "R9 (" in err and "3-KNĐ" in err


# R14, R15: votes --------------------------------------------------------------------------


@SETS
@pytest.mark.parametrize(("exact", "short"), [("6/9", "5/9"), ("2/3", "1/3"), ("10/15", "9/15")])
def test_cell_vote_two_thirds_of_official_members(cli, members, year, exact, short):
    pid = candidate(year, unit="CS")  # a cell with no roster on file: the count is typed
    walk(pid, PLANS[year], Step.cell_vote, members)
    err = refused(cli, *vote(pid, MEETING[year], short))
    assert "R14 (" in err and DOCS[year] in err and short in err
    ok(cli, *vote(pid, MEETING[year], exact))
    assert show(cli, pid)["stage"] == "voted"


@SETS
def test_committee_vote_two_thirds_of_its_members(cli, members, year):
    pid = candidate(year)
    walk(pid, PLANS[year], Step.committee_resolution, members)
    on = dmy(PLANS[year][Step.committee_resolution])
    err = refused(cli, "candidate", "recommend", pid, "--date", on, "--for", "3", "--members", "6")
    assert "R15 (" in err and DOCS[year] in err
    ok(cli, "candidate", "recommend", pid, "--date", on, "--for", "4", "--members", "6")


# R17, R18: the decision and the ceremony ---------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "day_60", "day_61", "doc"),
    [
        (PLAN_2021, date(2021, 11, 29), date(2021, 11, 30), QD24),
        (
            {
                **PLAN_2025,
                Step.cell_vote: date(2025, 9, 15),
                Step.committee_resolution: date(2025, 9, 22),
            },
            date(2025, 12, 8),
            date(2025, 12, 9),
            QD294,
        ),
    ],
)
def test_decision_within_60_working_days(cli, members, plan, day_60, day_61, doc):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, plan, Step.decision, members)
    assert show(cli, pid)["next_deadline"] == day_60.isoformat()
    args = ("admission", "record", pid, "--decision", "5-QĐ/TU")
    err = refused(cli, *args, "--date", dmy(day_61))
    assert "R17 (" in err and doc in err and "61 ngày làm việc" in err
    ok(cli, *args, "--date", dmy(day_60))
    assert cli.json("admission", "list")[0]["decision_date"] == day_60.isoformat()


def test_a_special_case_gets_30_more_working_days(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.decision, members)
    args = ("admission", "record", pid, "--decision", "5-QĐ/TU", "--special")
    refused(cli, *args, "--date", "12/01/2022")
    ok(cli, *args, "--date", "11/01/2022")


@pytest.mark.parametrize(
    ("plan", "day_30", "day_31", "doc"),
    [
        (
            {**PLAN_2021, Step.decision: date(2021, 11, 15)},
            date(2021, 12, 27),
            date(2021, 12, 28),
            QD24,
        ),
        (
            {**PLAN_2025, Step.decision: date(2025, 9, 15)},
            date(2025, 10, 27),
            date(2025, 10, 28),
            QD294,
        ),
    ],
)
def test_ceremony_within_30_working_days(cli, members, plan, day_30, day_31, doc):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, plan, Step.ceremony, members)
    assert show(cli, pid)["next_deadline"] == day_30.isoformat()
    err = refused(cli, "admission", "ceremony", pid, "--date", dmy(day_31))
    assert "R18 (" in err and doc in err
    ok(cli, "admission", "ceremony", pid, "--date", dmy(day_30))


def test_a_late_ceremony_with_the_superior_committees_agreement(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, {**PLAN_2025, Step.decision: date(2025, 9, 15)}, Step.ceremony, members)
    late = ("admission", "ceremony", pid, "--date", "28/10/2025")
    refused(cli, *late)
    # Counted from the day the cell received the decision, it is on time.
    ok(cli, *late, "--received", "17/09/2025")
    other = add_candidate("Vũ Văn Cường", date(1988, 4, 4))
    walk(other, {**PLAN_2025, Step.decision: date(2025, 9, 15)}, Step.ceremony, members)
    ok(
        cli,
        f"candidate exception {other} --rule R18 --by 'Ban Thường vụ Đảng ủy' "
        "--document 45-CV/ĐU --reason 'Bí thư chi bộ ốm'",
    )
    result = ok(cli, "admission", "ceremony", other, "--date", "28/10/2025")
    assert "R18" in result.stderr and "45-CV/ĐU" in result.stderr


# R19–R22: probation and official membership ------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "official", "review_deadline", "doc"),
    [
        (PLAN_2021, date(2022, 11, 15), date(2022, 12, 27), QD24),
        (PLAN_2025, date(2026, 9, 15), date(2026, 10, 27), QD294),
    ],
)
def test_official_exactly_12_months_after_the_ceremony(
    cli, members, plan, official, review_deadline, doc
):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, plan, None, members)
    d = show(cli, pid)
    assert (d["probation_end"], d["next_deadline"]) == (
        official.isoformat(),
        review_deadline.isoformat(),
    )
    for wrong in (official.replace(day=official.day - 1), official.replace(day=official.day + 1)):
        err = refused(cli, "admission", "confirm", pid, "--decision", "9", "--date", dmy(wrong))
        assert "R22 (" in err and doc in err
    err = refused(
        cli,
        "admission",
        "confirm",
        pid,
        "--decision",
        "9",
        "--cell-date",
        dmy(official.replace(day=official.day - 1)),
    )
    assert "R20 (" in err  # the cell cannot review before probation ends
    late = ok(
        cli,
        "admission",
        "confirm",
        pid,
        "--decision",
        "9-QĐ/TU",
        "--cell-date",
        dmy(review_deadline.replace(day=review_deadline.day + 1)),
    )
    assert "R20" in late.stderr  # late, but recognised as of the end of probation (R22)
    assert show(cli, pid)["timeline"][-1]["date"] == official.isoformat()


@pytest.mark.parametrize(
    ("decided", "warned"), [(date(2026, 10, 27), False), (date(2026, 10, 28), True)]
)
def test_the_recognition_decision_within_30_working_days(cli, members, decided, warned):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2025, None, members)
    result = ok(
        cli,
        f"admission confirm {pid} --decision 9-QĐ/ĐU --cell-date 15/09/2026 "
        f"--decided {dmy(decided)}",
    )
    assert ("R21 (" in result.stderr) is warned
    assert "R20 (" not in result.stderr


def test_party_age_runs_from_the_decision(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2025, None, members)
    member = [m for m in cli.json("member", "list") if m["person_id"] == pid][0]
    sheet = cli.json("member", "show", member["id"])
    assert sheet["party_age_from"] == PLAN_2025[Step.decision].isoformat()
    assert sheet["status"] == "probationary"


# The order of dates -----------------------------------------------------------------------


@SETS
def test_steps_dated_out_of_order_are_refused(cli, members, year):
    pid = candidate(year)
    walk(pid, PLANS[year], Step.cell_vote, members)
    before_application = PLANS[year][Step.application].replace(day=1)
    err = refused(cli, *vote(pid, before_application))
    assert "ORDER" in err and "đơn xin vào Đảng" in err
    early = candidate(year)
    err = refused(cli, "candidate", "check", early, "--date", f"03/01/{year}")
    assert "tạo nguồn" in err  # before the person was put on the source list


def test_a_refusal_speaks_english_when_asked(cli, members):
    pid = candidate(2025, unit="CS")
    walk(pid, PLANS[2025], Step.cell_vote, members)
    err = refused(cli, *vote(pid, MEETING[2025], "5/9"), "--lang", "en")
    assert err.startswith("Error: R14 (") and QD294 in err
    assert "5 of 9 official members in favour" in err and "at least 6 needed" in err


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_refusals_dates_are_written_as_the_tables_write_them(cli, members, lang):
    """English once wrote a rule's dates as ISO while its tables wrote dd/mm/yyyy."""
    pid = candidate(2025)
    walk(pid, PLANS[2025], Step.cell_vote, members)
    applied = PLANS[2025][Step.application]
    early = applied.replace(day=1)
    err = refused(cli, *vote(pid, early), "--lang", lang)
    assert dmy(early) in err and dmy(applied) in err
    assert early.isoformat() not in err
