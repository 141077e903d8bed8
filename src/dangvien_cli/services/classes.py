"""Awareness classes (lớp bồi dưỡng nhận thức về Đảng): who attended, who passed, and the
certificate (Mẫu CN-NTVĐ) each one earned.

A passed attendee's certificate is also the pipeline's ``class`` step, recorded through
services.pipeline so that the rules of its date apply; a failed result stays on the class
only. A whole class's results go in one transaction: one refusal and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import Conflict, DangvienError, InvalidValue, NotFound, RowErrors
from dangvien_cli.i18n import fmt_date
from dangvien_cli.models import (
    ClassAttendance,
    Person,
    PipelineEvent,
    TrainingClass,
    Unit,
    stored_id,
)
from dangvien_cli.services import audit
from dangvien_cli.services.imports import FieldSpec, open_mapped, raise_if_errors
from dangvien_cli.services.pipeline import StepInput, StepOutcome, record_step, refuse_future
from dangvien_cli.services.units import check_code, get_unit, require_alive_to_act
from dangvien_cli.values import parse_date, parse_int
from dangvien_cli.vntext import fold, nfc
from dangvien_cli.vocab import Stage, Step

PASSED, FAILED = "passed", "failed"
# Results as clerks write them; the grades all mean the attendee passed.
RESULT_WORDS = {
    "passed": PASSED,
    "pass": PASSED,
    "dat": PASSED,
    "gioi": PASSED,
    "kha": PASSED,
    "trung binh": PASSED,
    "xuat sac": PASSED,
    "failed": FAILED,
    "fail": FAILED,
    "khong dat": FAILED,
    "truot": FAILED,
}
ENROLLABLE = (Stage.sourced.value, Stage.trained.value, Stage.applied.value)
RESULT_FIELDS = [
    FieldSpec("person_id", ("id", "Mã số", "Mã số người"), required=True),
    FieldSpec("result", ("Kết quả", "Xếp loại"), required=True),
    FieldSpec("certificate_no", ("Số giấy chứng nhận", "Số chứng nhận")),
    FieldSpec("certificate_date", ("Ngày cấp", "Ngày chứng nhận")),
]


class PersonRefused(DangvienError):
    """One attendee's step was refused: the message names the person."""


@dataclass
class Result:
    person_id: int
    result: str
    certificate_no: str | None = None
    certificate_date: date | None = None
    line: int | None = None  # in a results file


def get_class(session: Session, code: str) -> TrainingClass:
    found = session.execute(
        select(TrainingClass).where(func.lower(TrainingClass.code) == nfc(code).lower())
    ).scalar_one_or_none()
    if found is None:
        raise NotFound("class.not_found", code=nfc(code))
    return found


def add_class(
    session: Session,
    *,
    code: str,
    name: str,
    start_on: date,
    end_on: date,
    organizer: str,
    unit_code: str | None = None,
) -> TrainingClass:
    code = check_code(code)
    if not nfc(name):
        raise InvalidValue("error.required", field="NAME")
    if not nfc(organizer):
        raise InvalidValue("error.required", field="--organizer")
    if end_on < start_on:
        raise InvalidValue("class.bad_dates", code=code)
    try:
        get_class(session, code)
    except NotFound:
        pass
    else:
        raise Conflict("class.duplicate", code=code)
    unit = get_unit(session, unit_code) if unit_code else None
    if unit is not None:  # the unit holding the class stood on each of its days
        require_alive_to_act(unit, start_on)
        require_alive_to_act(unit, end_on)
    cls = TrainingClass(
        code=code,
        name=nfc(name),
        organizer=nfc(organizer),
        unit_id=unit.id if unit else None,
        start_on=start_on,
        end_on=end_on,
    )
    session.add(cls)
    session.flush()
    audit.record(session, "training_class", code, "add", after=_row(cls))
    return cls


def _row(cls: TrainingClass, unit_code: str | None = None) -> dict[str, Any]:
    return {
        "code": cls.code,
        "name": cls.name,
        "organizer": cls.organizer,
        "unit_code": unit_code,
        "start_on": cls.start_on,
        "end_on": cls.end_on,
    }


def list_classes(session: Session) -> list[dict[str, Any]]:
    """Every class with its head counts, in one grouped query."""
    counts = (
        select(
            col(ClassAttendance.class_id),
            func.count().label("attendees"),
            func.sum(case((col(ClassAttendance.result) == PASSED, 1), else_=0)).label("passed"),
            func.sum(case((col(ClassAttendance.result) == FAILED, 1), else_=0)).label("failed"),
        )
        .group_by(col(ClassAttendance.class_id))
        .subquery()
    )
    rows = session.execute(
        select(TrainingClass, col(Unit.code), counts.c.attendees, counts.c.passed, counts.c.failed)
        .outerjoin(Unit, col(Unit.id) == TrainingClass.unit_id)
        .outerjoin(counts, counts.c.class_id == TrainingClass.id)
        .order_by(col(TrainingClass.start_on).desc(), col(TrainingClass.code))
    ).all()
    return [
        {**_row(cls, unit), "attendees": n or 0, "passed": p or 0, "failed": f or 0}
        for cls, unit, n, p, f in rows
    ]


