"""A candidate's road from the source list to full membership, one dated step at a time.

Every step is appended to ``pipeline_event`` and never changed; a correction is a new event
that supersedes an earlier one. After each append the person's projection (``stage``, the
``admission`` and ``member`` rows) is brought in line with the effective events. Each step is
checked by the rules in force on the date of the act (services.rules).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangvien_cli.errors import DangvienError, InvalidValue, RuleViolation
from dangvien_cli.models import Admission, Member, Person, PipelineEvent, RuleException, utcnow
from dangvien_cli.services import audit, rules
from dangvien_cli.services.people import get_person
from dangvien_cli.vocab import MemberStatus, Stage, Step

STAGE_AFTER: dict[Step, Stage] = {
    Step.sourced: Stage.sourced,
    Step.class_passed: Stage.trained,
    Step.application: Stage.applied,
    Step.cell_vote: Stage.voted,
    Step.committee_resolution: Stage.recommended,
    Step.decision: Stage.admitted,
    Step.ceremony: Stage.probationary,
    Step.official: Stage.official,
    Step.rejected: Stage.rejected,
    Step.withdrawn: Stage.withdrawn,
    Step.struck_off: Stage.struck_off,
}

# The steps whose dates must follow one another, as rules.check_order names them.
ORDERED: dict[Step, str] = {
    Step.sourced: "sourced",
    Step.class_passed: "class_passed",
    Step.application: "application",
    Step.cell_vote: "cell_vote",
    Step.committee_resolution: "committee_resolution",
    Step.decision: "decision",
    Step.ceremony: "ceremony",
    Step.official: "official",
}

EXITS = (Step.rejected, Step.withdrawn, Step.struck_off)
CLOSED_STAGES = (
    Stage.rejected.value,
    Stage.withdrawn.value,
    Stage.struck_off.value,
    Stage.official.value,
)


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
    event: PipelineEvent
    warnings: list[rules.Violation]


def effective_events(session: Session, person_id: int) -> list[PipelineEvent]:
    """The person's events, less those a later correction superseded, in date order."""
    events = list(
        session.execute(
            select(PipelineEvent)
            .where(PipelineEvent.person_id == person_id)
            .order_by(PipelineEvent.occurred_on, PipelineEvent.id)
        ).scalars()
    )
    superseded = {e.supersedes_id for e in events if e.supersedes_id}
    return [e for e in events if e.id not in superseded]


def latest(events: list[PipelineEvent], step: Step) -> PipelineEvent | None:
    found = [e for e in events if e.step == step.value]
    return found[-1] if found else None


def detail_of(event: PipelineEvent | None) -> dict[str, Any]:
    if event is None or not event.detail:
        return {}
    return json.loads(event.detail)


def exceptions_for(session: Session, person_id: int) -> set[str]:
    return set(
        session.execute(
            select(RuleException.rule).where(RuleException.person_id == person_id)
        ).scalars()
    )


