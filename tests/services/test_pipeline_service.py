"""The pipeline service under the CLI: projections after corrections, which step may
supersede which, and how exceptions and the stricter-than-marked rules are applied."""

from __future__ import annotations

from datetime import date

import pytest

from dangvien_cli.errors import DangvienError, InvalidValue, RuleViolation  # noqa: E402
from dangvien_cli.models import Admission, Member, Person  # noqa: E402
from dangvien_cli.services.pipeline import StepInput, effective_events, latest, record_step  # noqa: E402
from dangvien_cli.services.rule_exceptions import add_exception  # noqa: E402
from dangvien_cli.vocab import Step  # noqa: E402
from helpers.world import PLAN_2021, PLAN_2025, add_candidate, build_world, session, snapshot, walk


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


def test_correcting_the_decision_moves_the_admission_and_the_roster(members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    walk(pid, PLAN_2021, Step.ceremony, members)
    with session() as s:
        old = latest(effective_events(s, pid), Step.decision)
        record_step(
            s,
            pid,
            StepInput(Step.decision, date(2021, 11, 1), document_no="2-QĐ/TU", supersedes=old.id),
        )
    with session() as s:
        admission = s.query(Admission).filter_by(person_id=pid).one()
        member = s.query(Member).filter_by(person_id=pid).one()
        assert (admission.decision_date, admission.decision_no) == (date(2021, 11, 1), "2-QĐ/TU")
        assert member.admitted_on == date(2021, 11, 1)
        assert len([e for e in effective_events(s, pid) if e.step == "decision"]) == 1


def test_a_correction_keeps_the_kind_of_step_and_the_person(members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    other = add_candidate("Vũ Văn Cường", date(1989, 4, 4))
    walk(pid, PLAN_2021, Step.cell_vote, members)
    with session() as s:
        application = latest(effective_events(s, pid), Step.application).id
        theirs = latest(effective_events(s, other), Step.sourced).id
    before = snapshot()
    for item, person in (
        (StepInput(Step.class_passed, date(2021, 4, 20), supersedes=application), pid),
        (StepInput(Step.sourced, date(2021, 3, 2), supersedes=theirs), pid),
    ):
        with pytest.raises(InvalidValue), session() as s:
            record_step(s, person, item)
    assert snapshot() == before


def test_the_stage_follows_the_dates_not_the_order_of_entry(members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    with session() as s:
        record_step(s, pid, StepInput(Step.application, date(2021, 5, 10)))
        record_step(s, pid, StepInput(Step.class_passed, date(2021, 4, 15)))
    with session() as s:
        person = s.get(Person, pid)
        assert (person.stage, person.stage_on) == ("applied", date(2021, 5, 10))


def test_a_missing_certificate_is_an_error_though_r7_is_marked_m(members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    plan = {k: v for k, v in PLAN_2025.items() if k is not Step.class_passed}
    walk(pid, plan, Step.cell_vote, members)
    vote = StepInput(Step.cell_vote, date(2025, 9, 15), detail={"votes_for": 4})
    with pytest.raises(RuleViolation) as refused, session() as s:
        record_step(s, pid, vote)
    assert [(v.rule, v.severity) for v in refused.value.violations] == [("R7", "error")]
    # R7 gives no route to approve a departure (DOMAIN 2.13): no exception can be recorded.
    with pytest.raises(InvalidValue) as waiver, session() as s:
        add_exception(
            s, pid, rule="R7", approved_by="BTV Thành ủy", document_no="1-CV", reason="Hoãn"
        )
    assert waiver.value.key == "exception.not_waivable"


def test_an_exception_must_name_a_rule_the_tool_checks(members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4))
    with pytest.raises(InvalidValue) as bad, session() as s:
        add_exception(s, pid, rule="R99", approved_by="X", document_no="1", reason="y")
    offered = bad.value.message()
    assert "R3" in offered and "R18" in offered
    assert "R14" not in offered and "ORDER" not in offered
    with pytest.raises(DangvienError), session() as s:
        add_exception(s, pid, rule="R2", approved_by=" ", document_no="1", reason="y")
