"""Writing new candidates set-based: one staging row per candidate, fanned out by SQL.

A candidate becomes a person, up to nine pipeline events, an admission and a roster line.
Building those six-odd rows in Python and binding each one cost more than all the checking
of the row (docs/benchmarks.md); here the import binds one flat row per candidate into a
temporary table, and four INSERT ... SELECT statements write the real tables inside the
database engine, on SQLite and PostgreSQL alike. Event ids are handed out in the same order
as before: per person, by date, then in pipeline order.
"""

from __future__ import annotations

import json
from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Boolean, Column, Date, Integer, MetaData, Table, Text, text
from sqlalchemy.engine import Connection

from dangvien_cli.dialect import insert_rows, sync_sequences
from dangvien_cli.services.imports.step_fields import FIELD_OF, STEP_FIELDS, StepField
from dangvien_cli.services.people import given_first_key
from dangvien_cli.vntext import fold, name_sort_key
from dangvien_cli.vocab import MemberStatus, Step

if TYPE_CHECKING:
    from dangvien_cli.services.imports.candidate_rows import Candidate

STAGE_TABLE = "dv_candidate_stage"

# A person's values as the file gives them, in the person table's own names.
PERSON_VALUES = (
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "religion",
    "education",
    "professional_education",
    "occupation",
    "national_id",
    "phone",
    "unit_id",
    "youth_union",
)
NAME_KEYS = ("name_key", "given_key", "sort_key")
_TYPES = {"birth_date": Date, "unit_id": Integer, "youth_union": Boolean}


def _step_columns(f: StepField) -> list[tuple[str, Any]]:
    """A step's staged columns: its date, document, issuer and detail JSON, as it has them."""
    named = [(f.date, Date), (f.document, Text), (f.issuer, Text), (f.detail_column, Text)]
    return [(name, kind) for name, kind in named if name is not None]


# What the pipeline events, admission and roster line are made of (see _event_branches).
HISTORY: list[tuple[str, Any]] = [
    ("stage", Text),
    ("stage_on", Date),
    *(column for f in STEP_FIELDS for column in _step_columns(f)),
    ("exit_step", Text),
    ("exit_on", Date),
    ("exit_note", Text),
    ("decision_unit_id", Integer),
]
_stage = Table(
    STAGE_TABLE,
    MetaData(),
    Column("pid", Integer, primary_key=True),
    Column("full_name", Text),
    *(Column(name, Text) for name in NAME_KEYS),
    *(Column(name, _TYPES.get(name, Text)) for name in PERSON_VALUES[1:]),
    *(Column(name, kind) for name, kind in HISTORY),
    prefixes=["TEMPORARY"],
)
STAGE_COLUMNS = [c.name for c in _stage.columns]
PERSON_FIELDS = ["full_name", *NAME_KEYS, *PERSON_VALUES[1:]]  # the person table's names
_DECISION, _CEREMONY = FIELD_OF[Step.decision], FIELD_OF[Step.ceremony]
_OFFICIAL = FIELD_OF[Step.official].date


def _event_branches() -> str:
    """One SELECT per step of STEP_FIELDS, ranked in pipeline order, then the exit."""
    selects = [
        f"SELECT pid, {rank} AS rank, '{f.step.value}' AS step, {f.date} AS occurred_on, "
        f"{f.document or 'NULL'} AS document_no, {f.issuer or 'NULL'} AS issuer, "
        f"{f.detail_column or 'NULL'} AS detail, NULL AS note "
        f"FROM {STAGE_TABLE} WHERE {f.date} IS NOT NULL"
        for rank, f in enumerate(STEP_FIELDS, start=1)
    ]
    selects.append(
        f"SELECT pid, {len(STEP_FIELDS) + 1}, exit_step, exit_on, NULL, NULL, NULL, "
        f"exit_note FROM {STAGE_TABLE} WHERE exit_step IS NOT NULL"
    )
    return "\nUNION ALL ".join(selects)


_STRUCK_ON = f"CASE WHEN exit_step = '{Step.struck_off.value}' THEN exit_on END"

_INSERT_PEOPLE = f"""
INSERT INTO person (id, {", ".join(PERSON_FIELDS)}, trade_union, stage, stage_on,
                    created_at, updated_at)
SELECT pid, {", ".join(PERSON_FIELDS)}, :no, stage, stage_on, :now, :now
FROM {STAGE_TABLE} ORDER BY pid
""".strip()
_INSERT_EVENTS = f"""
INSERT INTO pipeline_event (id, person_id, step, occurred_on, document_no, issuer, detail,
                            note, recorded_at)
SELECT :first_id - 1 + row_number() OVER (ORDER BY pid, occurred_on, rank), pid, step,
       occurred_on, document_no, issuer, detail, note, :now
FROM ({_event_branches()}) AS steps
""".strip()
# No ORDER BY on the outer SELECT: the window already hands the rows out in id order, and
# sorting them again cost SQLite 40 % of this statement.
_INSERT_ADMISSIONS = f"""
INSERT INTO admission (person_id, unit_id, decision_no, decision_date, decision_body,
                       ceremony_date, official_date, struck_off_date, recorded_at)
SELECT pid, coalesce(decision_unit_id, unit_id), coalesce({_DECISION.document}, ''),
       {_DECISION.date}, {_DECISION.issuer}, {_CEREMONY.date}, {_OFFICIAL}, {_STRUCK_ON}, :now
FROM {STAGE_TABLE} WHERE {_DECISION.date} IS NOT NULL ORDER BY pid
""".strip()
_INSERT_MEMBERS = f"""
INSERT INTO member (person_id, unit_id, status, key_position, admitted_on, official_on,
                    left_on, updated_at)
SELECT pid, unit_id,
       CASE WHEN {_OFFICIAL} IS NOT NULL THEN '{MemberStatus.official.value}'
            ELSE '{MemberStatus.probationary.value}' END,
       :no, {_DECISION.date}, {_OFFICIAL}, {_STRUCK_ON}, :now
FROM {STAGE_TABLE} WHERE {_DECISION.date} IS NOT NULL ORDER BY pid
""".strip()