def check_step(
    person: Person, events: list[PipelineEvent], item: StepInput, *, excepted: set[str]
) -> list[rules.Violation]:
    """Everything the Party's rules say about this step, judged on the act's date."""
    found: list[rules.Violation] = []
    dates = {ORDERED[Step(e.step)]: e.occurred_on for e in events if Step(e.step) in ORDERED}
    if item.step in ORDERED:
        dates[ORDERED[item.step]] = item.occurred_on
        found += rules.check_order(dates)
    d = item.detail
    if item.step is Step.cell_vote:
        if person.birth_date:
            found += rules.check_age(person.birth_date, item.occurred_on)
        found += rules.check_education(person.education, item.occurred_on, d.get("area_exception"))
        cls = latest(events, Step.class_passed)
        cert = detail_of(cls).get("certificate_date") if cls else None
        cert_date = date.fromisoformat(cert) if cert else (cls.occurred_on if cls else None)
        found += rules.check_certificate(cert_date, item.occurred_on)
        found += rules.check_cell_vote(d["votes_for"], d["official_members"], item.occurred_on)
        intro = detail_of(latest(events, Step.introducers))
        if intro and person.birth_date:
            infos = [
                rules.IntroducerInfo(
                    bool(i.get("is_official", True)), int(i.get("months_together", 12))
                )
                for i in intro.get("introducers", [])
            ]
            found += rules.check_introducers(
                intro.get("route", "two-members"), infos, person.birth_date, item.occurred_on
            )
    elif item.step is Step.committee_resolution:
        if "votes_for" in d and "committee_members" in d:
            found += rules.check_committee_vote(
                d["votes_for"], d["committee_members"], item.occurred_on
            )
    elif item.step is Step.decision:
        vote = latest(events, Step.cell_vote)
        if vote is not None:
            found += rules.check_decision_deadline(
                vote.occurred_on, item.occurred_on, special=bool(d.get("special"))
            )
    elif item.step is Step.ceremony:
        decision = latest(events, Step.decision)
        if decision is not None:
            found += rules.check_ceremony_deadline(decision.occurred_on, item.occurred_on)
    elif item.step is Step.official:
        ceremony = latest(events, Step.ceremony)
        if ceremony is not None:
            found += rules.check_official(ceremony.occurred_on, item.occurred_on)
    return [v for v in found if v.rule not in excepted]


def check_transition(person: Person, events: list[PipelineEvent], item: StepInput) -> None:
    """The state machine: which step may follow which."""
    have = {e.step for e in events}
    stage = person.stage
    if item.supersedes is not None:
        return
    if stage in CLOSED_STAGES and item.step is not Step.struck_off:
        raise PipelineError("pipeline.closed", id=person.id, stage=stage)
    needs = {
        Step.ceremony: Step.decision,
        Step.official: Step.ceremony,
        Step.struck_off: Step.ceremony,
    }
    if item.step in needs and needs[item.step].value not in have:
        raise PipelineError("pipeline.needs", step=item.step.value, before=needs[item.step].value)
    if item.step is Step.struck_off and stage != Stage.probationary.value:
        raise PipelineError("pipeline.not_probationary", id=person.id)
    if item.step in (Step.decision, Step.ceremony, Step.official) and item.step.value in have:
        raise PipelineError("pipeline.already", id=person.id, step=item.step.value)
    if item.step in (Step.rejected, Step.withdrawn) and Step.decision.value in have:
        raise PipelineError("pipeline.already_admitted", id=person.id)


def record_step(
    session: Session, person_id: int, item: StepInput, *, actor: str | None = None
) -> StepOutcome:
    person = get_person(session, person_id)
    events = effective_events(session, person_id)
    if item.supersedes is not None:
        target = session.get(PipelineEvent, item.supersedes)
        if target is None or target.person_id != person_id:
            raise InvalidValue("pipeline.bad_supersedes", event=item.supersedes, id=person_id)
        events = [e for e in events if e.id != item.supersedes]
    check_transition(person, events, item)
    violations = check_step(person, events, item, excepted=exceptions_for(session, person_id))
    errors = [v for v in violations if v.severity == "error"]
    if errors:
        raise RuleViolation(errors)
    event = PipelineEvent(
        person_id=person_id,
        step=item.step.value,
        occurred_on=item.occurred_on,
        document_no=item.document_no,
        issuer=item.issuer,
        detail=json.dumps(item.detail, ensure_ascii=False, default=str) if item.detail else None,
        note=item.note,
        supersedes_id=item.supersedes,
        recorded_by=actor or session.info.get("audit_actor"),
    )
    session.add(event)
    session.flush()
    refresh_projection(session, person)
    audit.record(
        session,
        entity="pipeline_event",
        entity_id=event.id,
        action="correct" if item.supersedes else "add",
        after={"person_id": person_id, "step": item.step.value, "on": item.occurred_on},
    )
    return StepOutcome(event, [v for v in violations if v.severity != "error"])


