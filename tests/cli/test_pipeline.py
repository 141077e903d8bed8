"""One candidate from the source list to official membership, entirely through the CLI,
with ``candidate show`` checked after every step; then the state machine's refusals.

Deadlines are counted by hand from the 2025–2026 calendar (2/9 National Day; no other public
holiday falls in the spans used)."""

from __future__ import annotations

from datetime import date

import pytest

from dangvien_cli.vocab import Step
from helpers.world import HUNG, MAI, PLAN_2021, add_candidate, build_world, ok, refused, walk
from helpers.world import show as detail


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


def expect(cli, pid, stage, next_step, deadline=None, missing=()):
    d = detail(cli, pid)
    assert d["stage"] == stage
    assert d["next_step"] == next_step
    assert d["next_deadline"] == (deadline.isoformat() if deadline else None)
    assert d["missing"] == list(missing)
    return d


def roster_line(cli, name):
    rows = [r for r in cli.json("member", "list", "--unit", "CB") if r["full_name"] == name]
    assert len(rows) == 1
    return rows[0]


def test_source_to_official_member_through_the_cli(cli, members):
    hung, mai = members[HUNG], members[MAI]
    add = ok(
        cli,
        "candidate add 'Hoàng Thị Hạnh' --unit CB --birth 12/08/1990 --gender nu "
        "--education THPT --national-id 038190012345 --sourced 03/02/2025 "
        f"--mentor-member {hung}",
    )
    pid = int(add.stdout)
    d = expect(cli, pid, "sourced", "class")
    mentor = d["timeline"][0]["detail"]
    assert (mentor["mentor"], mentor["mentor_person_id"]) == (HUNG, hung)

    ok(
        cli,
        "class add TT-2025-03 'Lớp nhận thức về Đảng tháng 3/2025' --start 10/03/2025 "
        "--end 14/03/2025 --organizer 'Trung tâm Chính trị'",
    )
    ok(cli, f"class enroll TT-2025-03 {pid}")
    ok(
        cli,
        f"class results TT-2025-03 --date 14/03/2025 --passed {pid} "
        "--certificate-prefix {n}/CN-TTCT --first-number 7",
    )
    d = expect(cli, pid, "trained", "application")
    assert d["certificate_valid_until"] == "2030-03-13"  # 60 months from 14/03/2025, R8
    assert d["timeline"][-1]["document_no"] == "7/CN-TTCT"

    ok(cli, f"candidate apply {pid} --date 02/04/2025")
    cert_deadline = date(2030, 3, 13)
    missing = ["introducers", "background-check", "2-KNĐ", "5-KNĐ"]
    expect(cli, pid, "applied", "cell-vote", cert_deadline, missing)
    ok(cli, f"candidate dossier {pid} 2-knd --date 05/04/2025")
    ok(
        cli,
        f"candidate introducers {pid} --date 02/06/2025 "
        f"--introducer-member {hung}:60 --introducer-member {mai}:48",
    )
    ok(cli, f"candidate check {pid} --date 20/06/2025 --issuer 'Đảng ủy Công ty'")
    expect(cli, pid, "applied", "cell-vote", cert_deadline, ["5-KNĐ"])
    ok(cli, f"candidate dossier {pid} 5-KNĐ --date 01/07/2025")
    expect(cli, pid, "applied", "cell-vote", cert_deadline)

    # R14: the cell's roster has 4 official members on 01/09/2025 (Hoa is probationary);
    # 3 of them is above 2/3.
    ok(cli, f"candidate vote {pid} --date 01/09/2025 --for 3 --document 15-NQ/CB")
    decision_deadline = date(2025, 11, 25)  # 60 working days after 01/09/2025, R17
    expect(cli, pid, "voted", "committee-resolution", decision_deadline)
    ok(cli, f"candidate recommend {pid} --date 08/09/2025 --for 5 --members 7")
    expect(cli, pid, "recommended", "decision", decision_deadline)

    ok(
        cli,
        f"admission record {pid} --decision 1234-QĐ/ĐU --date 15/09/2025 "
        "--body 'Ban Thường vụ Đảng ủy phường'",
    )
    d = expect(cli, pid, "admitted", "ceremony", date(2025, 10, 27))  # 30 working days, R18
    assert d["party_age_from"] == "2025-09-15"  # R24: from the decision
    member = roster_line(cli, "Hoàng Thị Hạnh")
    assert (member["status"], member["admitted_on"]) == ("probationary", "2025-09-15")

    ok(cli, f"admission ceremony {pid} --date 29/09/2025")
    d = expect(cli, pid, "probationary", "official", date(2026, 11, 10), ["10-KNĐ", "11-KNĐ"])
    assert d["probation_end"] == "2026-09-29"  # R19: 12 months from the ceremony
    for form in ("10-KNĐ", "11-KNĐ", "1-HSĐV"):
        ok(cli, f"candidate dossier {pid} {form} --date 01/09/2026")
    expect(cli, pid, "probationary", "official", date(2026, 11, 10))

    ok(
        cli,
        f"admission confirm {pid} --decision 99-QĐ/ĐU --cell-date 05/10/2026 --decided 20/10/2026",
    )
    d = expect(cli, pid, "official", None)
    assert d["timeline"][-1]["date"] == "2026-09-29"  # R22: as of the end of probation
    member = roster_line(cli, "Hoàng Thị Hạnh")
    assert (member["status"], member["official_on"]) == ("official", "2026-09-29")
    assert [e["step"] for e in d["timeline"]] == [
        "sourced", "class", "application", "dossier", "introducers", "background-check",
        "dossier", "cell-vote", "committee-resolution", "decision", "ceremony", "dossier",
        "dossier", "dossier", "official",
    ]  # fmt: skip
    assert [doc["form"] for doc in d["documents"] if not doc["present"]] == ["2-HSĐV"]


