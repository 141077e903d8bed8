"""Periods (a year, a term, any named range) and the quotas set for them."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli import values
from dangvien_cli.errors import InvalidValue, NotFound
from dangvien_cli.models import Period, Quota, Unit, stored_id, utcnow
from dangvien_cli.services import audit
from dangvien_cli.services.unit_tree import subtree_ids
from dangvien_cli.services.units import check_code, get_unit
from dangvien_cli.vntext import fold, nfc, nfkc_code


def implied_period(code: str) -> Period | None:
    """A year ('2022') or a term ('2020-2025') needs no declaration: its dates are implied."""
    implied = values.implied_period(nfc(nfkc_code(code)))
    if implied is None:
        return None
    code, kind, start_on, end_on = implied
    return Period(code=code, name=code, kind=kind, start_on=start_on, end_on=end_on)


def normalize_period_code(code: str) -> str:
    """A period's code in its one form: NFKC as unit codes are (a fullwidth ２０２１ is 2021)."""
    code = nfc(nfkc_code(code))
    implied = implied_period(code)
    return implied.code if implied else code


def find_period(session: Session, code: str) -> Period | None:
    return session.execute(
        select(Period).where(col(Period.code) == normalize_period_code(code))
    ).scalar_one_or_none()


def get_period(session: Session, code: str) -> Period:
    """A stored period, or the implied year/term (not stored: reading never writes)."""
    period = find_period(session, code) or implied_period(code)
    if period is None:
        raise NotFound("period.not_found", code=nfc(code))
    return period


def ensure_period(session: Session, code: str) -> Period:
    period = get_period(session, code)
    if period.id is None:
        session.add(period)
        session.flush()
        audit.record(session, "period", period.code, "add", after=period_row(period))
    return period


def add_period(
    session: Session, *, code: str, name: str | None, start_on: date, end_on: date
) -> Period:
    if end_on < start_on:
        raise InvalidValue("period.bad_range", code=code)
    code = normalize_period_code(check_code(code))  # nothing invisible in a new code
    period = find_period(session, code)
    before = None
    if period is None:
        period = Period(
            code=code, name=nfc(name or code), kind="range", start_on=start_on, end_on=end_on
        )
        session.add(period)
    else:
        before = period_row(period)
        period.start_on, period.end_on = start_on, end_on
        if name:
            period.name = nfc(name)
    session.flush()
    after = period_row(period)
    if before != after:
        action = "add" if before is None else "update"
        audit.record(session, "period", code, action, before=before, after=after)
    return period


def list_periods(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Period).order_by(col(Period.start_on), col(Period.end_on))
    ).scalars()
    return [period_row(p) for p in rows]


def period_row(p: Period) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "kind": p.kind,
        "start_on": p.start_on,
        "end_on": p.end_on,
        "closed": p.closed_at is not None,
        "closed_at": p.closed_at,
        "closed_by": p.closed_by,
    }


def close_period(session: Session, code: str) -> tuple[Period, bool]:
    """Freeze a period's figures (see guards). Returns the period and whether it was open."""
    period = ensure_period(session, code)
    if period.closed_at is not None:
        return period, False
    period.closed_at, period.closed_by = utcnow(), session.info.get("audit_actor")
    session.flush()
    audit.record(session, "period", period.code, "close", after=period_row(period))
    return period, True


def reopen_period(session: Session, code: str, *, reason: str) -> Period:
    """Open a closed period again for good; the reason stays in the audit trail."""
    reason = nfc(reason)
    if not reason:
        raise InvalidValue("error.required", field="--reason")
    period = find_period(session, code)
    if period is None or period.closed_at is None:
        raise InvalidValue("period.not_closed", code=nfc(code))
    before = period_row(period)
    period.closed_at, period.closed_by = None, None
    session.flush()
    audit.record(
        session,
        "period",
        period.code,
        "reopen",
        before=before,
        after={**period_row(period), "reason": reason},
    )
    return period


def normalize_source(source: str) -> str:
    key = fold(source).replace(" ", "-").replace("_", "-")
    if not key:
        raise InvalidValue("error.required", field="source")
    return key


# The source of a quota set without --source on a unit and period that has none yet.
DEFAULT_SOURCE = "cap-tren"


