"""What ``candidate show`` tells: the person, their timeline, the dossier, what comes next."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import t
from dangvien_cli.models import ClassAttendance, PipelineEvent, RuleException, TrainingClass, Unit
from dangvien_cli.services import rules, workdays
from dangvien_cli.services.audit import mask_numbers
from dangvien_cli.services.people import get_person, mask
from dangvien_cli.services.projection import VOID, effective_events
from dangvien_cli.services.step_checks import (
    UNION_ROUTES,
    VOTE_DOSSIER,
    certificate_valid_until,
    detail_of,
    failed_recognitions,
    latest,
    missing_dossier,
    must_report_up,
    needs_committee,
)
from dangvien_cli.services.units import admission_authority
from dangvien_cli.vntext import fold
from dangvien_cli.vocab import Stage, Step

# The admission dossier in filing order (01-HD/TW 2021 point 3; forms of 12-HD/BTCTW 2022):
# (form, the step or dossier item that files it); a form of None is shown by the step's name.
DOSSIER: list[tuple[str | None, str]] = [
    ("CN-NTVĐ", Step.class_passed.value),
    ("1-KNĐ", Step.application.value),
    ("2-KNĐ", "2-KNĐ"),
    (None, Step.background_check.value),
    ("3-KNĐ", Step.introducers.value),
    ("5-KNĐ", "5-KNĐ"),
    ("6-KNĐ", Step.cell_vote.value),
    ("8-KNĐ", Step.committee_resolution.value),
    ("9-KNĐ", Step.decision.value),
]
UNION_FORM = "4-KNĐ"  # the Youth Union / trade-union committee's resolution (R10, R11)
# After admission: lý lịch and phiếu đảng viên (R25); for official recognition the
# self-review and the helping member's comments.
AFTER_ADMISSION = ["1-HSĐV", "2-HSĐV", "10-KNĐ", "11-KNĐ"]
RECOGNITION_FORMS = ["10-KNĐ", "11-KNĐ"]
# Forms filed by a step of their own, not by 'candidate dossier'.
FILED_BY_STEP = {form: key for form, key in DOSSIER if form and form not in VOTE_DOSSIER}
DOSSIER_ITEMS = [*VOTE_DOSSIER, UNION_FORM, "7-KNĐ", *AFTER_ADMISSION]

NEXT_STEP: dict[str, Step] = {
    Stage.sourced.value: Step.class_passed,
    Stage.trained.value: Step.application,
    Stage.applied.value: Step.cell_vote,
    Stage.voted.value: Step.committee_resolution,
    Stage.recommended.value: Step.decision,
    Stage.admitted.value: Step.ceremony,
    Stage.probationary.value: Step.official,
}


def _form_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def dossier_item(text: str) -> str:
    """A dossier form as the clerk types it ('2-knd', '2 KNĐ') in its proper spelling."""
    key = _form_key(text)
    for form in DOSSIER_ITEMS:
        if _form_key(form) == key:
            return form
    for form, step in FILED_BY_STEP.items():
        if _form_key(form) == key:
            raise InvalidValue("dossier.filed_by_step", form=form, step=t(f"step.{step}"))
    raise InvalidValue(
        "error.invalid_choice", value=text, field="ITEM", choices=", ".join(DOSSIER_ITEMS)
    )


# The step (or event) a next step's deadline belongs to, when it is not that step itself: the
# cell vote is bounded by the certificate's validity (R8), the committee's resolution by the
# decision's deadline (R17).
DEADLINE_OF: dict[Step, str] = {
    Step.cell_vote: "certificate",
    Step.committee_resolution: "decision",
    Step.official: "official-review",
}


def _deadline(step: Step, events: list[PipelineEvent]) -> tuple[date | None, str | None]:
    """The legal deadline of the next step, where a rule sets one, and that rule's code."""
    if step is Step.cell_vote:
        until = certificate_valid_until(events)
        return (until, "R8") if until else (None, None)
    if step in (Step.committee_resolution, Step.decision):
        vote = latest(events, Step.cell_vote)
        rule = rules.rules_in_force(vote.occurred_on).get("decision_deadline_wd") if vote else None
        if vote and rule:
            return workdays.add_working_days(vote.occurred_on, int(rule.value)), "R17"  # type: ignore[arg-type]
    if step is Step.ceremony:
        decision = latest(events, Step.decision)
        in_force = rules.rules_in_force(decision.occurred_on) if decision else {}
        if decision and "ceremony_deadline_wd" in in_force:
            limit = int(in_force["ceremony_deadline_wd"].value)  # type: ignore[arg-type]
            return workdays.add_working_days(decision.occurred_on, limit), "R18"
    if step is Step.official:
        ceremony = latest(events, Step.ceremony)
        if ceremony is not None and _probation_end(ceremony) is not None:
            return rules.official_review_deadline(ceremony.occurred_on), "R20"
    return None, None


def _probation_end(ceremony: PipelineEvent | None) -> date | None:
    if ceremony is None:
        return None
    try:
        return rules.probation_end(ceremony.occurred_on)
    except rules.RuleNotOnFile:  # a ceremony before the rules on file (2016)
        return None


def _missing(step: Step, events: list[PipelineEvent], filed: set[str | None]) -> list[str]:
    """What must be on file before the next step and is not (steps or forms)."""
    if step is Step.class_passed:
        sourced = detail_of(latest(events, Step.sourced))
        return [] if sourced.get("mentor") or Step.mentor.value in filed else [Step.mentor.value]
    if step is Step.cell_vote:
        needed = [Step.class_passed.value, Step.application.value, Step.introducers.value]
        return [s for s in needed if s not in filed] + missing_dossier(events)
    if step is Step.official:
        return [form for form in RECOGNITION_FORMS if form not in filed]
    return []