# Where each step's date, document, issuer and detail go in a staged row.
_AT: dict[str | None, int] = {name: i for i, name in enumerate(STAGE_COLUMNS[1:])}  # no pid
_SLOTS = {
    f.step: (_AT[f.date], _AT.get(f.document), _AT.get(f.issuer), _AT.get(f.detail_column))
    for f in STEP_FIELDS
}
_EXIT_AT = _AT["exit_step"]
_DATES_AT = [_AT[c.name] for c in _stage.columns if isinstance(c.type, Date)]
_HISTORY_EMPTY = [None] * (len(_AT) - _AT["stage"] - 2)  # after stage, stage_on
_person_staged = itemgetter(*PERSON_VALUES[1:])  # after the name and its three keys


class Staged(NamedTuple):
    """A new candidate ready to be written: its staged row (STAGE_COLUMNS after the id) and
    what handing out its id and naming a clash need."""

    line: int
    explicit_id: int | None
    national_id: str | None
    events: int  # the pipeline events its row fans out into
    row: tuple[Any, ...]


def staged(cand: Candidate, as_text: bool = False) -> Staged:
    """The candidate as a Staged row; ``as_text``: dates as the ISO text both engines read,
    for a row that crosses from a worker process (a date object costs ~10x more to send)."""
    p = cand.person
    name = p["full_name"]
    row = [name, *_name_keys(name), *_person_staged(p), cand.stage, cand.stage_on, *_HISTORY_EMPTY]
    for step, when, doc, issuer, detail in cand.steps:
        slots = _SLOTS.get(step)
        if slots is None:  # the exit, if any: the one step outside the pipeline's columns
            row[_EXIT_AT : _EXIT_AT + 3] = (step.value, when, cand.exit_note)
            continue
        at, doc_at, issuer_at, detail_at = slots
        row[at] = when
        if doc_at is not None:
            row[doc_at] = doc
        if issuer_at is not None:
            row[issuer_at] = issuer
        if detail_at is not None and detail:
            row[detail_at] = _detail_text(detail)
    row[-1] = cand.decision_unit_id
    if as_text:
        for at in _DATES_AT:
            if row[at] is not None:
                row[at] = row[at].isoformat()
    return Staged(cand.line, cand.explicit_id, p["national_id"], len(cand.steps), tuple(row))


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)
_json_text = json.encoder.encode_basestring  # a str as _to_json writes it
_DETAILS: dict[tuple[tuple[str, int], ...], str] = {}


def _detail_text(detail: dict[str, Any]) -> str:
    """The JSON of a step's detail. Vote counts repeat, so each set is encoded once; texts
    (a mentor's name) are nearly all different and are not remembered."""
    if not all(type(v) is int for v in detail.values()):
        mentor = detail.get("mentor")
        if len(detail) == 1 and type(mentor) is str:  # what JSONEncoder writes, in one C call
            return '{"mentor": ' + _json_text(mentor) + "}"
        return _to_json(detail)
    key = tuple(detail.items())
    text = _DETAILS.get(key)
    if text is None:
        if len(_DETAILS) >= 10_000:
            _DETAILS.clear()
        text = _DETAILS[key] = _to_json(detail)
    return text


_NAME_KEYS: dict[str, tuple[str, str, str]] = {}


def _name_keys(name: str) -> tuple[str, str, str]:
    """A name's search, given-name-first and sort keys. A province's file repeats most full
    names (100,000 rows hold ~40,000): a bounded memo answers ~46 % of rows."""
    keys = _NAME_KEYS.get(name)
    if keys is None:
        if len(_NAME_KEYS) >= 20_000:
            _NAME_KEYS.clear()
        keys = _NAME_KEYS[name] = (fold(name), given_first_key(name), name_sort_key(name))
    return keys


def create_stage(conn: Connection) -> None:
    _stage.create(conn)


def drop_stage(conn: Connection) -> None:
    """After the last batch; PostgreSQL's id sequences are moved past the ids handed out."""
    _stage.drop(conn)
    sync_sequences(conn, ["person", "pipeline_event"])


def stage(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Bind one row per new candidate (columns as STAGE_COLUMNS), replacing the last batch."""
    conn.execute(_stage.delete())
    insert_rows(conn, STAGE_TABLE, STAGE_COLUMNS, rows)


def insert_people(conn: Connection, now: datetime) -> None:
    """The staged people; a national ID or id already taken raises IntegrityError."""
    conn.execute(text(_INSERT_PEOPLE), {"no": False, "now": now})


def insert_history(conn: Connection, now: datetime, first_event_id: int) -> int:
    """Events, admissions and roster lines of the staged people; the events written."""
    events = conn.execute(text(_INSERT_EVENTS), {"first_id": first_event_id, "now": now})
    conn.execute(text(_INSERT_ADMISSIONS), {"no": False, "now": now})
    conn.execute(text(_INSERT_MEMBERS), {"no": False, "now": now})
    return int(events.rowcount)