def test_table_view_tells_the_same_story(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.cell_vote, members)
    out = ok(cli, "candidate", "show", pid).stdout
    assert "Vũ Văn Bình" in out
    assert "chi bộ xét kết nạp" in out  # the next step, in Vietnamese
    assert "14/04/2026 (R8)" in out  # certificate of 15/04/2021 + 60 months - 1 day
    assert "Nguyễn Văn Hùng (#" in out and "60 tháng" in out  # introducers in words
    assert "✔ 3-KNĐ" in out and "✘ 6-KNĐ" in out
    en = ok(cli, "candidate", "show", pid, "--lang", "en").stdout
    assert "cell vote" in en and "60 months" in en


def test_a_correction_supersedes_and_both_stay_visible(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.committee_resolution, members)
    vote = [e for e in detail(cli, pid)["timeline"] if e["step"] == "cell-vote"][0]
    event = vote["event_id"]
    ok(
        cli,
        f"candidate correct {pid} --event {event} --date 07/09/2021 --set votes_for=2 "
        "--reason 'Nhầm ngày họp'",
    )
    d = detail(cli, pid)
    votes = [e for e in d["timeline"] if e["step"] == "cell-vote"]
    assert [(e["date"], e["superseded"]) for e in votes] == [
        ("2021-09-06", True),
        ("2021-09-07", False),
    ]
    assert votes[1]["supersedes"] == event
    assert votes[1]["detail"]["votes_for"] == 2 and votes[1]["note"] == "Nhầm ngày họp"
    assert d["stage_on"] == "2021-09-07"
    table = ok(cli, "candidate", "show", pid).stdout
    assert "[đã đính chính]" in table and f"[đính chính bước {event}]" in table
    # Correcting the replaced version again is refused; correcting it into a breach too.
    refused(cli, f"candidate correct {pid} --event {event} --reason x")
    newer = votes[1]["event_id"]
    err = refused(cli, f"candidate correct {pid} --event {newer} --set votes_for=1 --reason x")
    assert "R14 (" in err


@pytest.mark.parametrize(
    ("setting", "words", "code"),
    [
        ("votes_for=-1", "R14 (", 1),  # a negative count reaches the rule, which refuses it
        ("votes_for=1e9", "1e9", 2),  # was an unexpected TypeError: text stored as a count
        ("votes_for=abc", "abc", 2),
        ("official_members=", "Thiếu giá trị", 2),
        ("foo=bar", "votes_for=", 2),  # unknown keys are refused with the ones that exist
        ("area_exception=xyz", "vung-kho-khan", 2),
        ("cell_date=31/02/2021", "31/02/2021", 2),
    ],
)
def test_a_correction_reads_each_detail_as_the_step_command_does(
    cli, members, setting, words, code
):
    """A value that cannot be read is a usage error (2), as in the step commands; a value
    read and refused by a rule is 1."""
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.committee_resolution, members)
    vote = [e for e in detail(cli, pid)["timeline"] if e["step"] == "cell-vote"][0]
    before = detail(cli, pid)["timeline"]
    command = f"candidate correct {pid} --event {vote['event_id']} --set {setting} --reason x"
    assert words in refused(cli, command, code=code)
    assert detail(cli, pid)["timeline"] == before


OUT_OF_TURN = [
    (Step.class_passed, "admission ceremony {pid} --date 01/12/2021", "lễ"),
    (Step.cell_vote, "candidate recommend {pid} --date 01/10/2021", "chi bộ"),
    (Step.cell_vote, "admission confirm {pid} --decision 1", "lễ kết nạp"),
    (Step.ceremony, "admission strike {pid} --date 01/12/2021 --reason x", "dự bị"),
    (None, "candidate reject {pid} --date 01/12/2021 --reason x", "quyết định"),
    (None, "candidate apply {pid} --date 01/12/2021", "đơn xin vào Đảng"),
    (None, "candidate introducers {pid} --date 01/12/2021 --introducer A:20", "chi bộ"),
    (None, "candidate vote {pid} --date 01/12/2021 --for 4", "chi bộ xét kết nạp"),
]


