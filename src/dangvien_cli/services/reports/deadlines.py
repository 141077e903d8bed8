"""What is due or overdue, each item with its legal deadline and the rule it comes from.

SQL picks the people (one query per kind of deadline, joined to their unit); Python only
does the calendar arithmetic of each picked row (working days, months), with the rule value
in force on the day the clock started (services.rules).

Kinds: ``decision`` (R17: the admission decision after the cell vote), ``ceremony`` (R18:
after the decision), ``probation-end`` (R19: ceremony + 12 months, official from that day),
``official-review`` (R20: the cell's review after probation ended), ``member-record`` (R25:
the new member's lý lịch đảng viên, form 1-HSĐV, within 30 working days of the ceremony,
while it is not on file), ``certificate`` (R8:
the awareness-class certificate of a candidate not yet voted on), ``stalled`` (no step for
``--stalled`` days; no legal deadline, so ``rule`` and ``source`` are null).

Row keys: ``kind``, ``rule``, ``source``, ``person_id``, ``full_name``, ``unit_code``,
``unit_name``, ``stage``, ``since`` (the date the clock started), ``deadline``,
``days_left`` (calendar days from ``as_of``; negative when overdue) and ``overdue``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, exists, func, null, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.models import Admission, Member, Person, PipelineEvent, Unit
from dangvien_cli.services import rules
from dangvien_cli.services.reports.sqlfuncs import not_superseded, people_of, person_unit_on
from dangvien_cli.services.units import get_unit, require_alive
from dangvien_cli.services.workdays import add_months, add_working_days
from dangvien_cli.vocab import Stage, Step

FIELDS = (
    "kind",
    "rule",
    "source",
    "person_id",
    "full_name",
    "unit_code",
    "unit_name",
    "stage",
    "since",
    "deadline",
    "days_left",
    "overdue",
)
KINDS = (
    "decision",
    "ceremony",
    "member-record",
    "probation-end",
    "official-review",
    "certificate",
    "stalled",
)
MEMBER_RECORD = "1-HSĐV"  # lý lịch đảng viên, filed by 'candidate dossier' (R25)
_NOT_VOTED = (Stage.sourced.value, Stage.trained.value, Stage.applied.value)
_IN_PROGRESS = (*_NOT_VOTED, Stage.voted.value, Stage.recommended.value)


@cache
def _rule(key: str, on: date, fallback: date) -> rules.Rule:
    """The rule row in force on the day; for acts older than the rules on file, today's."""
    found = rules.rules_in_force(on).get(key) or rules.rules_in_force(fallback).get(key)
    if found is None:
        raise LookupError(key)
    return found


def _people(on: date, *columns: Any) -> Select[*tuple[Any, ...]]:
    """People with the unit they belonged to on ``on`` (a merge or transfer since moved them).
    A member who left the roster by then (death, a transfer out of this tree, …) has no
    deadline left here."""
    left = exists().where(col(Member.person_id) == Person.id, col(Member.left_on) <= on)
    return (
        select(
            col(Person.id),
            col(Person.full_name),
            col(Unit.code),
            col(Unit.name),
            col(Person.stage),
            *columns,
        )
        .select_from(Person)
        .join(Unit, col(Unit.id) == person_unit_on(on))
        .where(~left)
    )


def _latest_step(step: Step, people: Any = None) -> Any:
    """The latest effective event of one step per person, with its detail; with ``people``
    (a select of ids), theirs only, so that a unit's report ranks its own people's events."""
    ranked: Any = select(
        col(PipelineEvent.person_id),
        col(PipelineEvent.occurred_on),
        col(PipelineEvent.detail),
        func.row_number()
        .over(
            partition_by=col(PipelineEvent.person_id),
            order_by=(col(PipelineEvent.occurred_on).desc(), col(PipelineEvent.id).desc()),
        )
        .label("rn"),
    ).where(col(PipelineEvent.step) == step.value, not_superseded())
    if people is not None:
        ranked = ranked.where(col(PipelineEvent.person_id).in_(people))
    return ranked.subquery()


def _queries(as_of: date, stalled: int, people: Any = None) -> dict[str, Select[*tuple[Any, ...]]]:
    vote = _latest_step(Step.cell_vote, people)
    cls = _latest_step(Step.class_passed, people)
    admission = col(Admission.person_id) == Person.id
    stage, stage_on = col(Person.stage), col(Person.stage_on)
    ceremony_date = col(Admission.ceremony_date)
    return {
        "decision": _people(as_of, vote.c.occurred_on, null())
        .join(vote, (vote.c.person_id == Person.id) & (vote.c.rn == 1))
        .where(stage.in_((Stage.voted.value, Stage.recommended.value))),
        "ceremony": _people(as_of, Admission.decision_date, null())
        .join(Admission, admission)
        .where(stage == Stage.admitted.value, ceremony_date.is_(None)),
        "probation": _people(as_of, ceremony_date, null())
        .join(Admission, admission)
        .where(
            stage == Stage.probationary.value,
            ceremony_date.is_not(None),
            col(Admission.official_date).is_(None),
            col(Admission.struck_off_date).is_(None),
        ),
        "member-record": _people(as_of, ceremony_date, null())
        .join(Admission, admission)
        .where(
            stage == Stage.probationary.value,
            ceremony_date.is_not(None),
            ~exists().where(
                col(PipelineEvent.person_id) == Person.id,
                col(PipelineEvent.step) == Step.dossier.value,
                col(PipelineEvent.detail).contains(f'"{MEMBER_RECORD}"'),
                not_superseded(),
            ),
        ),
        "certificate": _people(as_of, cls.c.occurred_on, cls.c.detail)
        .join(cls, (cls.c.person_id == Person.id) & (cls.c.rn == 1))
        .where(stage.in_(_NOT_VOTED)),
        "stalled": _people(as_of, stage_on, null()).where(
            stage.in_(_IN_PROGRESS), stage_on <= as_of - timedelta(days=stalled)
        ),
    }


