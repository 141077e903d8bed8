"""Import of quotas: one row per unit × period × source."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.dialect import bulk_update
from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import code_label, fmt_int, t
from dangvien_cli.models import Period, Quota, Unit, pk, table_of, utcnow
from dangvien_cli.services import audit
from dangvien_cli.services.imports import (
    UNIT_CODE_HEADERS,
    FieldSpec,
    ImportFile,
    ImportResult,
    Row,
    raise_if_errors,
    start_import,
)
from dangvien_cli.services.quotas import get_period, normalize_source
from dangvien_cli.services.unit_life import outside_period
from dangvien_cli.services.units import code_key
from dangvien_cli.values import parse_int

FIELDS = [
    FieldSpec("unit_code", (*UNIT_CODE_HEADERS, "Mã", "code"), required=True),
    FieldSpec("period", ("Kỳ", "Năm", "Giai đoạn", "Nhiệm kỳ", "year"), required=True),
    FieldSpec("source", ("Nguồn", "Cấp giao", "Nơi giao", "Nguồn chỉ tiêu")),
    FieldSpec("target", ("Chỉ tiêu", "Số lượng", "Số chỉ tiêu", "Chỉ tiêu kết nạp"), required=True),
]


def import_quotas(session: Session, file: ImportFile, *, default_source: str) -> ImportResult:
    mapping, result, errors = start_import("quotas", file, FIELDS)
    unit_ids = dict(session.execute(select(col(Unit.code_key), pk(Unit.id))).all())
    dated = {  # the few units founded or dissolved on a known day
        uid: (code, founded, dissolved)
        for uid, code, founded, dissolved in session.execute(
            select(pk(Unit.id), col(Unit.code), col(Unit.founded_on), col(Unit.dissolved_on)).where(
                col(Unit.founded_on).is_not(None) | col(Unit.dissolved_on).is_not(None)
            )
        )
    }
    periods: dict[str, Period | DangvienError] = {}
    seen: dict[tuple[int, str, str], int] = {}
    wanted: dict[tuple[int, str, str], int] = {}
    defaulted = 0  # rows without a source: said in the summary, never silent
    for row in mapping.rows(errors, file.progress):
        result.rows += 1
        before = len(errors.items)
        unit_code = row.text("unit_code") or ""
        unit_id = unit_ids.get(code_key(unit_code))
        if unit_id is None:
            reason = (
                t("unit.not_found", code=unit_code)
                if unit_code
                else t("error.required", field="unit_code")
            )
            errors.add(row.line, row.column("unit_code"), unit_code, reason)
        period = _period(session, row.text("period") or "", periods)
        if isinstance(period, DangvienError):
            errors.add(row.line, row.column("period"), row.text("period"), period.message())
        if not row.text("source"):
            defaulted += 1
        named = _cell(row, "source", errors, lambda v: normalize_source(v or default_source))
        target = _cell(row, "target", errors, _target)
        if len(errors.items) > before or unit_id is None:
            continue
        why = outside_period(*dated[unit_id], period) if unit_id in dated else None
        if why is not None:
            errors.add(row.line, row.column("unit_code"), unit_code, t(why[0], **why[1]))
            continue
        key = (unit_id, period.code, named)
        if key in seen:
            errors.add(
                row.line,
                row.column("unit_code"),
                unit_code,
                t("import.duplicate_in_file", value=unit_code, first=seen[key]),
            )
            continue
        seen[key] = row.line
        wanted[key] = target
    raise_if_errors(file.path, errors)
    if defaulted:
        source_used = normalize_source(default_source)
        label = code_label("quota_source", source_used)
        result.warnings.append(t("quota.source_defaulted", count=fmt_int(defaulted), source=label))

    period_ids = {}
    stored = [p for p in periods.values() if isinstance(p, Period)]
    for period in {p.code: p for p in stored}.values():
        if period.id is None:
            session.add(period)
            session.flush()
        period_ids[period.code] = period.id
    existing = {
        (u, p, s): (qid, target)
        for qid, u, p, s, target in session.execute(
            select(
                col(Quota.id),
                col(Quota.unit_id),
                col(Period.code),
                col(Quota.source),
                col(Quota.target),
            )
            .join(Period, col(Period.id) == Quota.period_id)
            .where(col(Period.code).in_(list(period_ids)))
        ).all()
    }
    new, changed = [], []
    for (unit_id, pcode, named), target in wanted.items():
        old = existing.get((unit_id, pcode, named))
        if old is None:
            new.append(
                {
                    "unit_id": unit_id,
                    "period_id": period_ids[pcode],
                    "source": named,
                    "target": target,
                    "updated_at": utcnow(),
                }
            )
        elif old[1] != target:
            changed.append({"id": old[0], "target": target, "updated_at": utcnow()})
    result.new, result.updated = len(new), len(changed)
    result.unchanged = len(wanted) - len(new) - len(changed)
    if new:
        session.execute(insert(Quota), new)
    bulk_update(session, table_of(Quota), "id", changed)
    audit.record(session, "import", str(file.path), "quotas", after=result.as_dict())
    return result


def _period(session: Session, code: str, cache: dict[str, Period | DangvienError]) -> Any:
    """The period named by ``code`` (a year and a term need no declaration), looked up once."""
    if code not in cache:
        try:
            if not code:
                raise DangvienError("error.required", field="period")
            cache[code] = get_period(session, code)
        except DangvienError as exc:
            cache[code] = exc
    return cache[code]


def _target(value: Any) -> int:
    target = parse_int(value, "target")
    if target is None:
        raise DangvienError("error.required", field="target")
    if target < 0:
        raise DangvienError("error.negative", field="target", value=target)
    return target


def _cell(row: Row, key: str, errors: RowErrors, parse: Any) -> Any:
    try:
        return parse(row.raw(key))
    except DangvienError as exc:
        errors.add(row.line, row.column(key), row.raw(key), exc.message())
        return None
