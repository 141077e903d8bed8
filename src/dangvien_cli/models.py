"""The tables. One module, as the SQLModel docs advise, so relations never import in circles.

Design notes:
- Codes and names are stored NFC; ``*_key`` columns hold the folded form that searches and
  uniqueness use (``code_key`` is the case-folded code; ``name_key`` the diacritic-free name)
  and ``sort_key`` the Vietnamese collation key, so that both engines search and order through
  plain indexes.
- A person is one human being from candidate to member. Their pipeline is the append-only
  ``pipeline_event`` table; ``person.stage`` and ``admission`` are projections of it, kept in
  step by the services, so that reports read one row per person instead of replaying events.
- An admission counts for the unit it was decided in (``admission.unit_id``), in the period
  that holds its decision date, and for every unit above that one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Protocol, cast

from sqlalchemy import (
    CursorResult,
    Index,
    MetaData,
    Result,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
)
from sqlalchemy.orm import Mapped
from sqlalchemy.types import TypeEngine
from sqlmodel import Field, SQLModel, col

# Named constraints let Alembic's batch mode drop and recreate them on SQLite later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utcnow() -> datetime:
    return datetime.now(UTC)


class _Row(Protocol):
    id: int | None


def stored_id(row: _Row) -> int:
    """The id of a row read from the database or flushed to it. Models type ``id`` as
    ``int | None`` because a new row has none until the database gives it one."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it was never flushed")
    return row.id


def table_of(model: type[SQLModel]) -> Table:
    """The Core table behind a model, for set-based statements (``insert().from_select``):
    SQLModel sets ``__table__`` on each table class without declaring it to type checkers."""
    table = inspect(model).local_table
    assert isinstance(table, Table)
    return table


def pk(model_id: int | None) -> Mapped[int]:
    """A primary key in a query, typed as SQL reads it: SQLModel types ``Model.id`` as the
    attribute's value, ``int | None`` (None until a new row is flushed); a stored id is never
    null."""
    return cast("Mapped[int]", col(model_id))


def rowcount(result: Result[Any]) -> int:
    """The rows an UPDATE or DELETE matched: Session.execute returns a CursorResult for
    them, though SQLAlchemy types it as a plain Result."""
    return cast(CursorResult[Any], result).rowcount


def bytewise(length: int) -> TypeEngine[str]:
    """A key that is sorted and searched by range: PostgreSQL compares it byte by byte
    (COLLATE "C"), as SQLite does, whatever the database's locale (migration 0003)."""
    return String(length).with_variant(String(collation="C"), "postgresql")


class Unit(SQLModel, table=True):
    __tablename__ = "unit"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64)
    code_key: str = Field(max_length=64, unique=True, sa_type=bytewise(64))
    name: str = Field(max_length=300)
    name_key: str = Field(max_length=300, index=True, sa_type=bytewise(300))
    kind: str = Field(max_length=32)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    block: str | None = Field(default=None, max_length=32, index=True)
    founded_on: date | None = None
    dissolved_on: date | None = None
    merged_into_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    state_since: date | None = None  # first day of the current parent/name/kind/block
    # R16: from this day, by this document, a đảng ủy cơ sở decides admissions itself.
    admits_from: date | None = None
    admits_document: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


class UnitHistory(SQLModel, table=True):
    """An earlier state of a unit, for the days it held (both included; ``valid_from`` null:
    since the unit began). The ``unit`` row holds the state since ``unit.state_since``."""

    __tablename__ = "unit_history"

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    valid_from: date | None = None
    valid_to: date
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    name: str
    kind: str
    block: str | None = None


class Period(SQLModel, table=True):
    __tablename__ = "period"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, sa_type=bytewise(64))
    name: str = Field(max_length=200)
    kind: str = Field(max_length=16)  # year | term | range
    start_on: date
    end_on: date
    closed_at: datetime | None = None
    closed_by: str | None = Field(default=None, max_length=100)


