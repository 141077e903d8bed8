"""Reading one row of a member roster: its cells as values, checked as `member add` and
`candidate add` check them (dates, status, R29's CCCD, an exit's date and reason), and no
person twice in one file. Kept apart from matching and writing (imports.members).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Unit
from dangvien_cli.services import rules
from dangvien_cli.services.imports.cells import (
    education_code,
    national_id_cell,
    parse_date_cell,
    phone_cell,
)
from dangvien_cli.services.imports.columns import (
    PERSON_FIELDS,
    UNIT_CODE_HEADERS,
    ColumnMap,
    FieldSpec,
    Row,
)
from dangvien_cli.services.people import clean_name
from dangvien_cli.services.units import code_key
from dangvien_cli.values import parse_bool, parse_choice, parse_id
from dangvien_cli.vntext import fold
from dangvien_cli.vocab import ExitReason, Gender, MemberStatus

FIELDS = [
    *PERSON_FIELDS,
    FieldSpec("unit_code", UNIT_CODE_HEADERS),
    FieldSpec("status", ("Trạng thái", "Loại đảng viên", "Chính thức/dự bị")),
    FieldSpec("key_position", ("Chủ chốt", "Giữ vị trí chủ chốt", "Cán bộ chủ chốt")),
    FieldSpec("position", ("Chức vụ",)),
    FieldSpec("admitted_on", ("Ngày vào Đảng", "Ngày kết nạp")),
    FieldSpec("official_on", ("Ngày chính thức",)),
    # Dated moves (issue 17): in ``unit_code`` since this day (a transfer row when the unit
    # differs from the stored one: the earlier unit is kept in the member's history) ...
    FieldSpec("unit_since", ("Ngày chuyển đến", "Sinh hoạt từ ngày")),
    # ... and an exit row: off the roster from this day, for this reason.
    FieldSpec("left_on", ("Ngày ra khỏi danh sách", "Ngày ra khỏi Đảng")),
    FieldSpec("exit_reason", ("Lý do ra khỏi danh sách",)),
]
STATUS = {
    "official": MemberStatus.official,
    "chinh-thuc": MemberStatus.official,
    "ct": MemberStatus.official,
    "probationary": MemberStatus.probationary,
    "du-bi": MemberStatus.probationary,
    "db": MemberStatus.probationary,
}
_PARSERS: dict[str, Any] = {
    "id": parse_id,
    "birth_date": parse_date_cell,
    "admitted_on": parse_date_cell,
    "official_on": parse_date_cell,
    "unit_since": parse_date_cell,
    "left_on": parse_date_cell,
    "exit_reason": lambda v: parse_choice(v, ExitReason, "exit_reason", labels="exit_reason"),
    "gender": lambda v: parse_choice(v, Gender, "gender"),
    "education": education_code,
    "key_position": lambda v: parse_bool(v, "key_position"),
    "national_id": national_id_cell,
    "phone": phone_cell,
    "full_name": clean_name,
}


def parse_member(
    row: Row,
    mapping: ColumnMap,
    home: Unit,
    units: dict[str, int],
    errors: RowErrors,
    warned: Counter[str],
) -> dict[str, Any] | None:
    """The row as {field: value}, holding only the fields the file has columns for."""
    before = len(errors.items)
    rec: dict[str, Any] = {"line": row.line, "full_name": None}
    for key in (f.key for f in FIELDS):
        if not mapping.has(key) or key in ("unit_code", "status"):
            continue
        raw = row.raw(key)
        try:
            value = _PARSERS[key](raw) if key in _PARSERS and raw is not None else raw
        except DangvienError as exc:
            errors.add(row.line, row.column(key), raw, exc.message())
            continue
        rec[key] = value.value if isinstance(value, Gender | ExitReason) else value
    for key in ("admitted_on", "official_on", "left_on"):  # an act is a fact: nothing after today
        when = rec.get(key)
        if when is not None and when > date.today():
            reason = t("act.in_future", field=row.column(key), date=fmt_date(when))
            errors.add(row.line, row.column(key), row.raw(key), reason)
    if row.raw("full_name") is None:
        errors.add(row.line, row.column("full_name"), "", t("error.required", field="full_name"))
    status = _status(row, rec, errors)
    if status is not None:
        rec["status"] = status
    if mapping.has("unit_code"):  # else a new person joins --unit, one on file stays put
        cell = row.text("unit_code")
        rec["unit_id"] = units.get(code_key(cell)) if cell else home.id
        if rec["unit_id"] is None:
            reason = t("member.outside_unit", code=cell, unit=home.code)
            errors.add(row.line, row.column("unit_code"), cell, reason)
    if rec.get("national_id"):
        _check_cccd(row, rec, errors, warned)
    _check_exit(row, rec, errors)
    if rec.get("left_on"):
        rec["left_col"] = row.column("left_on")  # for _check_exits_on_file
    return rec if len(errors.items) == before else None


def _check_exit(row: Row, rec: dict[str, Any], errors: RowErrors) -> None:
    """An exit row says when and why; it cannot come before the admission."""
    left, reason, admitted = rec.get("left_on"), rec.get("exit_reason"), rec.get("admitted_on")
    if reason and not left:
        errors.add(row.line, row.column("left_on"), "", t("error.required", field="left_on"))
    if left and admitted and left < admitted:
        errors.add(
            row.line,
            row.column("left_on"),
            row.raw("left_on"),
            t("member.before_admission", id=row.line, day=fmt_date(admitted)),
        )


def _status(row: Row, rec: dict[str, Any], errors: RowErrors) -> str | None:
    raw = row.text("status")
    if raw is None:  # no status given: an official date says official, else as stored
        return MemberStatus.official.value if rec.get("official_on") else None
    status = STATUS.get(re.sub(r"[^a-z0-9]+", "-", fold(raw)).strip("-"))
    if status is None:
        choices = "official/chính thức, probationary/dự bị"
        reason = t("error.invalid_choice", value=raw, field="status", choices=choices)
        errors.add(row.line, row.column("status"), raw, reason)
        return None
    if status is MemberStatus.probationary and rec.get("official_on"):
        errors.add(row.line, row.column("status"), raw, t("import.probationary_with_official"))
    return status.value


def _check_cccd(row: Row, rec: dict[str, Any], errors: RowErrors, warned: Counter[str]) -> None:
    """R29, as `candidate add` checks it: the number agrees with birth year and sex."""
    for v in rules.check_cccd(rec["national_id"], rec.get("birth_date"), rec.get("gender")):
        if v.severity == "error":
            errors.add(row.line, row.column("national_id"), rec["national_id"], v.line())
        else:
            warned[v.rule] += 1


def check_duplicates(records: list[dict[str, Any]], errors: RowErrors) -> None:
    """One person, one row: the same id, national ID or unnamed-ID name+birth date twice."""
    seen: dict[tuple[str, Any], int] = {}
    for rec in records:
        keys = [("id", rec.get("id")), ("national_id", rec.get("national_id"))]
        if not rec.get("id") and not rec.get("national_id"):
            keys.append(("full_name", (fold(rec["full_name"]), rec.get("birth_date"))))
        for column, value in keys:
            if value is None:
                continue
            first = seen.setdefault((column, value), rec["line"])
            if first != rec["line"]:
                shown = value if column != "full_name" else rec["full_name"]
                errors.add(
                    rec["line"],
                    column,
                    shown,
                    t("import.duplicate_in_file", value=shown, first=first),
                )
