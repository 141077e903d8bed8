"""Reading one row of a candidate file: its cells as values, judged by the Party's rules
(candidate_rules), as a Candidate ready to be written (imports.candidates).

This is the import's hot loop, a million times for a province's file: cells are read once
(Row.values) and texts that repeat (dates, genders, levels) are parsed once (Memo). Every
refusal is noted with its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from dangvien_cli.errors import DangvienError
from dangvien_cli.i18n import t
from dangvien_cli.services import people
from dangvien_cli.services.imports.candidate_rules import Cells, Checking, judge, roster_denominator
from dangvien_cli.services.imports.cells import (
    Memo,
    education_code,
    national_id_cell,
    parse_date_cell,
    phone_cell,
)
from dangvien_cli.services.imports.columns import PERSON_FIELDS, UNIT_CODE_HEADERS, FieldSpec, Row
from dangvien_cli.services.imports.step_fields import (
    EXIT,
    EXIT_DATE,
    EXIT_NOTE,
    EXIT_STEPS,
    STEP_FIELDS,
)
from dangvien_cli.services.pipeline import STAGE_AFTER
from dangvien_cli.services.unit_life import after_its_end, left_behind
from dangvien_cli.services.units import code_key
from dangvien_cli.values import invisible_in, parse_bool, parse_choice, parse_id, parse_int
from dangvien_cli.vntext import fold, visible
from dangvien_cli.vocab import Gender, Stage, Step

FIELDS = [
    *PERSON_FIELDS,
    FieldSpec("professional_education", ("Trình độ chuyên môn", "Chuyên môn")),
    FieldSpec("occupation", ("Nghề nghiệp",)),
    FieldSpec("unit_code", UNIT_CODE_HEADERS, required=True),
    FieldSpec("youth_union", ("Đoàn viên",)),
    FieldSpec("source_date", ("Ngày tạo nguồn", "Ngày vào danh sách")),
    FieldSpec("mentor", ("Người giúp đỡ", "Đảng viên giúp đỡ", "Người kèm cặp")),
    FieldSpec("class_date", ("Ngày học lớp", "Ngày chứng nhận", "Ngày cấp giấy chứng nhận")),
    FieldSpec("certificate_no", ("Số giấy chứng nhận", "Số chứng nhận")),
    FieldSpec("application_date", ("Ngày nộp đơn", "Ngày làm đơn")),
    FieldSpec("vote_date", ("Ngày chi bộ xét", "Ngày chi bộ họp", "Ngày nghị quyết chi bộ")),
    FieldSpec("votes_for", ("Số tán thành", "Phiếu tán thành")),
    FieldSpec("official_members", ("Số đảng viên chính thức", "Đảng viên chính thức")),
    FieldSpec("committee_date", ("Ngày nghị quyết đảng ủy",)),
    FieldSpec("decision_no", ("Số quyết định", "Quyết định số")),
    FieldSpec("decision_date", ("Ngày quyết định", "Ngày kết nạp")),
    FieldSpec("decision_body", ("Cơ quan quyết định", "Nơi ra quyết định")),
    FieldSpec("ceremony_date", ("Ngày lễ kết nạp", "Ngày tổ chức lễ")),
    FieldSpec("official_date", ("Ngày chính thức", "Ngày công nhận chính thức")),
    FieldSpec("exit", ("Dừng", "Kết thúc")),
    FieldSpec("exit_date", ("Ngày dừng",)),
    FieldSpec("exit_reason", ("Lý do dừng", "Lý do")),
    # The unit the admission was decided in, when the person has moved since (a merge, a
    # transfer): the admission keeps counting there for its period. Empty: ``unit_code``.
    FieldSpec("decision_unit_code", ("Đơn vị khi kết nạp", "Mã đơn vị khi kết nạp")),
]

# An exit as a file may spell it: the step's own name, or the clerk's word for it.
EXIT_WORDS = {
    **{step.value: step for step in EXIT_STEPS},
    "tu-choi": Step.rejected,
    "khong-ket-nap": Step.rejected,
    "rut": Step.withdrawn,
    "xoa-ten": Step.struck_off,
}
# A step as the import writes it: the step, its date, document, issuer and detail.
StepRecord = tuple[Step, date, str | None, str | None, dict[str, Any] | None]


@dataclass(slots=True)
class Candidate:
    line: int
    person: dict[str, Any]
    steps: list[StepRecord]
    explicit_id: int | None = None
    exit_note: str | None = None
    stage: str | None = None
    stage_on: date | None = None
    decision_unit_id: int | None = None


_NON_WORD = re.compile(r"[^a-z0-9]+")
_date_cell = Memo(parse_date_cell).__getitem__
_gender_cell = Memo(lambda value: str(parse_choice(value, Gender, "gender"))).__getitem__
_education_cell = Memo(education_code).__getitem__
_youth_cell = Memo(lambda value: parse_bool(value, "youth_union")).__getitem__
_votes_for_cell = Memo(lambda value: parse_int(value, "votes_for")).__getitem__
_members_cell = Memo(lambda value: parse_int(value, "official_members")).__getitem__
_unit_key = Memo(code_key).__getitem__


def _id_cell(value: Any) -> int | None:
    return parse_id(value)


# What _read_cells parses, in the order refusals are noted: the person, each step's date,
# the exit's date; the vote's counts after the exit's step.
_PERSON_CELLS = (
    ("birth_date", _date_cell),
    ("gender", _gender_cell),
    ("education", _education_cell),
    ("national_id", national_id_cell),
    ("id", _id_cell),
    *((f.date, _date_cell) for f in STEP_FIELDS),
    (EXIT_DATE, _date_cell),
)
_COUNT_CELLS = (("votes_for", _votes_for_cell), ("official_members", _members_cell))
_CONTACT_CELLS = (("phone", phone_cell), ("youth_union", _youth_cell))  # once judged
_STEPS = tuple(f.step for f in STEP_FIELDS)


def _text(value: Any) -> str | None:
    return value if value is None or type(value) is str else str(value)


def parse_candidate(row: Row, units: dict[str, int], state: Checking) -> Candidate | None:
    """A row as a candidate, or None after noting every reason it is refused."""
    v = row.values()
    errors_before = len(state.errors.items)
    cells = _read_cells(v, row, units, state)
    if cells is None or len(state.errors.items) > errors_before:
        return None
    cells = roster_denominator(state, cells)
    judge(row, state, cells)
    if len(state.errors.items) > errors_before:
        return None
    decision_unit = _text(v.get("decision_unit_code"))
    decision_unit_id = units.get(code_key(decision_unit)) if decision_unit else None
    if decision_unit and decision_unit_id is None:
        state.errors.add(
            row.line,
            row.column("decision_unit_code"),
            decision_unit,
            t("unit.not_found", code=decision_unit),
        )
        return None
    steps = _steps_of(v, cells)
    gone = state.dissolved.get(cells.unit_id)
    if gone is not None:
        code = _text(v.get("unit_code")) or ""
        if not _fits_a_dissolved_unit(row, state, code, gone, steps):
            return None
    staged = [s for s in steps if s[0] in STAGE_AFTER]
    phone, youth_union = _parse_cells(v, row, state, _CONTACT_CELLS)
    person = {
        "full_name": cells.name,
        "birth_date": cells.birth,
        "gender": cells.gender,
        "ethnicity": _text(v.get("ethnicity")),
        "religion": _text(v.get("religion")),
        "education": cells.education,
        "professional_education": _text(v.get("professional_education")),
        "occupation": _text(v.get("occupation")),
        "national_id": cells.national_id,
        "phone": phone,
        "unit_id": cells.unit_id,
        "youth_union": youth_union or False,
    }
    return Candidate(
        line=row.line,
        person=person,
        steps=steps,
        explicit_id=cells.explicit_id,
        exit_note=_text(v.get(EXIT_NOTE)),
        stage=STAGE_AFTER[staged[-1][0]].value if staged else Stage.sourced.value,
        stage_on=staged[-1][1] if staged else None,
        decision_unit_id=decision_unit_id,
    )


def _fits_a_dissolved_unit(
    row: Row, state: Checking, code: str, gone: date, steps: list[StepRecord]
) -> bool:
    """A row in a unit dissolved since: no step after its end, and a road that ended there
    by then (unit_life)."""
    last = max((when for _step, when, *_rest in steps), default=None)
    ended = max((when for step, when, *_rest in steps if step in EXIT_STEPS), default=None)
    why = (after_its_end(code, gone, last) if last else None) or left_behind(code, gone, ended)
    if why is None:
        return True
    state.errors.add(row.line, row.column("unit_code"), code, t(why[0], **why[1]))
    return False


def _read_cells(
    v: dict[str, Any], row: Row, units: dict[str, int], state: Checking
) -> Cells | None:
    """The row's cells as values, each bad one noted with its column."""
    name = _text(v.get("full_name"))
    if not name:
        state.errors.add(
            row.line, row.column("full_name"), "", t("error.required", field="full_name")
        )
    elif len(name) > people.NAME_LIMIT:  # the limit of `candidate add`
        reason = t("error.too_long", field="full_name", limit=people.NAME_LIMIT)
        state.errors.add(row.line, row.column("full_name"), name, reason)
    elif (hidden := invisible_in(name)) is not None:  # as `candidate add` refuses it
        reason = t("text.invisible_in", field="full_name", char=hidden, value=visible(name))
        state.errors.add(row.line, row.column("full_name"), visible(name), reason)
    unit_code = _text(v.get("unit_code")) or ""
    unit_id = units.get(_unit_key(unit_code))
    if unit_id is None:
        state.errors.add(
            row.line, row.column("unit_code"), unit_code, t("unit.not_found", code=unit_code)
        )
    birth, gender, education, national_id, explicit_id, *step_dates, exit_on = _parse_cells(
        v, row, state, _PERSON_CELLS
    )
    dates = dict(zip(_STEPS, step_dates, strict=True))
    exit_step = None
    exit_raw = _text(v.get(EXIT))
    if exit_raw:
        exit_step = EXIT_WORDS.get(_NON_WORD.sub("-", fold(exit_raw)).strip("-"))
        if exit_step is None:
            choices = ", ".join(step.value for step in EXIT_STEPS)
            reason = t("error.invalid_choice", value=exit_raw, field=EXIT, choices=choices)
            state.errors.add(row.line, row.column(EXIT), exit_raw, reason)
    votes_for, official_members = _parse_cells(v, row, state, _COUNT_CELLS)
    if not name or unit_id is None:
        return None
    return Cells(
        name,
        unit_id,
        birth,
        gender,
        education,
        national_id,
        explicit_id,
        dates,
        exit_step,
        exit_on,
        votes_for,
        official_members,
    )


