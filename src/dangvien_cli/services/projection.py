"""A person's state as their effective pipeline events make it: the events in force
(``effective_events``: less those a correction or a void superseded) and the projection kept
from them after every append (``refresh_projection``: ``person.stage``, the ``admission``
row, the roster line). Apart from services.pipeline, which judges and appends a step,
because imports, corrections and ``db check`` need the projection without the checks.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.models import Admission, Member, Person, PipelineEvent, stored_id, utcnow
from dangvien_cli.services.rules import ORDERED_STEPS
from dangvien_cli.services.step_checks import latest
from dangvien_cli.vocab import MemberStatus, Stage, Step

# The step of an event that takes another one back (supersedes it with nothing). Not a Step:
# it is never a stage, never a choice on the command line, never checked by the rules.
VOID = "void"


# The road's steps in the order their dates must follow.
ROAD = ORDERED_STEPS
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


def effective_events(session: Session, person_id: int) -> list[PipelineEvent]:
    """The person's events, less those a later correction or void superseded (and the voids
    themselves), in date order."""
    events = list(
        session.execute(
            select(PipelineEvent)
            .where(col(PipelineEvent.person_id) == person_id)
            .order_by(col(PipelineEvent.occurred_on), col(PipelineEvent.id))
        ).scalars()
    )
    superseded = {e.supersedes_id for e in events if e.supersedes_id}
    return [e for e in events if e.id not in superseded and e.step != VOID]


def refresh_projection(session: Session, person: Person) -> None:
    """Bring stage, admission and roster rows in line with the effective events."""
    events = effective_events(session, stored_id(person))
    staged = [e for e in events if Step(e.step) in STAGE_AFTER]
    last = staged[-1] if staged else None
    if last is not None:
        person.stage = STAGE_AFTER[Step(last.step)].value
    else:  # every event voided: the registration is taken back, out of lists and reports
        person.stage = Stage.sourced.value if events else None
    person.stage_on = last.occurred_on if last else None
    person.updated_at = utcnow()

    decision = latest(events, Step.decision)
    admission = session.execute(
        select(Admission).where(col(Admission.person_id) == person.id)
    ).scalar_one_or_none()
    if decision is None:
        if admission is not None:  # the decision was voided: so is the roster line it made
            session.delete(admission)
            member = session.execute(
                select(Member).where(col(Member.person_id) == person.id)
            ).scalar_one_or_none()
            if member is not None:
                session.delete(member)
        return
    ceremony = latest(events, Step.ceremony)
    official = latest(events, Step.official)
    struck = latest(events, Step.struck_off)
    values: dict[str, Any] = {
        # The unit the person belonged to on the decision's day: a merge or a transfer since
        # then moved the person, not the admission (services.restructure).
        "unit_id": unit_of_person_on(session, person, decision.occurred_on),
        "decision_no": decision.document_no or "",
        "decision_date": decision.occurred_on,
        "decision_body": decision.issuer,
        "ceremony_date": ceremony.occurred_on if ceremony else None,
        "official_date": official.occurred_on if official else None,
        "struck_off_date": struck.occurred_on if struck else None,
    }
    if admission is None:
        admission = Admission(person_id=stored_id(person), **values)
        session.add(admission)
    else:
        for key, value in values.items():
            setattr(admission, key, value)
    _sync_member(session, person, admission)


def unit_of_person_on(session: Session, person: Person, day: date) -> int | None:
    """The unit the person stood in on ``day``: the first kept one (person_history) still
    theirs that day, else the unit they are in now."""
    from dangvien_cli.models import PersonHistory

    kept = session.execute(
        select(col(PersonHistory.unit_id))
        .where(col(PersonHistory.person_id) == person.id, col(PersonHistory.valid_to) >= day)
        .order_by(col(PersonHistory.valid_to))
        .limit(1)
    ).scalar()
    return kept if kept is not None else person.unit_id


def _sync_member(session: Session, person: Person, admission: Admission) -> None:
    """Admitted means a probationary member from the decision (R24); official from R22's day."""
    member = session.execute(
        select(Member).where(col(Member.person_id) == person.id)
    ).scalar_one_or_none()
    if admission.struck_off_date:
        if member is not None and member.left_on is None:
            member.left_on = admission.struck_off_date
        return
    status = MemberStatus.official if admission.official_date else MemberStatus.probationary
    if member is None:
        member = Member(person_id=stored_id(person), unit_id=admission.unit_id, status=status.value)
        session.add(member)
    member.status = status.value
    member.admitted_on = admission.decision_date
    member.official_on = admission.official_date
    member.updated_at = utcnow()
