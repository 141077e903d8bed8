"""Issue 12, "the record stays true", through the CLI: acts are facts, exceptions only where
the rules give a route, every breach at once, the roster's denominator, one person one
identity, no silent statistics, each rule at its own step."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from dangvien_cli.vocab import Step
from helpers.world import (
    PLAN_2021,
    PLAN_2025,
    add_candidate,
    build_world,
    ok,
    refused,
    session,
    show,
    walk,
)

TODAY = date.today()


def dmy(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


def recent_plan() -> dict[object, date]:
    """A candidate's steps in the last year and a half, ending with a ceremony 40 days ago."""
    back = TODAY - timedelta(days=40)
    return {
        Step.class_passed: back - timedelta(days=300),
        Step.application: back - timedelta(days=280),
        "2-KNĐ": back - timedelta(days=270),
        Step.introducers: back - timedelta(days=250),
        Step.background_check: back - timedelta(days=240),
        "5-KNĐ": back - timedelta(days=230),
        Step.cell_vote: back - timedelta(days=30),
        Step.committee_resolution: back - timedelta(days=25),
        Step.decision: back - timedelta(days=20),
        Step.ceremony: back,
    }


def recent_candidate(**kw) -> int:
    return add_candidate("Vũ Văn Bình", date(1990, 4, 4), sourced=TODAY - timedelta(days=400), **kw)


# 1. Acts are facts ---------------------------------------------------------------------------


def test_no_step_may_be_dated_after_today(cli, members, tmp_path):
    tomorrow = dmy(TODAY + timedelta(days=1))
    pid = recent_candidate()
    plan = recent_plan()
    walk(pid, plan, Step.cell_vote, members)
    err = refused(cli, f"candidate vote {pid} --date {tomorrow} --for 3 --members 3")
    assert tomorrow in err and "--date" in err
    refused(cli, f"candidate apply {pid} --date {tomorrow}")
    fresh = recent_candidate()
    refused(cli, f"candidate class-result {fresh} --date {tomorrow}")
    refused(
        cli,
        f"candidate add 'Lê Thị Na' --unit CB --birth 01/01/1995 --gender nu --sourced {tomorrow}",
    )
    # the class's own results command, and an exception's approval date
    start, end = dmy(TODAY - timedelta(days=5)), dmy(TODAY + timedelta(days=2))
    ok(cli, f"class add LOP1 'Lớp 1' --start {start} --end {end} --organizer 'TTCT'")
    ok(cli, f"class enroll LOP1 {fresh}")
    refused(cli, f"class results LOP1 --passed {fresh} --date {tomorrow}")
    refused(
        cli,
        f"candidate exception {pid} --rule R18 --by 'Đảng ủy' --document 1-CV --reason x "
        f"--date {tomorrow}",
    )


def test_decision_ceremony_and_their_dates_cannot_be_in_the_future(cli, members):
    tomorrow = TODAY + timedelta(days=1)
    pid = recent_candidate()
    plan = recent_plan()
    walk(pid, plan, Step.decision, members)
    refused(cli, f"admission record {pid} --decision 1-QĐ --date {dmy(tomorrow)}")
    refused(
        cli,
        f"admission record {pid} --decision 1-QĐ --date {dmy(plan[Step.decision])} "
        f"--ceremony {dmy(tomorrow)}",
    )
    ok(cli, f"admission record {pid} --decision 1-QĐ --date {dmy(plan[Step.decision])}")
    err = refused(
        cli,
        f"admission ceremony {pid} --date {dmy(plan[Step.ceremony])} --received {dmy(tomorrow)}",
    )
    assert "--received" in err


def test_official_recognition_waits_for_the_end_of_probation(cli, members):
    pid = recent_candidate()
    walk(pid, recent_plan(), "end", members)
    end = recent_plan()[Step.ceremony].replace(year=recent_plan()[Step.ceremony].year + 1)
    err = refused(cli, f"admission confirm {pid} --decision 9-QĐ")
    assert "R19" in err and dmy(end) in err
    # a date of today does not get around it: the months still run on the day recorded
    refused(cli, f"admission confirm {pid} --decision 9-QĐ --date {dmy(TODAY)}")
    assert show(cli, pid)["stage"] == "probationary"
    assert cli.json("member", "list", "--unit", "CB", "--status", "official")  # others stay