def class_detail(session: Session, code: str) -> dict[str, Any]:
    cls = get_class(session, code)
    unit = session.get(Unit, cls.unit_id) if cls.unit_id else None
    rows = session.execute(
        select(
            col(Person.id),
            col(Person.full_name),
            col(Unit.code),
            col(Person.stage),
            ClassAttendance,
        )
        .join(Person, col(Person.id) == ClassAttendance.person_id)
        .outerjoin(Unit, col(Unit.id) == Person.unit_id)
        .where(col(ClassAttendance.class_id) == cls.id)
        .order_by(col(Person.sort_key), col(Person.id))
    ).all()
    attendees = [
        {
            "person_id": pid,
            "full_name": name,
            "unit_code": unit_code,
            "stage": stage,
            "result": a.result,
            "certificate_no": a.certificate_no,
            "certificate_date": a.certificate_date,
        }
        for pid, name, unit_code, stage, a in rows
    ]
    passed = sum(1 for a in attendees if a["result"] == PASSED)
    failed = sum(1 for a in attendees if a["result"] == FAILED)
    detail = _row(cls, unit.code if unit else None)
    detail.update(attendee_count=len(attendees), passed=passed, failed=failed)
    detail["attendees"] = attendees
    return detail


def enroll(session: Session, code: str, person_ids: list[int]) -> tuple[int, str]:
    """Put candidates on a class's list; each must be a candidate not yet admitted."""
    cls = get_class(session, code)
    if len(set(person_ids)) != len(person_ids):
        dup = next(p for p in person_ids if person_ids.count(p) > 1)
        raise InvalidValue("class.repeated_id", id=dup)
    people = {
        p.id: p
        for p in session.execute(select(Person).where(col(Person.id).in_(person_ids))).scalars()
    }
    class_id = stored_id(cls)
    enrolled = _attendance(session, class_id, person_ids)
    for pid in person_ids:
        person = people.get(pid)
        if person is None:
            raise NotFound("person.not_found", id=pid)
        if person.stage not in ENROLLABLE:
            raise InvalidValue("class.not_candidate", id=pid)
        if pid in enrolled:
            raise Conflict("class.already_enrolled", id=pid, code=cls.code)
    session.add_all(ClassAttendance(class_id=class_id, person_id=pid) for pid in person_ids)
    audit.record(session, "training_class", cls.code, "enroll", after={"person_ids": person_ids})
    return len(person_ids), cls.code


def attach_certified(session: Session, code: str) -> int:
    """Put on a class's list, as passed, the candidates of its unit (and below) whose
    certificate, already on file as their ``class`` step, is dated within the class: a class
    recorded after its candidates were imported with their certificates. No step is recorded
    twice; returns how many were put on the list."""
    from dangvien_cli.services.reports.sqlfuncs import not_superseded, subtree_select

    cls = get_class(session, code)
    query = (
        select(
            col(PipelineEvent.person_id),
            col(PipelineEvent.document_no),
            col(PipelineEvent.occurred_on),
        )
        .join(Person, col(Person.id) == PipelineEvent.person_id)
        .where(
            col(PipelineEvent.step) == Step.class_passed.value,
            not_superseded(),
            col(PipelineEvent.occurred_on).between(cls.start_on, cls.end_on),
        )
        .order_by(col(PipelineEvent.person_id))
    )
    if cls.unit_id is not None:
        query = query.where(col(Person.unit_id).in_(subtree_select(cls.unit_id)))
    found = {pid: (no, day) for pid, no, day in session.execute(query)}
    class_id = stored_id(cls)
    listed = _attendance(session, class_id, list(found))
    new = [pid for pid in found if pid not in listed]
    session.add_all(
        ClassAttendance(
            class_id=class_id,
            person_id=pid,
            result=PASSED,
            certificate_no=found[pid][0],
            certificate_date=found[pid][1],
        )
        for pid in new
    )
    audit.record(session, "training_class", cls.code, "attach", after={"person_ids": new})
    return len(new)


def _attendance(session: Session, class_id: int, ids: list[int]) -> dict[int, ClassAttendance]:
    return {
        a.person_id: a
        for a in session.execute(
            select(ClassAttendance).where(
                col(ClassAttendance.class_id) == class_id, col(ClassAttendance.person_id).in_(ids)
            )
        ).scalars()
    }


def certificate_numbers(prefix: str | None, first: int, count: int) -> list[str | None]:
    """'{n}/CN-TTCT' from 41 gives 41/CN-TTCT, 42/CN-TTCT…; a prefix without {n} is followed
    by the number ('CN-2021-' gives CN-2021-1…); no prefix, no numbers."""
    if not prefix:
        return [None] * count
    if "{n}" in prefix:
        return [prefix.replace("{n}", str(first + i)) for i in range(count)]
    return [f"{prefix}{first + i}" for i in range(count)]