class Quota(SQLModel, table=True):
    __tablename__ = "quota"
    __table_args__ = (UniqueConstraint("unit_id", "period_id", "source"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id")
    period_id: int = Field(foreign_key="period.id", index=True)
    source: str = Field(max_length=32, sa_type=bytewise(32))
    target: int
    updated_at: datetime = Field(default_factory=utcnow)


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    full_name: str = Field(max_length=200)
    name_key: str = Field(max_length=200, index=True, sa_type=bytewise(200))  # "nguyen thi …"
    # "lien nguyen thi hong": given name first
    given_key: str = Field(max_length=200, index=True, sa_type=bytewise(200))
    sort_key: str = Field(max_length=600, index=True, sa_type=bytewise(600))
    birth_date: date | None = None
    gender: str | None = Field(default=None, max_length=8)
    ethnicity: str | None = Field(default=None, max_length=64)
    religion: str | None = Field(default=None, max_length=64)
    education: str | None = Field(default=None, max_length=32)
    professional_education: str | None = Field(default=None, max_length=32)
    occupation: str | None = Field(default=None, max_length=64)
    national_id: str | None = Field(default=None, max_length=12, unique=True)
    phone: str | None = Field(default=None, max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    youth_union: bool = False
    trade_union: bool = False
    stage: str | None = Field(default=None, max_length=16, index=True)
    stage_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PersonHistory(SQLModel, table=True):
    """The unit a person belonged to until ``valid_to`` (included), before a dated act (a
    merge, a transfer) moved them; ``person.unit_id`` holds the unit since."""

    __tablename__ = "person_history"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    valid_to: date


class PipelineEvent(SQLModel, table=True):
    """One dated step of a candidate's pipeline. Rows are never updated or deleted:
    a correction is a new row whose ``supersedes_id`` names the row it replaces."""

    __tablename__ = "pipeline_event"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    step: str = Field(max_length=32)
    occurred_on: date
    document_no: str | None = Field(default=None, max_length=64)
    issuer: str | None = Field(default=None, max_length=200)
    detail: str | None = Field(default=None, sa_type=Text)  # JSON: votes, introducers, …
    supersedes_id: int | None = Field(default=None, foreign_key="pipeline_event.id")
    note: str | None = Field(default=None, sa_type=Text)
    recorded_at: datetime = Field(default_factory=utcnow)
    recorded_by: str | None = Field(default=None, max_length=100)


class RuleException(SQLModel, table=True):
    """A higher body's approved exception to one rule, for one person."""

    __tablename__ = "rule_exception"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    rule: str = Field(max_length=16)
    approved_by: str = Field(max_length=200)
    document_no: str = Field(max_length=64)
    approved_on: date | None = None
    reason: str = Field(sa_type=Text)
    recorded_at: datetime = Field(default_factory=utcnow)
    recorded_by: str | None = Field(default=None, max_length=100)


class Admission(SQLModel, table=True):
    """The admission decision of one person; the fact table of quota reports."""

    __tablename__ = "admission"
    __table_args__ = (
        Index("ix_admission_decision_date_unit_id", "decision_date", "unit_id"),
        Index("ix_admission_unit_id_decision_date", "unit_id", "decision_date"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", unique=True)
    unit_id: int = Field(foreign_key="unit.id")
    decision_no: str = Field(max_length=64)
    decision_date: date
    decision_body: str | None = Field(default=None, max_length=200)
    ceremony_date: date | None = None
    official_date: date | None = None
    struck_off_date: date | None = None
    recorded_at: datetime = Field(default_factory=utcnow)


class Member(SQLModel, table=True):
    """A unit's roster line: an official or probationary Party member."""

    __tablename__ = "member"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", unique=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    status: str = Field(max_length=16)
    key_position: bool = False
    position: str | None = Field(default=None, max_length=200)
    admitted_on: date | None = None
    official_on: date | None = None
    left_on: date | None = None
    exit_reason: str | None = None  # death | removed | expelled | resigned | transferred-out
    unit_since: date | None = None  # first day in ``unit_id``; earlier units: member_history
    updated_at: datetime = Field(default_factory=utcnow)


class MemberHistory(SQLModel, table=True):
    """An earlier unit of a member (``temporary`` false), or a temporary transfer
    (chuyển sinh hoạt tạm thời: ``temporary`` true, ``valid_to`` null while it runs; the
    member stays on the home unit's roster). Days both included."""

    __tablename__ = "member_history"

    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(foreign_key="member.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    valid_from: date | None = None
    valid_to: date | None = None
    temporary: bool = False


class TrainingClass(SQLModel, table=True):
    """An awareness class (lớp bồi dưỡng nhận thức về Đảng)."""

    __tablename__ = "training_class"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=300)
    organizer: str | None = Field(default=None, max_length=200)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    start_on: date
    end_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)


class ClassAttendance(SQLModel, table=True):
    __tablename__ = "class_attendance"
    __table_args__ = (UniqueConstraint("class_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    class_id: int = Field(foreign_key="training_class.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    result: str | None = Field(default=None, max_length=32)
    certificate_no: str | None = Field(default=None, max_length=64)
    certificate_date: date | None = None


class AuditEntry(SQLModel, table=True):
    """Who changed what, when, with which command: append-only."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=100)
    command: str = Field(max_length=200)
    entity: str = Field(max_length=32, index=True)
    entity_id: str | None = Field(default=None, max_length=64)
    action: str = Field(max_length=16)
    before: str | None = Field(default=None, sa_type=Text)
    after: str | None = Field(default=None, sa_type=Text)
    # The hash chain (dangvien_cli.auditchain): the previous entry's hash and this one's.
    prev_hash: str | None = Field(default=None, max_length=64)
    entry_hash: str | None = Field(default=None, max_length=64)
