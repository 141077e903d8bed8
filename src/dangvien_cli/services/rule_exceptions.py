"""Exceptions a higher body approved to one rule for one person (R3 consent, a late ceremony
agreed by the superior committee, …): recorded with the approving body, the document and the
reason, and skipped by later checks of that rule. The event that relied on one names it.

Only rules whose text gives a route take one (rules.RULE_NOTES, from DOMAIN 2.13): an
exception to a Charter minimum (R1, R9, R14, R19, R22, …) is refused, and an exception of that
kind stored by an older version waives nothing."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import InvalidValue
from dangvien_cli.models import RuleException
from dangvien_cli.services import audit, rules
from dangvien_cli.services.people import get_person

# An exception to one rule that also waives another: the R3 consent covers the R2 age limit.
COVERS: dict[str, tuple[str, ...]] = {
    code: note.covers for code, note in rules.RULE_NOTES.items() if note.covers
}


def exceptions_for(session: Session, person_id: int) -> dict[str, RuleException]:
    """The person's recorded exceptions by rule code (the latest one of each rule)."""
    rows = session.execute(
        select(RuleException)
        .where(col(RuleException.person_id) == person_id)
        .order_by(col(RuleException.id))
    ).scalars()
    return {x.rule: x for x in rows if rules.waivable(x.rule)}


# Consents the text wants before the act they allow (R3: "before the committee decides").
CONSENT_BEFORE_ACT = ("R3",)


def excuse(
    violations: list[rules.Violation], excepted: dict[str, RuleException], on: date | None = None
) -> tuple[list[rules.Violation], list[tuple[rules.Violation, RuleException]]]:
    kept, excused = [], []
    for v in violations:
        codes = [v.rule] + [code for code, covered in COVERS.items() if v.rule in covered]
        exc = next((excepted[c] for c in codes if c in excepted), None)
        # A consent the act needs first must show it came first: one given later, or one
        # an older version stored without its day, does not excuse the act.
        not_shown_first = (
            exc is not None
            and exc.rule in CONSENT_BEFORE_ACT
            and on is not None
            and (exc.approved_on is None or exc.approved_on > on)
        )
        if exc is None or not_shown_first:
            kept.append(v)
        else:
            excused.append((v, exc))
    return kept, excused


def exception_codes() -> list[str]:
    """The rule codes an exception may name: those whose text gives an approval route."""
    return sorted(
        (c for c in {r.code for r in rules.RULES} if rules.waivable(c)),
        key=lambda c: (not c[1:].isdigit(), c[1:].zfill(3)),
    )


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
    """Record a higher body's waiver of one rule for one person; later steps skip that rule."""
    get_person(session, person_id)
    code = rule.strip().upper()
    note = rules.rule_note(code)
    if note is not None and not rules.waivable(code):
        raise InvalidValue(
            "exception.not_waivable", rule=code, why_vi=note.why_vi, why_en=note.why_en
        )
    if code not in exception_codes():
        raise InvalidValue(
            "error.invalid_choice", value=rule, field="--rule", choices=", ".join(exception_codes())
        )
    for name, value in (("--by", approved_by), ("--document", document_no), ("--reason", reason)):
        if not value.strip():
            raise InvalidValue("error.required", field=name)
    if approved_on is None and code in CONSENT_BEFORE_ACT:
        # without its date, nothing shows the consent came before the decision it allows
        raise InvalidValue("exception.date_required", rule=code)
    if approved_on is not None and approved_on > date.today():
        raise InvalidValue("act.in_future", field="--date", date=approved_on)
    exc = RuleException(
        person_id=person_id,
        rule=code,
        approved_by=approved_by.strip(),
        document_no=document_no.strip(),
        approved_on=approved_on,
        reason=reason.strip(),
        recorded_by=session.info.get("audit_actor"),
    )
    session.add(exc)
    session.flush()
    audit.record(
        session,
        "rule_exception",
        exc.id,
        "add",
        after={"person_id": person_id, "rule": exc.rule, "document_no": exc.document_no},
    )
    return exc