def next_step(
    events: list[PipelineEvent], stage: str | None, authority: Any = None
) -> tuple[Step | None, date | None, str | None]:
    """The next step, its legal deadline where the rules set one, and the rule's code."""
    step = NEXT_STEP.get(stage or "")
    if step is Step.committee_resolution and not needs_committee(authority):
        step = Step.decision
    if step is None:
        return None, None, None
    deadline, rule = _deadline(step, events)
    return step, deadline, rule


def _documents(
    events: list[PipelineEvent], filed: set[str | None], committee_above: bool
) -> list[dict[str, Any]]:
    intro = detail_of(latest(events, Step.introducers))
    rows = [
        {"form": form, "step": key, "present": key in filed}
        for form, key in DOSSIER
        # 8-KNĐ is the đảng ủy cơ sở's resolution: only where one stands above the cell
        if committee_above or key != Step.committee_resolution.value
    ]
    if intro.get("route") in UNION_ROUTES:
        present = bool(intro.get("union_document")) or UNION_FORM in filed
        rows.insert(5, {"form": UNION_FORM, "step": None, "present": present})
    if latest(events, Step.decision) is not None:
        rows += [{"form": f, "step": None, "present": f in filed} for f in AFTER_ADMISSION]
    return rows


def _timeline(
    session: Session, person_id: int, live: set[int], show_private: bool
) -> list[dict[str, Any]]:
    # A note is free text: a clerk may have written a phone number in it (0912-345-678).
    shown = (lambda text: text) if show_private else mask_numbers
    events = session.execute(
        select(PipelineEvent)
        .where(col(PipelineEvent.person_id) == person_id)
        .order_by(col(PipelineEvent.occurred_on), col(PipelineEvent.id))
    ).scalars()
    return [
        {
            "event_id": e.id,
            "step": e.step,
            "date": e.occurred_on,
            "document_no": e.document_no,
            "issuer": e.issuer,
            "detail": detail_of(e),
            "note": shown(e.note),
            "supersedes": e.supersedes_id,
            "superseded": e.id not in live and e.step != VOID,
            "recorded_by": e.recorded_by,
        }
        for e in events
    ]


def _classes(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            col(TrainingClass.code),
            col(TrainingClass.name),
            col(TrainingClass.start_on),
            ClassAttendance,
        )
        .join(TrainingClass, col(TrainingClass.id) == col(ClassAttendance.class_id))
        .where(col(ClassAttendance.person_id) == person_id)
        .order_by(col(TrainingClass.start_on))
    ).all()
    return [
        {
            "code": code,
            "name": name,
            "start_on": start,
            "result": a.result,
            "certificate_no": a.certificate_no,
            "certificate_date": a.certificate_date,
        }
        for code, name, start, a in rows
    ]


def _exceptions(session: Session, person_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(RuleException)
        .where(col(RuleException.person_id) == person_id)
        .order_by(col(RuleException.id))
    ).scalars()
    return [
        {
            "rule": x.rule,
            "approved_by": x.approved_by,
            "document_no": x.document_no,
            "approved_on": x.approved_on,
            "reason": x.reason,
        }
        for x in rows
    ]


def candidate_detail(
    session: Session, person_id: int, *, show_private: bool = False, today: date | None = None
) -> dict[str, Any]:
    """The whole story of one person, as ``candidate show`` prints it."""
    person = get_person(session, person_id)
    unit = session.get(Unit, person.unit_id) if person.unit_id else None
    effective = effective_events(session, person_id)
    filed: set[str | None] = {e.step for e in effective} | {
        detail_of(e).get("item") for e in effective if e.step == Step.dossier.value
    }
    authority = admission_authority(session, person.unit_id, today or date.today())
    step, deadline, rule = next_step(effective, person.stage, authority if unit else None)
    ceremony = latest(effective, Step.ceremony)
    decision = latest(effective, Step.decision)
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
        "next_deadline_of": (DEADLINE_OF.get(step, step.value) if step else None)
        if deadline
        else None,
        "next_rule": rule,
        "overdue": bool(deadline and deadline < (today or date.today())),
        "missing": _missing(step, effective, filed) if step else [],
        "certificate_valid_until": certificate_valid_until(effective),
        # R24: party age runs from the decision; R19/R22: official as of the end of probation.
        "party_age_from": decision.occurred_on if decision else None,
        "probation_end": _probation_end(ceremony),
        # R23: votes that did not recognise; at three the cell reports up for the decision
        "failed_recognitions": failed_recognitions(effective),
        "report_up": must_report_up(effective),
        "timeline": _timeline(session, person_id, {e.id for e in effective if e.id}, show_private),
        "documents": _documents(effective, filed, needs_committee(authority if unit else None)),
        "classes": _classes(session, person_id),
        "exceptions": _exceptions(session, person_id),
    }


def probation_end_of(session: Session, person_id: int) -> date:
    """R19/R22: the day a probationary member's 12 months end, the official date."""
    from dangvien_cli.services.pipeline import PipelineError

    get_person(session, person_id)
    end = _probation_end(latest(effective_events(session, person_id), Step.ceremony))
    if end is None:
        raise PipelineError("pipeline.needs", step=t("step.official"), before=t("step.ceremony"))
    return end


def roster_only_member(session: Session, person_id: int) -> int | None:
    """The person id ("Mã số", as the member sheet takes it) of a person who was never a
    candidate here but is on a roster: their sheet is the member's, not an empty dossier."""
    from dangvien_cli.models import Member

    person = get_person(session, person_id)
    if person.stage is not None:
        return None
    return session.execute(
        select(col(Member.person_id)).where(col(Member.person_id) == person_id)
    ).scalar_one_or_none()
