"""Taking back what was recorded wrongly: ``candidate correct`` starts from the event it
corrects (``correction_of``; the new event goes through pipeline.record_step with
``supersedes``), ``candidate void`` appends ``void`` events (``void_event`` for one step,
``void_candidate`` for a registration). Nothing is deleted: the mistaken events, the voids
and the reason stay in the append-only table and the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli import values
from dangvien_cli.errors import InvalidValue, Unparseable
from dangvien_cli.models import PipelineEvent
from dangvien_cli.services import audit
from dangvien_cli.services.people import get_person
from dangvien_cli.services.pipeline import NEEDS, PipelineError, step_label
from dangvien_cli.services.projection import VOID, effective_events, refresh_projection
from dangvien_cli.services.step_checks import detail_of
from dangvien_cli.vntext import nfc
from dangvien_cli.vocab import Area, Step


def _text(value: str, key: str) -> str:
    if not value.strip():
        raise Unparseable("error.required", field=key)
    return nfc(value)  # stored NFC, as every text the commands take


def _count(value: str, key: str) -> int:
    number = values.parse_int(value, key)
    if number is None:
        raise Unparseable("error.required", field=key)
    return number


def _day(value: str, key: str) -> str:
    day = values.parse_date(value)  # already within the dates the tool computes with
    if day is None:
        raise Unparseable("error.required", field=key)
    return day.isoformat()


# What `candidate correct --set KEY=VALUE` may change in a step's detail, each read as the step
# command reads it (a count as a whole number, a date as a date): a text where a count was
# once stored made the rules fail. Lists (introducers, documents) are the step command's.
SETTABLE: dict[str, Callable[[str, str], Any]] = {
    "votes_for": _count,
    "official_members": _count,
    "committee_members": _count,
    "special": values.parse_bool,
    "report_up": values.parse_bool,
    "received_on": _day,
    "cell_date": _day,
    "decided_on": _day,
    "mentor": _text,
    "decided_by": _text,
    "union_document": _text,
    "area_exception": lambda v, key: _text(str(values.parse_choice(v, Area, key) or ""), key),
}


def detail_changes(pairs: list[str]) -> dict[str, Any]:
    """``KEY=VALUE`` pairs as detail values, or a one-line refusal naming the pair."""
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or key not in SETTABLE:
            choices = ", ".join(f"{k}=…" for k in SETTABLE)
            raise Unparseable("error.invalid_choice", value=pair, field="--set", choices=choices)
        out[key] = SETTABLE[key](value, key)
    return out


def correction_of(
    session: Session, person_id: int, event_id: int
) -> tuple[Step, dict[str, Any], PipelineEvent]:
    """What a correction of ``event_id`` starts from: its step, detail and the event."""
    event = session.get(PipelineEvent, event_id)
    if event is None or event.person_id != person_id:
        raise InvalidValue("pipeline.bad_supersedes", event=event_id, id=person_id)
    detail = detail_of(event)
    detail.pop("exceptions", None)
    return Step(event.step), detail, event


def _append_void(session: Session, person_id: int, target: PipelineEvent, reason: str) -> int:
    void = PipelineEvent(
        person_id=person_id,
        step=VOID,
        occurred_on=date.today(),
        supersedes_id=target.id,
        note=reason,
        recorded_by=session.info.get("audit_actor"),
    )
    session.add(void)
    session.flush()
    assert void.id is not None
    return void.id


def _reason(reason: str) -> str:
    from dangvien_cli.vntext import nfc

    reason = nfc(reason or "").strip()
    if not reason:
        raise InvalidValue("error.required", field="--reason")
    return reason


def void_event(session: Session, person_id: int, event_id: int, *, reason: str) -> int:
    """Take back one wrongly recorded step or exit. Refused for the registration itself
    (``void_candidate``) and for a step a later one rests on (void that one first).
    Returns the id of the void event."""
    reason = _reason(reason)
    person = get_person(session, person_id)
    events = effective_events(session, person_id)
    target = session.get(PipelineEvent, event_id)
    if target is None or target.person_id != person_id or target.step == VOID:
        raise InvalidValue("pipeline.bad_supersedes", event=event_id, id=person_id)
    if target not in events:
        raise InvalidValue("pipeline.already_superseded", event=event_id)
    if target.step == Step.sourced.value:
        raise PipelineError("pipeline.void_sourced", event=event_id, id=person_id)
    resting = [e for e in events if NEEDS.get(Step(e.step)) == Step(target.step)]
    if resting:
        raise PipelineError(
            "pipeline.void_needed",
            event=event_id,
            step=step_label(target.step),
            later=step_label(resting[0].step),
            later_event=resting[0].id,
        )
    void_id = _append_void(session, person_id, target, reason)
    refresh_projection(session, person)
    audit.record(
        session,
        "pipeline_event",
        event_id,
        "void",
        before={"person_id": person_id, "step": target.step, "on": target.occurred_on},
        after={"void_event": void_id, "reason": reason},
    )
    return void_id


def void_candidate(session: Session, person_id: int, *, reason: str) -> dict[str, Any]:
    """Take back a mistaken registration: every event in force is voided, so the person
    leaves every list and report; the events, the voids and the reason stay. Refused once
    admitted (void the admission's steps first, latest first). Returns who it was."""
    reason = _reason(reason)
    person = get_person(session, person_id)
    if person.stage is None:
        raise PipelineError("pipeline.not_candidate", id=person_id)
    events = effective_events(session, person_id)
    if any(e.step == Step.decision.value for e in events):
        raise PipelineError("pipeline.void_admitted", id=person_id)
    before = {"full_name": person.full_name, "stage": person.stage, "unit_id": person.unit_id}
    voided = [_append_void(session, person_id, e, reason) for e in events]
    refresh_projection(session, person)
    audit.record(
        session,
        "person",
        person_id,
        "void",
        before=before,
        after={"stage": person.stage, "void_events": voided, "reason": reason},
    )
    return before
