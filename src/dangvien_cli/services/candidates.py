"""What ``candidate show`` tells: the person, their timeline, the dossier, what comes next."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dangvien_cli.models import PipelineEvent, RuleException, Unit
from dangvien_cli.services import rules, workdays
from dangvien_cli.services.people import get_person, mask
from dangvien_cli.services.pipeline import Step, detail_of, effective_events, latest
from dangvien_cli.vocab import Stage

# The admission dossier in filing order (01-HD/TW 2021 point 3; forms of 12-HD/BTCTW 2022):
# (form, the step or dossier item that files it)
DOSSIER: list[tuple[str, str]] = [
    ("CN-NTVĐ", Step.class_passed.value),
    ("1-KNĐ", Step.application.value),
    ("2-KNĐ", "2-KNĐ"),
    ("thẩm tra lý lịch", Step.background_check.value),
    ("3-KNĐ", Step.introducers.value),
    ("5-KNĐ", "5-KNĐ"),
    ("6-KNĐ", Step.cell_vote.value),
    ("8-KNĐ", Step.committee_resolution.value),
    ("9-KNĐ", Step.decision.value),
]

NEXT_STEP: dict[str, Step] = {
    Stage.sourced.value: Step.class_passed,
    Stage.trained.value: Step.application,
    Stage.applied.value: Step.cell_vote,
    Stage.voted.value: Step.committee_resolution,
    Stage.recommended.value: Step.decision,
    Stage.admitted.value: Step.ceremony,
    Stage.probationary.value: Step.official,
}


def next_step(
    events: list[PipelineEvent], stage: str | None
) -> tuple[Step | None, date | None, str | None]:
    """The next step, its legal deadline where the rules set one, and the rule's code."""
    step = NEXT_STEP.get(stage or "")
    if step is None:
        return None, None, None
    if step in (Step.committee_resolution, Step.decision):
        vote = latest(events, Step.cell_vote)
        if vote:
            limit = rules.rules_in_force(vote.occurred_on)["decision_deadline_wd"].value
            return step, workdays.add_working_days(vote.occurred_on, int(limit)), "R17"
    if step is Step.ceremony:
        decision = latest(events, Step.decision)
        if decision:
            limit = rules.rules_in_force(decision.occurred_on)["ceremony_deadline_wd"].value
            return step, workdays.add_working_days(decision.occurred_on, int(limit)), "R18"
    if step is Step.official:
        ceremony = latest(events, Step.ceremony)
        if ceremony:
            return step, rules.official_review_deadline(ceremony.occurred_on), "R20"
    if step is Step.cell_vote:
        cls = latest(events, Step.class_passed)
        if cls:
            months = rules.rules_in_force(cls.occurred_on)["certificate_validity_months"].value
            return step, workdays.add_months(cls.occurred_on, int(months)), "R8"
    return step, None, None


def candidate_detail(
    session: Session, person_id: int, *, show_private: bool = False
) -> dict[str, Any]:
    person = get_person(session, person_id)
    unit = session.get(Unit, person.unit_id) if person.unit_id else None
    all_events = list(
        session.execute(
            select(PipelineEvent)
            .where(PipelineEvent.person_id == person_id)
            .order_by(PipelineEvent.occurred_on, PipelineEvent.id)
        ).scalars()
    )
    effective = effective_events(session, person_id)
    live = {e.id for e in effective}
    filed = {e.step for e in effective} | {
        detail_of(e).get("item") for e in effective if e.step == Step.dossier.value
    }
    step, deadline, rule = next_step(effective, person.stage)
    exceptions = session.execute(
        select(RuleException).where(RuleException.person_id == person_id).order_by(RuleException.id)
    ).scalars()
    return {
        "id": person.id,
        "full_name": person.full_name,
        "birth_date": person.birth_date,
        "gender": person.gender,
        "ethnicity": person.ethnicity,
        "religion": person.religion,
        "education": person.education,
        "occupation": person.occupation,
        "national_id": person.national_id if show_private else mask(person.national_id),
        "phone": person.phone if show_private else mask(person.phone),
        "unit_code": unit.code if unit else None,
        "unit_name": unit.name if unit else None,
        "youth_union": person.youth_union,
        "stage": person.stage,
        "stage_on": person.stage_on,
        "next_step": step.value if step else None,
        "next_deadline": deadline,
        "next_rule": rule,
        "overdue": bool(deadline and deadline < date.today()),
        "timeline": [
            {
                "event_id": e.id,
                "step": e.step,
                "date": e.occurred_on,
                "document_no": e.document_no,
                "issuer": e.issuer,
                "detail": detail_of(e),
                "note": e.note,
                "supersedes": e.supersedes_id,
                "superseded": e.id not in live,
                "recorded_by": e.recorded_by,
            }
            for e in all_events
        ],
        "documents": [{"form": form, "present": key in filed} for form, key in DOSSIER],
        "exceptions": [
            {
                "rule": x.rule,
                "approved_by": x.approved_by,
                "document_no": x.document_no,
                "approved_on": x.approved_on,
                "reason": x.reason,
            }
            for x in exceptions
        ],
    }
