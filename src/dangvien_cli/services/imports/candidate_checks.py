"""Checks of the candidate import that mirror the step commands, and how a stored step is
compared with a file's row. Kept apart from the import's hot loop (imports.candidates)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Member, Person, PipelineEvent, RuleException
from dangvien_cli.services import rules
from dangvien_cli.services.imports.columns import Row
from dangvien_cli.services.imports.step_fields import EXIT, EXIT_DATE, FIELD_OF
from dangvien_cli.vocab import Step


def waived_rules(session: Session) -> dict[Any, set[str]]:
    """Rules a higher body waived, by person id and by CCCD: a re-import of such a person
    is judged as the commands judge them (the table is small)."""
    out: dict[Any, set[str]] = {}
    query = select(
        col(RuleException.person_id), col(Person.national_id), col(RuleException.rule)
    ).join(Person, col(Person.id) == RuleException.person_id)
    for pid, nid, rule in session.execute(query):
        if not rules.waivable(rule):  # stored by an older version: waives nothing now
            continue
        waived = {rule, *rules.RULE_NOTES[rule].covers}  # R3's consent covers R2's age
        out.setdefault(pid, set()).update(waived)
        if nid:
            out.setdefault(nid, set()).update(waived)
    return out


def rosters(session: Session) -> dict[int, list[Any]]:
    """Each unit's roster lines, read once: R14's denominator for the rows' cell votes."""
    out: dict[int, list[Any]] = {}
    query = select(
        col(Member.unit_id),
        col(Member.status),
        col(Member.official_on),
        col(Member.left_on),
        col(Member.admitted_on),
    )
    for line in session.execute(query):
        out.setdefault(line.unit_id, []).append(line)
    return out


def vote_counts(
    row: Row, errors: RowErrors, vote: date | None, votes_for: int | None, members: int | None
) -> None:
    """As `candidate vote` requires: a cell vote carries both counts, and counts need a vote."""
    vote_field = FIELD_OF[Step.cell_vote]
    for key, value in zip(vote_field.detail, (votes_for, members), strict=True):
        if vote is not None and value is None:
            errors.add(row.line, row.column(key), "", t("error.required", field=key))
        elif vote is None and value is not None:
            reason = t("import.without_step", field=key, step=row.column(vote_field.date))
            errors.add(row.line, row.column(key), value, reason)


def exit_step(
    row: Row, errors: RowErrors, step: Step | None, when: date | None, dates: dict[Step, Any]
) -> None:
    """What the exit commands refuse: leaving after admission, striking off anyone but a
    probationary member, an exit dated before the steps it ends."""
    if step is None:
        if when is not None and row.text(EXIT) is None:
            reason = t("import.without_step", field=EXIT_DATE, step=row.column(EXIT))
            errors.add(row.line, row.column(EXIT_DATE), when, reason)
        return
    column = row.column(EXIT)
    if step is Step.struck_off:
        if not dates[Step.ceremony] or dates[Step.official]:
            errors.add(row.line, column, step.value, t("import.struck_off_needs_probation"))
    elif dates[Step.decision]:
        errors.add(row.line, column, step.value, t("import.exit_after_decision"))
    steps = [(d, FIELD_OF[s].date) for s, d in dates.items() if d is not None]
    if when is None and not steps:
        errors.add(row.line, row.column(EXIT_DATE), "", t("error.required", field=EXIT_DATE))
    elif when is not None and steps and when < max(steps)[0]:
        last, col = max(steps)
        reason = t("import.exit_before_step", step=row.column(col), date=fmt_date(last))
        errors.add(row.line, row.column(EXIT_DATE), when, reason)


def same_step(
    old: PipelineEvent,
    when: date,
    doc: str | None,
    issuer: str | None,
    detail: dict[str, Any] | None,
    note: str | None,
    current: dict[str, PipelineEvent],
) -> bool:
    """Whether the stored step already says what the file says; an empty cell says nothing."""
    if old.occurred_on != when:
        return False
    if doc is not None and old.document_no != doc:
        return False
    if (issuer is not None and old.issuer != issuer) or (note is not None and old.note != note):
        return False
    if not detail:
        return True
    stored = json.loads(old.detail) if old.detail else {}
    mentor = current.get(Step.mentor.value)
    if "mentor" in detail and mentor is not None and mentor.detail:
        # `candidate mentor` records a later mentor as a step of its own: either one agrees.
        if json.loads(mentor.detail).get("mentor") == detail["mentor"]:
            stored["mentor"] = detail["mentor"]
    return all(stored.get(k) == v for k, v in detail.items())