def test_an_import_with_a_future_step_is_refused(cli, members, tmp_path):
    tomorrow = dmy(TODAY + timedelta(days=1))
    path = tmp_path / "c.csv"
    path.write_text(
        f"full_name,birth_date,unit_code,source_date\nLê Văn Tới,01/01/1990,CB,{tomorrow}\n",
        encoding="utf-8",
    )
    result = cli("candidate", "import", path, "--format", "json")
    assert result.exit_code == 1 and tomorrow in result.stdout
    roster = tmp_path / "m.csv"
    roster.write_text(
        f"full_name,birth_date,unit_code,admitted_on\nLê Văn Sau,01/01/1990,CB,{tomorrow}\n",
        encoding="utf-8",
    )
    result = cli("member", "import", roster, "--unit", "DB", "--format", "json")
    assert result.exit_code == 1 and tomorrow in result.stdout


# 2. Exceptions only where the rules give a route ------------------------------------------


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("R1", "18"),
        ("R9", "Điều 4.1"),
        ("R14", "2/3"),
        ("R19", "12 tháng"),
        ("R22", "Điều 5.3"),
        ("R2", "R3"),
        ("R7", "giấy chứng nhận"),
    ],
)
def test_a_charter_minimum_takes_no_exception(cli, members, rule, why):
    pid = recent_candidate()
    err = refused(
        cli, f"candidate exception {pid} --rule {rule} --by 'BTV Thành ủy' --document 1 --reason x"
    )
    assert rule in err and why in err


def test_a_waiver_stored_by_an_older_version_waives_nothing(cli, members):
    young = add_candidate("Vũ Văn Trẻ", date(2008, 1, 1), sourced=date(2025, 1, 2))
    walk(young, PLAN_2025, Step.cell_vote, members)
    from dangvien_cli.models import RuleException

    with session() as s:
        s.add(
            RuleException(
                person_id=young, rule="R1", approved_by="BTV", document_no="1", reason="cũ"
            )
        )
    err = refused(cli, f"candidate vote {young} --date 01/09/2025 --for 4")
    assert "R1 (" in err


def test_the_rules_with_a_route_take_their_exception(cli, members):
    pid = recent_candidate()
    for rule in ("R3", "R6", "R12", "R17", "R18", "R21"):
        ok(
            cli,
            f"candidate exception {pid} --rule {rule} --by 'BTV Tỉnh ủy' --document 1-CV "
            "--reason 'có văn bản' --date 02/01/2025",
        )


# 4. Every breach at once -----------------------------------------------------------------


def young_and_outvoted(members) -> tuple[int, str]:
    young = add_candidate("Vũ Văn Trẻ", date(2008, 1, 1), sourced=date(2025, 1, 2))
    walk(young, PLAN_2025, Step.cell_vote, members)
    return young, f"candidate vote {young} --date 01/09/2025 --for 1"


def test_a_refusal_names_every_rule_on_one_line(cli, members):
    _young, command = young_and_outvoted(members)
    err = refused(cli, command)  # refused() asserts a single line
    assert "R1 (" in err and "R14 (" in err and "(+" not in err