def _count(rule: rules.Rule) -> int:
    """The value of a rule counted in working days or months: a whole number."""
    if not isinstance(rule.value, int):
        raise TypeError(f"{rule.key} is not a count: {rule.value!r}")
    return rule.value


# (kind, rule or None, the day the clock started, the deadline)
Due = tuple[str, rules.Rule | None, date, date]


def _decision(since: date, _detail: str | None, as_of: date) -> Due:
    rule = _rule("decision_deadline_wd", since, as_of)
    return "decision", rule, since, add_working_days(since, _count(rule))


def _ceremony(since: date, _detail: str | None, as_of: date) -> Due:
    rule = _rule("ceremony_deadline_wd", since, as_of)
    return "ceremony", rule, since, add_working_days(since, _count(rule))


def _member_record(since: date, _detail: str | None, as_of: date) -> Due | None:
    # R25's only source is of 2022: a ceremony before it had no such deadline on file
    rule = rules.rules_in_force(since).get("member_record_deadline_wd")
    if rule is None:
        return None
    return "member-record", rule, since, add_working_days(since, _count(rule))


def _probation(since: date, _detail: str | None, as_of: date) -> Due:
    end = rules.probation_end(since)
    if end >= as_of:
        return "probation-end", _rule("probation_months", since, as_of), since, end
    rule = _rule("official_review_deadline_wd", end, as_of)
    return "official-review", rule, end, rules.official_review_deadline(since)


def _certificate(since: date, detail: str | None, as_of: date) -> Due:
    issued = json.loads(detail).get("certificate_date") if detail else None
    start = date.fromisoformat(issued) if issued else since
    rule = _rule("certificate_validity_months", start, as_of)
    return "certificate", rule, start, add_months(start, _count(rule))


_DUE: dict[str, Callable[[date, str | None, date], Due | None]] = {
    "decision": _decision,
    "ceremony": _ceremony,
    "member-record": _member_record,
    "probation": _probation,
    "certificate": _certificate,
}


def report_deadlines(
    session: Session,
    *,
    as_of: date,
    within: int = 30,
    stalled: int = 180,
    unit_code: str | None = None,
) -> Iterator[dict[str, Any]]:
    """The items due by ``as_of + within`` days, soonest first. Each is held as a small
    tuple until it is shown (a nation's file holds close to a million overdue items: as
    dicts they took a gigabyte) and its unit's code and name, and its stage, are held once."""
    horizon = as_of + timedelta(days=within)
    unit_id = None
    if unit_code:
        unit = get_unit(session, unit_code)
        require_alive(unit, as_of)
        unit_id = unit.id

    def stall(since: date, _detail: str | None, _as_of: date) -> Due:
        return "stalled", None, since, since + timedelta(days=stalled)

    units: dict[str, tuple[str, str]] = {}
    stages: dict[str, str] = {}
    items: list[tuple[Any, ...]] = []
    people = people_of(unit_id, as_of) if unit_id is not None else None
    for name, query in _queries(as_of, stalled, people).items():
        if people is not None:
            query = query.where(col(Person.id).in_(people))
        due_of = _DUE.get(name, stall)
        rows = session.connection().execute(query)  # Core: rows come from the cursor as read
        for pid, full_name, ucode, uname, stage, started, detail in rows:
            due = due_of(started, detail, as_of)
            if due is None:
                continue
            kind, rule, since, deadline = due
            if deadline > horizon:
                continue
            unit_of = units.setdefault(ucode, (ucode, uname))
            stage = stages.setdefault(stage, stage)
            items.append((deadline, KINDS.index(kind), pid, rule, since, full_name, unit_of, stage))
    items.sort(key=itemgetter(0, 1, 2))  # soonest first, then by kind and person
    return _as_rows(items, as_of)


def _as_rows(items: list[tuple[Any, ...]], as_of: date) -> Iterator[dict[str, Any]]:
    for deadline, rank, pid, rule, since, full_name, (ucode, uname), stage in items:
        yield {
            "kind": KINDS[rank],
            "rule": rule.code if rule else None,
            "source": rule.source if rule else None,
            "person_id": pid,
            "full_name": full_name,
            "unit_code": ucode,
            "unit_name": uname,
            "stage": stage,
            "since": since,
            "deadline": deadline,
            "days_left": (deadline - as_of).days,
            "overdue": deadline < as_of,
        }