def quotas_of(session: Session, unit: Unit, period: Period) -> list[Quota]:
    if period.id is None:  # an implied year or term never stored: no quota on it
        return []
    return list(
        session.execute(
            select(Quota)
            .where(col(Quota.unit_id) == unit.id, col(Quota.period_id) == period.id)
            .order_by(col(Quota.source))
        ).scalars()
    )


def _one_quota(unit: Unit, period: Period, found: list[Quota], source: str | None) -> Quota | None:
    """The quota a command without --source means: the only one there is; several are
    ambiguous and refused, naming their sources."""
    if source is not None:
        return next((q for q in found if q.source == source), None)
    if len(found) > 1:
        raise InvalidValue(
            "quota.which_source",
            unit=unit.code,
            period=period.code,
            sources=", ".join(q.source for q in found),
        )
    return found[0] if found else None


def set_quota(
    session: Session, *, unit_code: str, period_code: str, target: int, source: str | None
) -> tuple[dict[str, Any], str]:
    """Create or change one quota. Returns it as stored (unit and period codes spelt as
    stored, whatever the case typed) and 'new', 'updated' or 'unchanged'.

    Without ``source``, the unit's quota for the period is changed whatever its source; a
    second quota from another source is added only when ``source`` names it."""
    if target < 0:
        raise InvalidValue("error.negative", field="target", value=target)
    from dangvien_cli.services.unit_life import outside_period

    unit = get_unit(session, unit_code)
    period = ensure_period(session, period_code)  # a refusal below rolls its creation back
    why = outside_period(unit.code, unit.founded_on, unit.dissolved_on, period)
    if why is not None:
        raise InvalidValue(why[0], **why[1])
    wanted = normalize_source(source) if source is not None else None
    quota = _one_quota(unit, period, quotas_of(session, unit, period), wanted)
    source = quota.source if quota is not None else wanted or DEFAULT_SOURCE
    after = {"unit": unit.code, "period": period.code, "source": source, "target": target}
    if quota is None:
        quota = Quota(
            unit_id=stored_id(unit), period_id=stored_id(period), source=source, target=target
        )
        session.add(quota)
        outcome = "new"
    elif quota.target == target:
        return after, "unchanged"
    else:
        before = dict(after, target=quota.target)
        quota.target, quota.updated_at = target, utcnow()
        outcome = "updated"
        audit.record(session, "quota", quota.id, "update", before=before, after=after)
    session.flush()
    if outcome == "new":
        audit.record(session, "quota", quota.id, "add", after=after)
    return after, outcome


def unset_quota(
    session: Session, *, unit_code: str, period_code: str, source: str | None
) -> dict[str, Any]:
    """Take a quota back. Without ``source``: the unit's only quota for the period. The
    audit trail keeps what it was; a closed period refuses (guards.py). Returns it."""
    unit = get_unit(session, unit_code)
    period = get_period(session, period_code)
    wanted = normalize_source(source) if source is not None else None
    quota = _one_quota(unit, period, quotas_of(session, unit, period), wanted)
    if quota is None:
        raise NotFound("quota.not_found", unit=unit.code, period=period.code, source=wanted or "—")
    before = {
        "unit": unit.code,
        "period": period.code,
        "source": quota.source,
        "target": quota.target,
    }
    quota_id = quota.id
    session.delete(quota)
    session.flush()
    audit.record(session, "quota", quota_id, "remove", before=before)
    return before


def list_quotas(
    session: Session, *, period_code: str | None = None, unit_code: str | None = None
) -> list[dict[str, Any]]:
    query = (
        select(
            col(Unit.code), col(Unit.name), col(Period.code), col(Quota.source), col(Quota.target)
        )
        .join(Unit, col(Unit.id) == Quota.unit_id)
        .join(Period, col(Period.id) == Quota.period_id)
        .order_by(col(Period.start_on), col(Period.code), col(Unit.code_key), col(Quota.source))
    )
    if period_code:
        query = query.where(col(Period.code) == normalize_period_code(period_code))
    if unit_code:
        query = query.where(
            col(Quota.unit_id).in_(subtree_ids(session, get_unit(session, unit_code).id))
        )
    return [
        {"unit_code": u, "unit_name": n, "period": p, "source": s, "target": t}
        for u, n, p, s, t in session.execute(query).all()
    ]
