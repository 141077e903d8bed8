"""Exports: the records as files that open cleanly in Excel and import back unchanged.

The columns of each kind are the keys its import reads (the ``FIELDS`` of
services.imports.*), so an exported file goes back in with ``<group> import``:
``units`` → ``unit import``, ``members`` → ``member import --unit ROOT``, ``quotas`` →
``quota import``, and ``candidates`` and ``admissions`` → ``candidate import`` (a candidate
row carries every step's date and number, so the history comes back too; an admission row
is a candidate row holding only the admission's steps; ``decision_unit_code`` names the unit
an admission was decided in when the person has moved since). The members file lists those
who left too (``left_on``, ``exit_reason``) and the day each joined their unit
(``unit_since``); units carry ``dissolved_on`` and ``successor`` (docs/map-changes.md; a
unit's earlier parents and names are not in the file). National ID and phone numbers are
masked unless ``show_private`` is set; the imports refuse a masked value, so a file meant
to go back in must be exported with it. Not exported: superseded steps (only the history in
force), rule exceptions, and steps no import column holds (introducers, dossier items,
background checks, committee votes).

Rows are streamed from the database (``yield_per``) straight into the file writer, so a
province's million candidates never sit in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased
from sqlmodel import col

from dangvien_cli.models import Admission, Member, Period, Person, PipelineEvent, Quota, Unit
from dangvien_cli.services.audit import mask_numbers
from dangvien_cli.services.imports import candidates, members, quotas, units
from dangvien_cli.services.imports.step_fields import (
    EXIT,
    EXIT_DATE,
    EXIT_NOTE,
    EXIT_STEPS,
    FIELD_OF,
    STEP_FIELDS,
)
from dangvien_cli.services.people import mask
from dangvien_cli.services.unit_tree import subtree_ids
from dangvien_cli.services.units import get_unit
from dangvien_cli.tabular_write import write_table
from dangvien_cli.vocab import Step

KINDS = ("units", "members", "candidates", "admissions", "quotas")
BATCH = 2000
PRIVATE = ("national_id", "phone")
# Free text a clerk typed, which may hold a phone number: its ID-like numbers are masked.
FREE_TEXT = ("exit_reason", "note", "reason")
EXITS = tuple(step.value for step in EXIT_STEPS)
ADMISSION_KEYS = (
    "id",
    "full_name",
    "birth_date",
    "national_id",
    "unit_code",
    "decision_no",
    "decision_date",
    "decision_body",
    "ceremony_date",
    "official_date",
    "exit",
    "exit_date",
    "decision_unit_code",
)

Rows = Iterator[dict[str, Any]]


@dataclass
class ExportResult:
    kind: str
    path: str
    rows: int
    masked: bool

    def as_dict(self) -> dict[str, Any]:
        fmt = "xlsx" if self.path.lower().endswith((".xlsx", ".xlsm")) else "csv"
        return {
            "kind": self.kind,
            "file": self.path,
            "format": fmt,
            "rows": self.rows,
            "masked": self.masked,
        }


@dataclass
class Scope:
    unit_ids: list[int] | None  # None: every unit
    period: Period | None


def export(
    session: Session,
    kind: str,
    path: Path | None,
    *,
    show_private: bool = False,
    unit_code: str | None = None,
    period_code: str | None = None,
    delimiter: str | None = None,
    stream: TextIO | None = None,
    vietnamese_headers: bool = True,
) -> ExportResult:
    """Write the records of one kind to ``path`` (.csv, .tsv or .xlsx) or, as CSV, to
    ``stream``. An .xlsx sheet is named after the kind and headed by the Vietnamese column
    names the import reads (``vietnamese_headers``), else by the keys."""
    from dangvien_cli.services.quotas import get_period

    unit_ids = subtree_ids(session, get_unit(session, unit_code).id) if unit_code else None
    period = get_period(session, period_code) if period_code else None
    keys, source = SOURCES[kind]
    private = [k for k in PRIVATE if k in keys and not show_private]
    free_text = [k for k in FREE_TEXT if k in keys and not show_private]

    def rows() -> Iterator[list[Any]]:
        for row in source(session, Scope(unit_ids, period)):
            for k in private:
                row[k] = mask(row[k])
            for k in free_text:
                row[k] = mask_numbers(row.get(k))
            yield [row.get(k) for k in keys]

    labels = [LABELS.get(k, k) for k in keys] if vietnamese_headers else None
    count = write_table(
        path, keys, rows(), delimiter=delimiter, sheet=kind, labels=labels, stream=stream
    )
    return ExportResult(kind, "-" if path is None else str(path), count, bool(private))


def _stream(session: Session, query: Select[*tuple[Any, ...]]) -> Rows:
    for row in session.execute(query, execution_options={"yield_per": BATCH}):
        yield dict(row._mapping)


def _within(query: Select[*tuple[Any, ...]], column: Any, scope: Scope) -> Select[*tuple[Any, ...]]:
    return query if scope.unit_ids is None else query.where(column.in_(scope.unit_ids))


def _units(session: Session, scope: Scope) -> Rows:
    """Parents before children, siblings by code: the order a clerk reads a tree in."""
    parent, successor = aliased(Unit), aliased(Unit)
    query: Select[*tuple[Any, ...]] = select(
        col(Unit.id),
        col(Unit.parent_id),
        col(Unit.code_key),
        col(Unit.code),
        col(Unit.name),
        col(Unit.kind),
        col(parent.code).label("parent"),
        col(Unit.block),
        col(Unit.founded_on),
        col(Unit.dissolved_on),
        col(successor.code).label("successor"),
    )
    query = query.outerjoin(parent, col(parent.id) == col(Unit.parent_id)).outerjoin(
        successor, col(successor.id) == col(Unit.merged_into_id)
    )
    rows = list(_stream(session, _within(query, Unit.id, scope)))  # thousands at most
    below: dict[int | None, list[dict[str, Any]]] = {}
    for r in rows:
        below.setdefault(r["parent_id"], []).append(r)
    inside = {r["id"] for r in rows}
    stack = sorted((r for r in rows if r["parent_id"] not in inside), key=_code, reverse=True)
    while stack:
        unit = stack.pop()
        yield unit
        stack += sorted(below.get(unit["id"], []), key=_code, reverse=True)


def _code(row: dict[str, Any]) -> str:
    return str(row["code_key"])


def _quotas(session: Session, scope: Scope) -> Rows:
    query: Select[*tuple[Any, ...]] = (
        select(
            col(Unit.code).label("unit_code"),
            col(Period.code).label("period"),
            col(Quota.source),
            col(Quota.target),
        )
        .join(Unit, col(Unit.id) == col(Quota.unit_id))
        .join(Period, col(Period.id) == col(Quota.period_id))
        .order_by(col(Period.start_on), col(Period.code), col(Unit.code_key), col(Quota.source))
    )
    if scope.period is not None:
        query = query.where(col(Period.code) == scope.period.code)
    return _stream(session, _within(query, Quota.unit_id, scope))


PERSON: tuple[Any, ...] = (
    col(Person.id),
    col(Person.full_name),
    col(Person.birth_date),
    col(Person.gender),
    col(Person.ethnicity),
    col(Person.religion),
    col(Person.education),
    col(Person.professional_education),
    col(Person.occupation),
    col(Person.national_id),
    col(Person.phone),
    col(Unit.code).label("unit_code"),
    col(Person.youth_union),
)


def _members(session: Session, scope: Scope) -> Rows:
    query = (
        select(
            *PERSON,
            col(Member.status),
            col(Member.key_position),
            col(Member.position),
            col(Member.admitted_on),
            col(Member.official_on),
            col(Member.unit_since),
            col(Member.left_on),
            col(Member.exit_reason),
        )
        .select_from(Person)
        .join(Member, col(Member.person_id) == col(Person.id))
        .join(Unit, col(Unit.id) == col(Member.unit_id))
        .order_by(col(Unit.code_key), col(Person.sort_key), col(Person.id))
    )
    return _stream(session, _within(query, Member.unit_id, scope))


def _candidates(session: Session, scope: Scope) -> Rows:
    query = (
        select(*PERSON)
        .join(Unit, col(Unit.id) == col(Person.unit_id))
        .where(col(Person.stage).is_not(None))
        .order_by(col(Person.id))
    )
    steps = _steps_by_person(session, scope)
    pending = next(steps, None)
    decided_in = dict(
        session.execute(
            select(col(Admission.person_id), col(Unit.code))
            .join(Unit, col(Unit.id) == col(Admission.unit_id))
            .join(Person, col(Person.id) == col(Admission.person_id))
            .where(col(Admission.unit_id) != col(Person.unit_id))
        ).all()
    )  # the few admitted people who moved since (unit merge, member transfer)
    for person in _stream(session, _within(query, Person.unit_id, scope)):
        person["decision_unit_code"] = decided_in.get(person["id"])
        while pending is not None and pending[0] < person["id"]:
            pending = next(steps, None)
        if pending is not None and pending[0] == person["id"]:
            person.update(pending[1])
        yield person


def _steps_by_person(session: Session, scope: Scope) -> Iterator[tuple[int, dict[str, Any]]]:
    """(person id, the step columns) in person id order, from the events still in force."""
    superseded = set(
        session.execute(
            select(col(PipelineEvent.supersedes_id)).where(
                col(PipelineEvent.supersedes_id).is_not(None)
            )
        ).scalars()
    )  # corrections are few: a set beats a NOT EXISTS per event
    query = select(
        col(PipelineEvent.id),
        col(PipelineEvent.person_id),
        col(PipelineEvent.step),
        col(PipelineEvent.occurred_on),
        col(PipelineEvent.document_no),
        col(PipelineEvent.issuer),
        col(PipelineEvent.detail),
        col(PipelineEvent.note),
    ).order_by(col(PipelineEvent.person_id), col(PipelineEvent.occurred_on), col(PipelineEvent.id))
    if scope.unit_ids is not None:
        query = query.join(Person, col(Person.id) == col(PipelineEvent.person_id))
    current: int | None = None
    found: dict[str, Any] = {}
    for e in _stream(session, _within(query, Person.unit_id, scope)):
        if e["id"] in superseded:
            continue
        if e["person_id"] != current:
            if current is not None:
                yield current, found
            current, found = e["person_id"], {}
        _put(found, e)
    if current is not None:
        yield current, found


def _put(found: dict[str, Any], e: dict[str, Any]) -> None:
    """One event into the step columns (STEP_FIELDS); of two events of one step, the later
    one wins, but a `candidate mentor` step's mentor wins over the sourced step's."""
    step, on = e["step"], e["occurred_on"]
    detail = json.loads(e["detail"]) if e["detail"] else {}
    columns = _COLUMNS_OF.get(step)
    if columns is not None:
        found[columns.date] = on
        if columns.document:
            found[columns.document] = e["document_no"]
        if columns.issuer:
            found[columns.issuer] = e["issuer"]
        if step == _SOURCED:
            if detail.get(_MENTOR):
                found.setdefault(_MENTOR, detail[_MENTOR])
        else:
            found.update((key, detail.get(key)) for key in columns.detail)
    elif step == _MENTOR_STEP and detail.get(_MENTOR):
        found[_MENTOR] = detail[_MENTOR]
    elif step in EXITS:
        found.update({EXIT: step, EXIT_DATE: on, EXIT_NOTE: e["note"]})


_COLUMNS_OF = {f.step.value: f for f in STEP_FIELDS}
_SOURCED, _MENTOR_STEP = Step.sourced.value, Step.mentor.value
(_MENTOR,) = FIELD_OF[Step.sourced].detail


def _admissions(session: Session, scope: Scope) -> Rows:
    """One row per admission: ``unit_code`` the person's unit now (what the candidate import
    reads), ``decision_unit_code`` the unit it was decided in."""
    now = aliased(Unit)
    query: Select[*tuple[Any, ...]] = (
        select(
            col(Admission.person_id).label("id"),
            col(Person.full_name),
            col(Person.birth_date),
            col(Person.national_id),
            func.coalesce(now.code, col(Unit.code)).label("unit_code"),
            col(Admission.decision_no),
            col(Admission.decision_date),
            col(Admission.decision_body),
            col(Admission.ceremony_date),
            col(Admission.official_date),
            col(Admission.struck_off_date).label("exit_date"),
            col(Unit.code).label("decision_unit_code"),
        )
        .select_from(Admission)
        .join(Person, col(Person.id) == col(Admission.person_id))
        .join(Unit, col(Unit.id) == col(Admission.unit_id))
        .outerjoin(now, col(now.id) == col(Person.unit_id))
        .order_by(col(Admission.decision_date), col(Person.sort_key), col(Person.id))
    )
    if scope.period is not None:
        query = query.where(
            col(Admission.decision_date).between(scope.period.start_on, scope.period.end_on)
        )
    for row in _stream(session, _within(query, Admission.unit_id, scope)):
        row[EXIT] = Step.struck_off.value if row[EXIT_DATE] else None
        yield row


def _keys(module: Any) -> tuple[str, ...]:
    return tuple(spec.key for spec in module.FIELDS)


SOURCES: dict[str, tuple[tuple[str, ...], Callable[[Session, Scope], Rows]]] = {
    "units": (_keys(units), _units),
    "members": (_keys(members), _members),
    "candidates": (_keys(candidates), _candidates),
    "admissions": (ADMISSION_KEYS, _admissions),
    "quotas": (_keys(quotas), _quotas),
}


# A column's Vietnamese header: the first name its import knows it by ("id" → "Mã số").
LABELS: dict[str, str] = {
    spec.key: spec.aliases[0]
    for module in (units, quotas, members, candidates)
    for spec in module.FIELDS
    if spec.aliases
}
