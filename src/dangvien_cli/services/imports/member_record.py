"""A roster against the admission record: what a unit's roster file may not rewrite. The
pipeline admits (admission record) and makes official (admission official), judging the
Charter's minimums there; a roster only carries members admitted before dangvien knew them,
and even then no line is official before its probation could end (R19)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Admission, Member, Person, Unit, pk
from dangvien_cli.services import rules
from dangvien_cli.services.unit_life import left_behind
from dangvien_cli.vocab import NOT_ADMITTED, MemberStatus

CHUNK = 5000  # values in one IN list


def chunked(values: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


@dataclass
class _OnFile:
    """What is stored of the people the rows matched: stage, admission, roster line."""

    stages: dict[int, str | None] = field(default_factory=dict)
    # decision, official
    admitted: dict[int, tuple[date, date | None]] = field(default_factory=dict)
    on_roster: dict[int, tuple[date | None, date | None]] = field(default_factory=dict)


def _on_file(session: Session, pids: list[int]) -> _OnFile:
    found = _OnFile()
    for part in chunked(pids):
        people = select(pk(Person.id), col(Person.stage)).where(col(Person.id).in_(part))
        found.stages.update((pid, stage) for pid, stage in session.execute(people))
        admissions = select(
            col(Admission.person_id), col(Admission.decision_date), col(Admission.official_date)
        ).where(col(Admission.person_id).in_(part))
        found.admitted.update((pid, (d, o)) for pid, d, o in session.execute(admissions))
        lines = select(
            col(Member.person_id), col(Member.admitted_on), col(Member.official_on)
        ).where(col(Member.person_id).in_(part))
        found.on_roster.update((pid, (a, o)) for pid, a, o in session.execute(lines))
    return found


def check_against_record(
    session: Session, records: list[dict[str, Any]], found: dict[int, int], errors: RowErrors
) -> None:
    """Each row against what is stored of its person (``found``: row position -> id)."""
    on_file = _on_file(session, list(set(found.values())))
    for i, rec in enumerate(records):
        pid = found.get(i)
        if pid is not None and on_file.stages.get(pid) in NOT_ADMITTED:
            _not_admitted(rec, pid, on_file.stages[pid] or "", errors)
        elif pid is not None and pid in on_file.admitted:
            _against_admission(rec, pid, *on_file.admitted[pid], errors)
        else:
            stored = on_file.on_roster.get(pid, (None, None)) if pid is not None else (None, None)
            _probation_kept(rec, *stored, errors)


def _not_admitted(rec: dict[str, Any], pid: int, stage: str, errors: RowErrors) -> None:
    """A candidate is admitted through the pipeline (admission record), not by a roster."""
    column = "id" if rec.get("id") == pid else "national_id" if rec.get("national_id") else ""
    column = column or "full_name"
    reason = t("member.still_candidate", id=pid, stage=t(f"stage.{stage}"))
    errors.add(rec["line"], column, rec.get(column), reason)


def _against_admission(
    rec: dict[str, Any], pid: int, decided: date, official: date | None, errors: RowErrors
) -> None:
    """A member admitted through dangvien keeps the decision's date and becomes official
    through admission official, where R19-R22 are judged."""
    if rec.get("admitted_on") not in (None, decided):
        reason = t("member.admitted_on_record", id=pid, day=fmt_date(decided))
        errors.add(rec["line"], "admitted_on", fmt_date(rec["admitted_on"]), reason)
    named = rec.get("official_on")
    made_official = official is None and rec.get("status") == MemberStatus.official.value
    if named not in (None, official) or made_official:
        column, shown = ("official_on", fmt_date(named)) if named else ("status", rec["status"])
        errors.add(rec["line"], column, shown, t("member.official_by_admission", id=pid))


def _probation_kept(
    rec: dict[str, Any], since: date | None, official: date | None, errors: RowErrors
) -> None:
    """R19 on a line of a member admitted before dangvien knew them: the file's dates, else
    the stored ones."""
    since = rec.get("admitted_on") or since
    official = rec.get("official_on") or official
    if since is not None and official is not None:
        for v in rules.check_probation_kept(since, official):
            errors.add(rec["line"], "official_on", fmt_date(official), v.line())


def check_not_stranded(
    session: Session,
    records: list[dict[str, Any]],
    found: dict[int, int],
    home_id: int,
    errors: RowErrors,
) -> None:
    """Nobody is put on the roster of a unit dissolved since (a merge moved its members to
    the successor): a row there must have left the roster by the day it ended."""
    ended = select(pk(Unit.id), col(Unit.code), col(Unit.dissolved_on)).where(
        col(Unit.dissolved_on) < date.today()
    )
    gone = {uid: (code, day) for uid, code, day in session.execute(ended)}
    for i, rec in enumerate(records):
        if i in found and "unit_id" not in rec:
            continue  # a stored person stays where they are
        uid = rec.get("unit_id", home_id)
        why = left_behind(*gone[uid], rec.get("left_on")) if uid in gone else None
        if why is not None:
            errors.add(rec["line"], "unit_code", gone[uid][0], t(why[0], **why[1]))