@dataclass
class ResultsFile:
    """Where results read from a file came from: every bad row is then listed with its line
    and the file's own header, as the imports list them, before anything is written."""

    path: Path
    headers: dict[str, str]  # field -> the file's header


def record_results(
    session: Session, code: str, results: list[Result], *, source: ResultsFile | None = None
) -> list[tuple[int, StepOutcome]]:
    """Record a class's results; each pass becomes the attendee's ``class`` step. From the
    command line, the first refusal stops; from a file (``source``), every one is listed."""
    cls = get_class(session, code)
    attendance = _attendance(session, stored_id(cls), [r.person_id for r in results])
    errors = RowErrors(path=str(source.path) if source else "")
    date_field = source.headers["certificate_date"] if source else "--date"
    seen: set[int] = set()
    outcomes = []

    def refused(r: Result, key: str, value: object, exc: DangvienError) -> None:
        if source is None or r.line is None:
            raise exc
        errors.add(r.line, source.headers[key], value, exc.message())

    for r in results:
        try:
            held = _attendee(cls, r, attendance.get(r.person_id), seen)
        except DangvienError as exc:
            refused(r, "person_id", r.person_id, exc)
            continue
        try:
            when = _certificate_day(cls, r, date_field)
        except DangvienError as exc:
            refused(r, "certificate_date", fmt_date(r.certificate_date), exc)
            continue
        held.result = r.result
        if r.result != PASSED or when is None:  # a failed attendee holds no certificate
            continue
        held.certificate_no, held.certificate_date = r.certificate_no, when
        try:
            outcomes.append((r.person_id, _pass(session, cls, r, when)))
        except DangvienError as exc:
            refused(r, "person_id", r.person_id, exc)
    if source is not None:
        raise_if_errors(source.path, errors)
    audit.record(
        session,
        "training_class",
        cls.code,
        "results",
        after={
            "passed": [r.person_id for r in results if r.result == PASSED],
            "failed": [r.person_id for r in results if r.result == FAILED],
        },
    )
    return outcomes


def _attendee(
    cls: TrainingClass, r: Result, attendance: ClassAttendance | None, seen: set[int]
) -> ClassAttendance:
    """The attendee a result is for: named once, enrolled, without a result yet."""
    if r.person_id in seen:
        raise InvalidValue("class.repeated_id", id=r.person_id)
    seen.add(r.person_id)
    if attendance is None:
        raise InvalidValue("class.not_enrolled", id=r.person_id, code=cls.code)
    if attendance.result is not None:
        raise Conflict("class.already_result", id=r.person_id, code=cls.code)
    return attendance


def _certificate_day(cls: TrainingClass, r: Result, field_name: str) -> date | None:
    """The certificate's day, within the class and not to come; a pass needs one."""
    when = r.certificate_date
    if when is None:
        if r.result == PASSED:
            raise InvalidValue("error.required", field=field_name)
        return None
    if when < cls.start_on:
        raise InvalidValue("class.result_before_start", id=r.person_id, code=cls.code)
    refuse_future(when, field_name)
    return when


def _pass(session: Session, cls: TrainingClass, r: Result, when: date) -> StepOutcome:
    item = StepInput(
        Step.class_passed,
        when,
        document_no=r.certificate_no,
        issuer=cls.organizer,
        detail={"class": cls.code},
    )
    try:
        return record_step(session, r.person_id, item)
    except DangvienError as exc:
        raise PersonRefused("class.person_refused", id=r.person_id, reason=exc.message()) from None


def results_from_file(path: Path, default_date: date | None) -> tuple[list[Result], ResultsFile]:
    """A small results file: person id, result (passed/đạt/giỏi/… or failed/không đạt),
    certificate number and date; every bad row is reported at once."""
    from dangvien_cli.i18n import t

    mapping = open_mapped(path, RESULT_FIELDS)
    errors = RowErrors(path=str(path))
    out: list[Result] = []
    for row in mapping.rows():
        before = len(errors.items)
        values: dict[str, Any] = {}
        for key, parse in (
            ("person_id", lambda v: parse_int(v, "person_id")),
            ("certificate_date", parse_date),
        ):
            raw = row.raw(key)
            try:
                values[key] = parse(raw)
            except DangvienError as exc:
                errors.add(row.line, row.column(key), raw, exc.message())
        if values.get("person_id") is None and len(errors.items) == before:
            errors.add(row.line, row.column("person_id"), "", t("error.required", field="id"))
        word = RESULT_WORDS.get(fold(row.text("result") or ""))
        if word is None:
            choices = "passed/đạt, failed/không đạt"
            reason = t(
                "error.invalid_choice",
                value=row.text("result") or "",
                field="result",
                choices=choices,
            )
            errors.add(row.line, row.column("result"), row.raw("result"), reason)
        if len(errors.items) == before:
            when = values.get("certificate_date") or default_date
            number = row.text("certificate_no")
            out.append(Result(values["person_id"], word or "", number, when, row.line))
    raise_if_errors(path, errors)
    headers = {key: mapping.column(key) for key in ("person_id", "certificate_date")}
    return out, ResultsFile(path, headers)
