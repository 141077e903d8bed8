"""Writing new candidates set-based: one staging row per candidate, fanned out by SQL.

A candidate becomes a person, up to nine pipeline events, an admission and a roster line.
Building those six-odd rows in Python and binding each one cost more than all the checking
of the row (docs/benchmarks.md); here the import binds one flat row per candidate into a
temporary table, and four INSERT ... SELECT statements write the real tables inside the
database engine, on SQLite and PostgreSQL alike. Event ids are handed out in the same order
as before: per person, by date, then in pipeline order.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, MetaData, Table, Text, text
from sqlalchemy.engine import Connection

from dangvien_cli.dialect import insert_rows, sync_sequences
from dangvien_cli.vocab import MemberStatus, Step

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
# What the pipeline events, admission and roster line are made of (see _EVENT_SOURCES).
HISTORY: list[tuple[str, Any]] = [
    ("stage", Text),
    ("stage_on", Date),
    ("source_date", Date),
    ("mentor_detail", Text),
    ("class_date", Date),
    ("certificate_no", Text),
    ("application_date", Date),
    ("vote_date", Date),
    ("vote_detail", Text),
    ("committee_date", Date),
    ("decision_no", Text),
    ("decision_date", Date),
    ("decision_body", Text),
    ("ceremony_date", Date),
    ("official_date", Date),
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

# (step, date column, document column, issuer column, detail column), in pipeline order:
# the order breaks ties between steps of one day, as the step commands record them.
_EVENT_SOURCES: list[tuple[Step, str, str | None, str | None, str | None]] = [
    (Step.sourced, "source_date", None, None, "mentor_detail"),
    (Step.class_passed, "class_date", "certificate_no", None, None),
    (Step.application, "application_date", None, None, None),
    (Step.cell_vote, "vote_date", None, None, "vote_detail"),
    (Step.committee_resolution, "committee_date", None, None, None),
    (Step.decision, "decision_date", "decision_no", "decision_body", None),
    (Step.ceremony, "ceremony_date", None, None, None),
    (Step.official, "official_date", None, None, None),
]


def _event_branches() -> str:
    selects = [
        f"SELECT pid, {rank} AS rank, '{step.value}' AS step, {when} AS occurred_on, "
        f"{doc or 'NULL'} AS document_no, {issuer or 'NULL'} AS issuer, "
        f"{detail or 'NULL'} AS detail, NULL AS note "
        f"FROM {STAGE_TABLE} WHERE {when} IS NOT NULL"
        for rank, (step, when, doc, issuer, detail) in enumerate(_EVENT_SOURCES, start=1)
    ]
    selects.append(
        f"SELECT pid, {len(_EVENT_SOURCES) + 1}, exit_step, exit_on, NULL, NULL, NULL, "
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
SELECT pid, coalesce(decision_unit_id, unit_id), coalesce(decision_no, ''), decision_date,
       decision_body, ceremony_date, official_date, {_STRUCK_ON}, :now
FROM {STAGE_TABLE} WHERE decision_date IS NOT NULL ORDER BY pid
""".strip()
_INSERT_MEMBERS = f"""
INSERT INTO member (person_id, unit_id, status, key_position, admitted_on, official_on,
                    left_on, updated_at)
SELECT pid, unit_id,
       CASE WHEN official_date IS NOT NULL THEN '{MemberStatus.official.value}'
            ELSE '{MemberStatus.probationary.value}' END,
       :no, decision_date, official_date, {_STRUCK_ON}, :now
FROM {STAGE_TABLE} WHERE decision_date IS NOT NULL ORDER BY pid
""".strip()


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