def _parse_cells(
    v: dict[str, Any], row: Row, state: Checking, parsers: tuple[tuple[str, Any], ...]
) -> list[Any]:
    """Each column's cell parsed, None where empty or refused (noted with its column): one
    call for a row's many cells, not one per cell, a million rows over."""
    found: list[Any] = []
    for col, parse in parsers:
        raw = v.get(col)
        if raw is None:
            found.append(None)
            continue
        try:
            found.append(parse(raw))
        except DangvienError as exc:
            state.errors.add(row.line, row.column(col), raw, exc.message())
            found.append(None)
    return found


def _steps_of(v: dict[str, Any], cells: Cells) -> list[StepRecord]:
    """The row's pipeline steps in date order, each with its document, issuer and detail;
    a detail holds the parsed counts (the roster's denominator included) or the cell's text."""
    dates = cells.dates
    parsed = {"votes_for": cells.votes_for, "official_members": cells.official_members}
    steps: list[StepRecord] = []
    for f in STEP_FIELDS:
        when = dates[f.step]
        if when is None:
            continue
        detail = None
        if f.detail:
            values = {k: parsed[k] if k in parsed else _text(v.get(k)) for k in f.detail}
            detail = values if values[f.detail[0]] is not None else None
        steps.append(
            (
                f.step,
                when,
                _text(v.get(f.document)) if f.document else None,
                _text(v.get(f.issuer)) if f.issuer else None,
                detail,
            )
        )
    if cells.exit_step is not None:
        when = cells.exit_on or max(d for _s, d, *_ in steps)
        steps.append((cells.exit_step, when, None, None, None))
    steps.sort(key=_step_date)
    return steps


def _step_date(step: StepRecord) -> date:
    return step[1]
