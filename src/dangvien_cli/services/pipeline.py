"""A candidate's road from the source list to full membership, one dated step at a time.

Every step is appended to ``pipeline_event`` and never changed; a correction is a new event
that supersedes an earlier one, and a void is an event that supersedes one with nothing in
its place (services.corrections). After each append the person's projection (``stage``, the
``admission`` and ``member`` rows) is brought in line with the effective events
(services.projection). Each step is checked by the rules in force on the date of the act
(services.step_checks); a rule a higher body waived for the person (``rule_exception``) is
skipped, and the event says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli.errors import DangvienError, InvalidValue, RuleViolation
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Person, PipelineEvent, stored_id
from dangvien_cli.services import audit, rules
from dangvien_cli.services.people import PersonInput, add_person, clean_national_id, get_person
from dangvien_cli.services.projection import (
    ROAD,
    STAGE_AFTER,
    effective_events,
    refresh_projection,
    unit_of_person_on,
)
from dangvien_cli.services.rule_exceptions import exceptions_for, excuse
from dangvien_cli.services.step_checks import BEFORE_VOTE, ORDERED, check_step, detail_of, latest
from dangvien_cli.services.units import admission_authority, get_unit
from dangvien_cli.vocab import Stage, Step

__all__ = [
    "ORDERED",
    "STAGE_AFTER",
    "Step",
    "StepInput",
    "StepOutcome",
    "check_step",
    "detail_of",
    "effective_events",
    "latest",
    "record_step",
    "refresh_projection",
]


LEFT = (Stage.rejected.value, Stage.withdrawn.value, Stage.struck_off.value)
# Steps that happen at most once in a person's effective history (later: 'candidate correct'):
# every step of the road but the class, which a candidate may pass again.
ONCE = tuple(step for step in ROAD if step is not Step.class_passed)
NEEDS: dict[Step, Step] = {
    Step.recognition_failed: Step.ceremony,
    Step.committee_resolution: Step.cell_vote,
    Step.decision: Step.cell_vote,
    Step.ceremony: Step.decision,
    Step.official: Step.ceremony,
    Step.struck_off: Step.ceremony,
}
# Paperwork and the helper member go on after admission; nothing else follows official status.
AFTER_OFFICIAL = (Step.mentor, Step.dossier)


class PipelineError(DangvienError):
    """A step that cannot follow the person's current state."""


@dataclass
class StepInput:
    step: Step
    occurred_on: date
    document_no: str | None = None
    issuer: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    supersedes: int | None = None


@dataclass
class StepOutcome:
    """What was recorded, in plain values that outlive the session."""

    event_id: int
    step: str
    occurred_on: date
    warnings: list[rules.Violation]
    # (the violation waived, the exception's rule, its document, the approving body)
    excused: list[tuple[rules.Violation, str, str, str]] = field(default_factory=list)


def step_label(step: Step | str) -> str:
    return t(f"step.{Step(step).value}")


def check_transition(person: Person, events: list[PipelineEvent], item: StepInput) -> None:
    """The state machine: which step may follow which. Corrections replace, so they pass."""
    if item.supersedes is not None:
        return
    have = {e.step for e in events}
    stage = person.stage
    if stage is None:  # on a roster only, never a candidate here
        raise PipelineError("pipeline.not_candidate", id=person.id)
    if stage in LEFT or (stage == Stage.official.value and item.step not in AFTER_OFFICIAL):
        raise PipelineError("pipeline.closed", id=person.id, stage=t(f"stage.{stage}"))
    need = NEEDS.get(item.step)
    if need is not None and need.value not in have:
        raise PipelineError("pipeline.needs", step=step_label(item.step), before=step_label(need))
    if item.step in ONCE and item.step.value in have:
        raise PipelineError("pipeline.already", id=person.id, step=step_label(item.step))
    if item.step in (Step.struck_off, Step.recognition_failed) and (
        stage != Stage.probationary.value
    ):
        raise PipelineError("pipeline.not_probationary", id=person.id)
    if item.step in (Step.rejected, Step.withdrawn) and Step.decision.value in have:
        raise PipelineError("pipeline.already_admitted", id=person.id)
    if item.step in BEFORE_VOTE and Step.cell_vote.value in have:
        raise PipelineError(
            "pipeline.too_late", step=step_label(item.step), after=step_label(Step.cell_vote)
        )


def _with_denominator(session: Session, cell_id: int | None, item: StepInput) -> StepInput:
    """R14 counts the cell's official members on the day: where its roster is on file the
    count is the roster's (a typed one must agree, step_checks); else it must be typed."""
    from dangvien_cli.services.members import official_count

    roster = official_count(session, cell_id, item.occurred_on)
    detail = dict(item.detail)
    if roster is None:
        if detail.get("official_members") is None:
            raise InvalidValue("vote.members_required")
        return item
    detail["roster_officials"] = roster
    detail.setdefault("official_members", roster)
    return replace(item, detail=detail)


# Dates a step's detail may carry besides its own: each is an act too.
DETAIL_DATES = {"received_on": "--received", "decided_on": "--decided", "cell_date": "--cell-date"}


def refuse_future(day: date | None, field: str) -> None:
    """An act is a fact: nothing dated after today is recorded."""
    if day is not None and day > date.today():
        raise InvalidValue("act.in_future", field=field, date=fmt_date(day))