def test_at_a_terminal_the_broken_rules_are_a_list(members):
    _young, command = young_and_outvoted(members)
    leader, follower = pty.openpty()
    exe = Path(sys.executable).with_name("dangvien")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    try:
        proc = subprocess.run(
            [str(exe), *command.split()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=follower,
            env=env,
            timeout=60,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    text = b"".join(chunks).decode()
    assert proc.returncode == 1
    lines = [line for line in text.splitlines() if line.strip()]
    assert "2" in lines[0]
    assert any(line.lstrip().startswith("• R1 (") for line in lines[1:])
    assert any(line.lstrip().startswith("• R14 (") for line in lines[1:])


# 3. The denominator is the roster's ------------------------------------------------------


def test_a_typed_count_must_agree_with_the_cell_roster(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.cell_vote, members)
    # Đỗ Minh Tâm became official on 01/10/2021: the roster counts 3 the day before, 4 that day.
    err = refused(cli, f"candidate vote {pid} --date 30/09/2021 --for 3 --members 4")
    assert "R14 (" in err and "4" in err and "3 đảng viên chính thức" in err
    err = refused(cli, f"candidate vote {pid} --date 30/09/2021 --for 5 --members 6")
    assert "6" in err and "có 3" in err
    ok(cli, f"candidate vote {pid} --date 01/10/2021 --for 3 --members 4")
    vote = [e for e in show(cli, pid)["timeline"] if e["step"] == "cell-vote"][0]
    assert vote["detail"] == {"votes_for": 3, "official_members": 4}


def test_without_members_the_roster_gives_the_count(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.cell_vote, members)
    err = refused(cli, f"candidate vote {pid} --date 06/09/2021 --for 1")
    assert "1/3" in err  # 1 of the 3 official members on the roster that day
    ok(cli, f"candidate vote {pid} --date 06/09/2021 --for 2")
    vote = [e for e in show(cli, pid)["timeline"] if e["step"] == "cell-vote"][0]
    assert vote["detail"]["official_members"] == 3


def test_a_cell_without_a_roster_needs_the_typed_count(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4), unit="CS")
    walk(pid, PLAN_2021, Step.cell_vote, members)
    err = refused(cli, f"candidate vote {pid} --date 06/09/2021 --for 6")
    assert "--members" in err
    ok(cli, f"candidate vote {pid} --date 06/09/2021 --for 6 --members 9")


# 5. One person, one identity -------------------------------------------------------------

BINH_ID = "038088123456"  # Thanh Hóa, a man born in 1988 (R29)


def admitted_binh(cli, members) -> int:
    pid = int(
        ok(
            cli,
            f"candidate add 'Vũ Văn Bình' --unit CB --birth 04/04/1988 --gender nam "
            f"--national-id {BINH_ID} --ethnicity Kinh --sourced 01/03/2021",
        ).stdout
    )
    walk(pid, PLAN_2021, "end", members)
    return pid


def test_candidate_add_refuses_a_national_id_of_someone_else(cli, members):
    pid = admitted_binh(cli, members)
    err = refused(
        cli,
        f"candidate add 'Lê Văn Khác' --unit CS --birth 04/04/1988 --gender nam "
        f"--national-id {BINH_ID}",
    )
    assert "Vũ Văn Bình" in err and str(pid) in err and "04/04/1988" in err
    assert "Lê Văn Khác" in err


def test_an_import_never_renames_or_moves_a_person(cli, members, tmp_path):
    pid = admitted_binh(cli, members)
    rename = tmp_path / "rename.csv"
    rename.write_text(
        "full_name,birth_date,gender,national_id,unit_code,source_date\n"
        f"Lê Văn Khác,04/04/1988,nam,{BINH_ID},CS,01/03/2021\n",
        encoding="utf-8",
    )
    result = refused_import(cli, "candidate", "import", rename)
    assert "Vũ Văn Bình" in result and "Lê Văn Khác" in result and str(pid) in result
    move = tmp_path / "move.csv"
    move.write_text(
        "full_name,birth_date,gender,national_id,unit_code,source_date\n"
        f"Vũ Văn Bình,04/04/1988,nam,{BINH_ID},CS,01/03/2021\n",
        encoding="utf-8",
    )
    result = refused_import(cli, "candidate", "import", move)
    assert "CB" in result and "CS" in result
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"full_name,birth_date,national_id,unit_code\nLê Văn Khác,04/04/1988,{BINH_ID},CB\n",
        encoding="utf-8",
    )
    result = refused_import(cli, "member", "import", roster, "--unit", "DB")
    assert "Vũ Văn Bình" in result and "Lê Văn Khác" in result
    roster.write_text(
        f"full_name,birth_date,national_id,unit_code\nVũ Văn Bình,04/04/1988,{BINH_ID},CS\n",
        encoding="utf-8",
    )
    result = refused_import(cli, "member", "import", roster, "--unit", "TP")
    assert "CB" in result and "CS" in result
    d = show(cli, pid)
    assert d["full_name"] == "Vũ Văn Bình" and d["unit_code"] == "CB"