@pytest.mark.parametrize(("upto", "command", "key"), OUT_OF_TURN)
def test_steps_out_of_turn_are_refused_and_write_nothing(cli, members, upto, command, key):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, upto, members)
    assert key in refused(cli, command.format(pid=pid))


def test_exits_close_the_pipeline(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.application, members)
    err = refused(cli, f"candidate withdraw {pid} --date 01/03/2021 --reason x")
    assert "ORDER" in err  # dated before the certificate of 15/04/2021
    ok(cli, f"candidate withdraw {pid} --date 20/04/2021 --reason 'Chuyển công tác'")
    d = detail(cli, pid)
    assert (d["stage"], d["next_step"]) == ("withdrawn", None)
    assert d["timeline"][-1]["note"] == "Chuyển công tác"
    refused(cli, f"candidate apply {pid} --date 01/05/2021")
    assert cli.json("candidate", "list", "--stage", "withdrawn")[0]["id"] == pid


def test_struck_off_leaves_the_roster(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, None, members)
    ok(cli, f"admission strike {pid} --date 15/11/2022 --reason 'Vi phạm' --decision 5-QĐ/TU")
    assert detail(cli, pid)["stage"] == "struck-off"
    assert "Vũ Văn Bình" not in [r["full_name"] for r in cli.json("member", "list")]
    assert cli.json("admission", "list")[0]["struck_off_date"] == "2022-11-15"


def test_a_decision_in_a_grassroots_cell_needs_no_committee(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4), unit="CS")
    plan = {k: v for k, v in PLAN_2021.items() if k is not Step.committee_resolution}
    walk(pid, plan, Step.decision, members)
    assert detail(cli, pid)["next_step"] == "decision"
    ok(cli, f"admission record {pid} --decision 7-QĐ/TU --date 08/11/2021")
    other = add_candidate("Vũ Văn Cường", date(1988, 4, 4))
    walk(other, plan, Step.decision, members)
    assert detail(cli, other)["next_step"] == "committee-resolution"
    err = refused(cli, f"admission record {other} --decision 8 --date 08/11/2021")
    assert "8-KNĐ" in err


def test_decision_and_ceremony_in_one_command_are_all_or_nothing(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.decision, members)
    record = f"admission record {pid} --decision 9-QĐ/TU --date 08/11/2021"
    assert "R18 (" in refused(cli, record + " --ceremony 01/02/2022")
    ok(cli, record + " --ceremony 15/11/2021")
    assert detail(cli, pid)["stage"] == "probationary"


def test_dossier_items_are_checked(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    err = refused(cli, f"candidate dossier {pid} 1-KND --date 01/04/2021")
    assert "đơn xin vào Đảng" in err
    err = refused(cli, f"candidate dossier {pid} 'giấy khen' --date 01/04/2021")
    assert "2-KNĐ" in err and "5-KNĐ" in err
    ok(cli, f"candidate dossier {pid} '2 knđ' --date 01/04/2021")
    assert detail(cli, pid)["timeline"][-1]["detail"] == {"item": "2-KNĐ"}


def test_script_without_a_required_value_exits_2(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.cell_vote, members)
    result = cli("candidate", "vote", pid, "--date", "06/09/2021", "--members", "10")
    assert result.exit_code == 2 and "--for" in result.stderr
    assert cli("candidate", "introducers", pid, "--date", "01/06/2021").exit_code == 2


def test_a_mentor_is_judged_on_the_day_of_the_assignment(cli, members):
    """A member who left the roster since was rightly assigned before leaving (a mentor
    assigned in 2025 who died in 2026): the assignment is recorded, as the import takes it.
    One who had left by the day, or was admitted after it, is refused, naming both days."""
    hung, mai = members[HUNG], members[MAI]
    pid = add_candidate("Lê Văn Tâm", date(1995, 4, 2), sourced=date(2025, 2, 3))
    ok(cli, f"member exit {hung} --reason death --on 01/06/2025")
    ok(cli, f"candidate mentor {pid} --date 10/03/2025 --member {hung}")
    late = refused(cli, f"candidate mentor {pid} --date 02/06/2025 --member {hung}")
    assert "01/06/2025" in late and "02/06/2025" in late
    admitted = roster_line(cli, MAI)["admitted_on"]
    before = date.fromisoformat(admitted).replace(year=date.fromisoformat(admitted).year - 1)
    early = refused(cli, f"candidate mentor {pid} --date {before:%d/%m/%Y} --member {mai}")
    assert f"{date.fromisoformat(admitted):%d/%m/%Y}" in early