def _refuse_after_dissolution(session: Session, person: Person, item: StepInput) -> None:
    """No step after the person's unit was dissolved (unit_life.after_its_end)."""
    from dangvien_cli.models import Unit
    from dangvien_cli.services.unit_life import after_its_end

    unit = session.get(Unit, person.unit_id) if person.unit_id is not None else None
    why = after_its_end(unit.code, unit.dissolved_on, item.occurred_on) if unit else None
    if why is not None:
        raise PipelineError(why[0], **why[1])


def _refuse_unreal(events: list[PipelineEvent], item: StepInput) -> None:
    """Acts dated after today, and a recognition while the probation months still run."""
    if item.step is Step.official:
        ceremony = latest(events, Step.ceremony)
        end = rules.probation_end(ceremony.occurred_on) if ceremony else None
        if end is not None and end > date.today():
            raise PipelineError("act.probation_running", end=fmt_date(end))
    refuse_future(item.occurred_on, "--date")
    for key, field_name in DETAIL_DATES.items():
        value = item.detail.get(key)
        if value:
            refuse_future(date.fromisoformat(str(value)), field_name)


def _target(session: Session, person_id: int, item: StepInput, live: set[int]) -> None:
    target = session.get(PipelineEvent, item.supersedes)
    if target is None or target.person_id != person_id:
        raise InvalidValue("pipeline.bad_supersedes", event=item.supersedes, id=person_id)
    if target.id not in live:
        raise InvalidValue("pipeline.already_superseded", event=target.id)
    if target.step != item.step.value:
        raise InvalidValue(
            "pipeline.correction_step", event=target.id, step=step_label(target.step)
        )


def record_step(
    session: Session, person_id: int, item: StepInput, *, actor: str | None = None
) -> StepOutcome:
    """Check one step against the state machine and the rules, then append it."""
    person = get_person(session, person_id)
    events = effective_events(session, person_id)
    if item.supersedes is not None:
        _target(session, person_id, item, {e.id for e in events if e.id is not None})
        events = [e for e in events if e.id != item.supersedes]
    check_transition(person, events, item)
    _refuse_after_dissolution(session, person, item)
    _refuse_unreal(events, item)
    # The unit the person stood in on the act's day: its committees (R15, R16) and its
    # roster (R14) are those of that day.
    day_unit = unit_of_person_on(session, person, item.occurred_on)
    authority = admission_authority(session, day_unit, item.occurred_on)
    if item.step is Step.decision and item.detail.get("decided_by"):
        decider = get_unit(session, str(item.detail["decided_by"]))
        item = replace(item, detail={**item.detail, "decided_by": decider.code})
    roster = None
    if item.step is Step.cell_vote:
        item = _with_denominator(session, day_unit, item)
        roster = item.detail.get("roster_officials")
    found = check_step(
        person,
        events,
        item,
        authority=authority if person.unit_id else None,
        roster_officials=roster,
    )
    kept, excused = excuse(found, exceptions_for(session, person_id), item.occurred_on)
    errors = [v for v in kept if v.severity == "error"]
    if errors:
        raise RuleViolation(errors)
    detail = dict(item.detail)
    detail.pop("roster_officials", None)  # the same as official_members once checked
    if excused:
        detail["exceptions"] = sorted({exc.rule for _v, exc in excused})
    event = PipelineEvent(
        person_id=person_id,
        step=item.step.value,
        occurred_on=item.occurred_on,
        document_no=item.document_no,
        issuer=item.issuer,
        detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
        note=item.note,
        supersedes_id=item.supersedes,
        recorded_by=actor or session.info.get("audit_actor"),
    )
    session.add(event)
    session.flush()
    refresh_projection(session, person)
    audit.record(
        session,
        "pipeline_event",
        event.id,
        "correct" if item.supersedes else "add",
        after={"person_id": person_id, "step": item.step.value, "on": item.occurred_on},
    )
    assert event.id is not None
    return StepOutcome(
        event.id,
        event.step,
        event.occurred_on,
        [v for v in kept if v.severity != "error"],
        [(v, exc.rule, exc.document_no, exc.approved_by) for v, exc in excused],
    )


def register_candidate(
    session: Session,
    data: PersonInput,
    *,
    unit_code: str,
    sourced_on: date | None = None,
    mentor: dict[str, Any] | None = None,
) -> tuple[Person, list[rules.Violation], list[int]]:
    """Put a person on the source list (tạo nguồn), with the member assigned to guide them.

    Returns the person, rule warnings, and the ids of people with the same name and birth
    date (possible duplicates the clerk should look at)."""
    from dangvien_cli.services.people import similar_people

    warnings: list[rules.Violation] = []
    refuse_future(sourced_on, "--sourced")  # the step's own check would name --date
    national_id = clean_national_id(data.national_id)
    if national_id:
        found = rules.check_cccd(
            national_id, data.birth_date, data.gender.value if data.gender else None
        )
        errors = [v for v in found if v.severity == "error"]
        if errors:
            raise RuleViolation(errors)
        warnings += found
    on = sourced_on or date.today()
    person = add_person(session, data, unit_code=unit_code, stage=Stage.sourced, on=on)
    outcome = record_step(
        session, stored_id(person), StepInput(Step.sourced, on, detail=dict(mentor or {}))
    )
    return person, warnings + outcome.warnings, similar_people(session, person)