def test_a_name_differing_only_by_a_tone_is_another_person(cli, members, tmp_path):
    """Bình and Bính are two names: a CCCD row spelled with other tones is a conflict; a
    legacy file's name written without any diacritics is read as the same name."""
    pid = admitted_binh(cli, members)
    tone = tmp_path / "tone.csv"
    tone.write_text(
        "full_name,birth_date,gender,national_id,unit_code,source_date\n"
        f"Vũ Văn Bính,04/04/1988,nam,{BINH_ID},CB,01/03/2021\n",
        encoding="utf-8",
    )
    result = refused_import(cli, "candidate", "import", tone)
    assert "Vũ Văn Bình" in result and "Vũ Văn Bính" in result and str(pid) in result
    plain = tmp_path / "plain.csv"
    plain.write_text(
        f"full_name,birth_date,national_id,unit_code\nVU VAN BINH,04/04/1988,{BINH_ID},CB\n",
        encoding="utf-8",
    )
    result = cli("member", "import", plain, "--unit", "DB", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 0
    assert show(cli, pid)["full_name"] == "Vũ Văn Bình"  # never renamed to the plain spelling


def refused_import(cli, *args) -> str:
    """An import refused as a whole: exit 1, nothing written; its errors as one text."""
    from helpers.world import snapshot

    before = snapshot()
    result = cli(*args, "--format", "json")
    assert result.exit_code == 1, result.output
    assert snapshot() == before
    return result.stdout + result.stderr


# 6. No silent statistics -----------------------------------------------------------------


def test_a_missing_ethnicity_is_unknown_and_counted_as_such(cli, members):
    added = cli(
        "candidate", "add", "Vũ Văn Bình", "--unit", "CB", "--birth", "04/04/1988",
        "--gender", "nam", "--sourced", "04/01/2025",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "--ethnicity" in added.stderr and "--religion" in added.stderr
    pid = int(added.stdout)
    d = show(cli, pid)
    assert d["ethnicity"] is None and d["religion"] is None
    walk(pid, PLAN_2025, Step.ceremony, members)
    ok(cli, "period add 2025 --start 01/01/2025 --end 31/12/2025")
    rows = {r["row"]: r for r in cli.json("report", "composition", "--period", "2025")}
    assert rows["total"]["current"] == 1
    assert rows["ethnicity-not-stated"]["current"] == 1
    assert rows["ethnic-minority"]["current"] == 0
    assert rows["religion-not-stated"]["current"] == 1
    table = ok(cli, "report composition --period 2025").stdout
    assert "Chưa ghi dân tộc" in table


def test_a_quota_without_a_source_says_which_it_took(cli, members, tmp_path):
    ok(cli, "period add 2025 --start 01/01/2025 --end 31/12/2025")
    # Named as the tables name it ("cấp trên"), not by its code.
    assert "“cấp trên”" in ok(cli, "quota set CB 2025 5").stderr
    assert "cấp trên" not in ok(cli, "quota set CB 2025 6 --source dai-hoi").stderr
    path = tmp_path / "q.csv"
    path.write_text("unit_code,period,target\nCB,2025,7\n", encoding="utf-8")
    result = cli("quota", "import", path)
    assert result.exit_code == 0 and "“cấp trên”" in result.output


# 7. Each rule at its own step ------------------------------------------------------------


def test_only_the_upper_committee_or_an_authorised_one_decides(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.decision, members)
    decide = f"admission record {pid} --decision 1-QĐ --date 08/11/2021 --decided-by"
    err = refused(cli, f"{decide} DB")  # the grassroots committee, not authorised
    assert "R16 (" in err and "TP" in err
    err = refused(cli, f"{decide} CS")  # an unrelated cell
    assert "R16 (" in err
    refused(cli, "unit edit CB --admits-from 01/01/2021 --admits-document 5-QĐ/TU")
    refused(cli, "unit edit DB --admits-from 01/01/2021")  # the document is needed
    ok(cli, "unit edit DB --admits-from 09/11/2021 --admits-document 5-QĐ/TU")
    assert cli.json("unit", "show", "DB")["admits_from"] == "2021-11-09"
    refused(cli, f"{decide} DB")  # authorised only from the day after the decision
    ok(cli, "unit edit DB --admits-from 01/11/2021 --admits-document 5-QĐ/TU")
    ok(cli, f"{decide} DB")
    assert show(cli, pid)["timeline"][-1]["detail"]["decided_by"] == "DB"


def test_the_upper_committee_may_always_decide(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.decision, members)
    ok(cli, f"admission record {pid} --decision 1-QĐ --date 08/11/2021 --decided-by tp")
    assert show(cli, pid)["timeline"][-1]["detail"]["decided_by"] == "TP"


def test_8_knd_only_where_a_grassroots_committee_stands_above(cli, members):
    in_cell = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    in_grassroots_cell = add_candidate("Vũ Văn An", date(1988, 4, 4), unit="CS")
    assert "8-KNĐ" in [d["form"] for d in show(cli, in_cell)["documents"]]
    assert "8-KNĐ" not in [d["form"] for d in show(cli, in_grassroots_cell)["documents"]]


def test_the_next_step_hint_names_whose_deadline_it_shows(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.committee_resolution, members)
    d = show(cli, pid)
    assert (d["next_step"], d["next_deadline_of"], d["next_rule"]) == (
        "committee-resolution",
        "decision",
        "R17",
    )
    sheet = ok(cli, f"candidate show {pid}").stdout
    assert "Bước tiếp theo: nghị quyết đảng ủy; hạn (quyết định kết nạp):" in sheet
    fresh = add_candidate("Vũ Văn An", date(1988, 4, 4))
    walk(fresh, PLAN_2021, Step.cell_vote, members)
    assert show(cli, fresh)["next_deadline_of"] == "certificate"


# 10. Names in the order Vietnamese lists use ------------------------------------------------


def test_hoa_and_hoa_with_a_grave_never_interleave(cli, members, tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(
        "full_name,birth_date,unit_code,status\n"
        "Trần Thị Hòa,01/01/1980,CB,chính thức\n"
        "Nguyễn Văn Hoa,01/01/1981,CB,chính thức\n"
        "Bùi Văn Hòa,01/01/1982,CB,chính thức\n"
        "Lê Xuân Hoa,01/01/1983,CB,chính thức\n",
        encoding="utf-8",
    )
    ok(cli, "member", "import", roster, "--unit", "DB")
    names = [r["full_name"] for r in cli.json("member", "list", "--unit", "CB")]
    hoa = [n for n in names if n.split()[-1] in ("Hoa", "Hòa")]
    assert hoa == ["Phạm Thị Hoa", "Nguyễn Văn Hoa", "Lê Xuân Hoa", "Trần Thị Hòa", "Bùi Văn Hòa"]


# 11. A roster-only member shows a member sheet --------------------------------------------


def test_candidate_show_on_a_roster_member_shows_the_member(cli, members):
    from helpers.world import HUNG

    member_id = members[HUNG]
    person = cli.json("member", "show", member_id)["person_id"]
    result = ok(cli, "candidate", "show", person)
    assert "Bí thư chi bộ" in result.stdout and "✘" not in result.stdout
    assert str(member_id) in result.stderr
    sheet = cli.json("candidate", "show", person)
    assert sheet["status"] == "official" and sheet["position"] == "Bí thư chi bộ"


# 8. Reports as of a day are as of that day -----------------------------------------------


def test_report_pipeline_as_of_counts_the_stages_of_that_day(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))  # sourced 01/03/2021
    walk(pid, PLAN_2021, "end", members)  # ceremony 15/11/2021
    ok(cli, "period add 2021 --start 01/01/2021 --end 31/12/2021")

    def at(as_of: str) -> dict[str, dict]:
        rows = cli.json("report", "pipeline", "--period", "2021", "--as-of", as_of, "--unit", "CB")
        return {r["stage"]: r for r in rows if r["unit_code"] == "CB"}

    april = at("2021-04-01")
    assert april["sourced"]["now"] == 1 and april["probationary"]["now"] == 0
    assert april["sourced"]["entered"] == 1 and april["sourced"]["conversion_percent"] == 0.0
    october = at("2021-10-01")
    assert october["recommended"]["now"] == 1 and october["sourced"]["now"] == 0
    assert october["sourced"]["conversion_percent"] == 100.0
    year_end = at("2021-12-31")
    assert year_end["probationary"]["now"] == 1 and year_end["recommended"]["now"] == 0
    assert sum(r["now"] for r in year_end.values()) == 1


def test_three_failed_recognition_votes_are_reported_up(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, "end", members)  # ceremony 15/11/2021: probation ends 15/11/2022
    err = refused(cli, f"admission not-recognised {pid} --date 14/11/2022 --reason x")
    assert "R20 (" in err
    for n, day in enumerate(("01/12/2022", "01/01/2023"), start=1):
        result = ok(cli, f"admission not-recognised {pid} --date {day} --reason 'chưa đủ'")
        assert "R23" not in result.stderr
        assert show(cli, pid)["failed_recognitions"] == n
    assert show(cli, pid)["report_up"] is False
    third = ok(cli, f"admission not-recognised {pid} --date 01/02/2023 --reason 'chưa đủ'")
    assert "R23 (" in third.stderr and "3" in third.stderr
    d = show(cli, pid)
    assert d["report_up"] is True and d["stage"] == "probationary"
    assert "R23: chi bộ đã 3 lần" in ok(cli, f"candidate show {pid}").stdout


def test_the_member_record_within_30_working_days_is_a_deadline(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4), sourced=date(2025, 1, 2))
    walk(pid, PLAN_2025, "end", members)  # ceremony 15/09/2025

    def due(as_of: str) -> list[dict]:
        rows = cli.json("report", "deadlines", "--as-of", as_of, "--unit", "CB", "--within", "60")
        return [r for r in rows if r["kind"] == "member-record" and r["person_id"] == pid]

    [row] = due("2025-09-20")
    assert (row["rule"], row["since"]) == ("R25", "2025-09-15")
    assert row["deadline"] == "2025-10-27"  # 30 working days: six whole weeks, no holiday
    assert "12-HD/BTCTW" in row["source"]
    ok(cli, f"candidate dossier {pid} 1-HSĐV --date 01/10/2025")
    assert due("2025-09-20") == []


def test_an_imported_cell_vote_counts_the_roster_too(cli, members, tmp_path):
    header = (
        "full_name,birth_date,gender,unit_code,source_date,class_date,application_date,"
        "vote_date,votes_for,official_members\n"
    )
    steps = "01/03/2021,15/04/2021,10/05/2021,06/09/2021"
    path = tmp_path / "c.csv"
    path.write_text(header + f"Lê Văn Nhập,01/01/1990,nam,CB,{steps},6,9\n", encoding="utf-8")
    # a past vote the roster of today may not describe: a warning, where the command refuses
    warned = ok(cli, "candidate", "import", path, "--dry-run").output
    assert "R14" in warned
    path.write_text(header + f"Lê Văn Nhập,01/01/1990,nam,CB,{steps},3,\n", encoding="utf-8")
    ok(cli, "candidate", "import", path)
    [pid] = [r["id"] for r in cli.json("candidate", "list", "-s", "Lê Văn Nhập")]
    vote = [e for e in show(cli, pid)["timeline"] if e["step"] == "cell-vote"][0]
    assert vote["detail"] == {"votes_for": 3, "official_members": 3}


def test_the_over_60_consent_must_come_before_the_decision(cli, members):
    over = add_candidate("Vũ Văn Già", date(1961, 1, 1), sourced=date(2021, 3, 1))
    walk(over, PLAN_2021, Step.decision, members)  # 60 years 8 months at the vote of 06/09
    ok(
        cli,
        f"candidate exception {over} --rule R3 --by 'Ban Thường vụ Tỉnh ủy' --document 9-CV/TU "
        "--reason 'Người có uy tín' --date 09/11/2021",
    )
    decide = f"admission record {over} --decision 1-QĐ --date 08/11/2021"
    err = refused(cli, decide)  # the consent is dated the day after the decision
    assert "R2 (" in err


def test_an_import_update_audits_what_was_there_before(cli, members, tmp_path):
    pid = admitted_binh(cli, members)
    path = tmp_path / "phone.csv"
    path.write_text(
        "full_name,birth_date,gender,national_id,unit_code,source_date,phone\n"
        f"Vũ Văn Bình,04/04/1988,nam,{BINH_ID},CB,01/03/2021,0912345678\n",
        encoding="utf-8",
    )
    ok(cli, "candidate", "import", path)
    [entry] = [
        e
        for e in cli.json("audit", "list", "--entity", "person", "--show-private")
        if e["action"] == "import-update"
    ]
    assert str(entry["entity_id"]) == str(pid)
    assert entry["before"]["phone"] is None and entry["after"]["phone"] == "0912345678"
    assert entry["before"]["full_name"] == "Vũ Văn Bình"


def test_a_recognition_decided_tomorrow_is_refused(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, "end", members)  # probation ended 15/11/2022
    tomorrow = dmy(TODAY + timedelta(days=1))
    err = refused(cli, f"admission confirm {pid} --decision 9-QĐ --decided {tomorrow}")
    assert "--decided" in err
    ok(cli, f"admission confirm {pid} --decision 9-QĐ --cell-date 01/12/2022 --decided 05/12/2022")
    assert show(cli, pid)["stage"] == "official"


def test_a_consent_due_before_the_decision_needs_its_date(cli, members):
    """R3's consent must precede the decision: recorded without a date, nothing could show
    it did, and a consent given after the decision would have passed."""
    pid = recent_candidate()
    line = refused(
        cli,
        f"candidate exception {pid} --rule R3 --by 'BTV Tỉnh ủy' --document 1-CV "
        "--reason 'có văn bản'",
    )
    assert "R3" in line and "--date" in line