def refresh_projection(session: Session, person: Person) -> None:
    """Bring stage, admission and roster rows in line with the effective events."""
    events = effective_events(session, person.id)
    staged = [e for e in events if Step(e.step) in STAGE_AFTER]
    last = staged[-1] if staged else None
    person.stage = STAGE_AFTER[Step(last.step)].value if last else Stage.sourced.value
    person.stage_on = last.occurred_on if last else None
    person.updated_at = utcnow()

    decision = latest(events, Step.decision)
    admission = session.execute(
        select(Admission).where(Admission.person_id == person.id)
    ).scalar_one_or_none()
    if decision is None:
        if admission is not None:
            session.delete(admission)
        return
    ceremony = latest(events, Step.ceremony)
    official = latest(events, Step.official)
    struck = latest(events, Step.struck_off)
    values = {
        "unit_id": person.unit_id,
        "decision_no": decision.document_no or "",
        "decision_date": decision.occurred_on,
        "decision_body": decision.issuer,
        "ceremony_date": ceremony.occurred_on if ceremony else None,
        "official_date": official.occurred_on if official else None,
        "struck_off_date": struck.occurred_on if struck else None,
    }
    if admission is None:
        admission = Admission(person_id=person.id, **values)
        session.add(admission)
    else:
        for key, value in values.items():
            setattr(admission, key, value)
    _sync_member(session, person, admission)


def _sync_member(session: Session, person: Person, admission: Admission) -> None:
    member = session.execute(
        select(Member).where(Member.person_id == person.id)
    ).scalar_one_or_none()
    if admission.struck_off_date:
        if member is not None and member.left_on is None:
            member.left_on = admission.struck_off_date
        return
    status = MemberStatus.official if admission.official_date else MemberStatus.probationary
    if member is None:
        member = Member(person_id=person.id, unit_id=admission.unit_id, status=status.value)
        session.add(member)
    member.status = status.value
    member.admitted_on = admission.decision_date
    member.official_on = admission.official_date
    member.updated_at = utcnow()


def add_exception(
    session: Session,
    person_id: int,
    *,
    rule: str,
    approved_by: str,
    document_no: str,
    reason: str,
    approved_on: date | None = None,
) -> RuleException:
    get_person(session, person_id)
    exc = RuleException(
        person_id=person_id,
        rule=rule.upper(),
        approved_by=approved_by,
        document_no=document_no,
        approved_on=approved_on,
        reason=reason,
        recorded_by=session.info.get("audit_actor"),
    )
    session.add(exc)
    session.flush()
    audit.record(
        session,
        entity="rule_exception",
        entity_id=exc.id,
        action="add",
        after={"person_id": person_id, "rule": exc.rule, "document_no": document_no},
    )
    return exc


def register_candidate(
    session: Session,
    data: Any,
    *,
    unit_code: str,
    sourced_on: date | None = None,
    mentor: str | None = None,
) -> tuple[Person, list[rules.Violation]]:
    """Put a person on the source list (tạo nguồn), with the member assigned to guide them."""
    from dangvien_cli.services.people import add_person

    warnings: list[rules.Violation] = []
    if data.national_id:
        found = rules.check_cccd(
            data.national_id.strip(), data.birth_date, data.gender.value if data.gender else None
        )
        errors = [v for v in found if v.severity == "error"]
        if errors:
            raise RuleViolation(errors)
        warnings += found
    person = add_person(session, data, unit_code=unit_code, stage=Stage.sourced)
    detail = {"mentor": mentor} if mentor else {}
    outcome = record_step(
        session, person.id, StepInput(Step.sourced, sourced_on or date.today(), detail=detail)
    )
    return person, warnings + outcome.warnings


def correction_of(
    session: Session, person_id: int, event_id: int
) -> tuple[Step, dict[str, Any], str | None]:
    """What a correction of ``event_id`` starts from: its step, detail and issuer."""
    event = session.get(PipelineEvent, event_id)
    if event is None or event.person_id != person_id:
        raise InvalidValue("pipeline.bad_supersedes", event=event_id, id=person_id)
    return Step(event.step), detail_of(event), event.issuer
