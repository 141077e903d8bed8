"""The quota table: per unit (rolled up the tree) or per block, target against admitted,
with the pace of the period elapsed.

Three set-based queries (units, admissions grouped by unit and year, quotas) and one walk
of the tree in memory, whatever the size of the database.

Row keys (``--format json``), one row per unit (or block) and quota source; a unit with no
quota for the period has one row with ``source``/``target`` null and status ``chua-giao``:
``row_type`` (unit | block | total), ``unit_code``, ``unit_name``, ``parent_code``,
``depth``, ``block``, ``period``, ``as_of``, ``source``, ``target``, ``admitted``,
``percent``, ``remaining``, ``expected`` (target × elapsed share), ``elapsed_percent``,
``status`` (vuot | dat | dung-tien-do | cham | chua-giao) and, when the period spans
several years, ``admitted_YYYY`` for each year. Block and total rows carry ``units`` and
``units_without_quota`` instead of the unit keys.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangvien_cli.models import Admission, Period, Quota
from dangvien_cli.services.reports.scope import Scope, Window, roll_up, scope, window

STATUSES = ("vuot", "dat", "dung-tien-do", "cham", "chua-giao")
_MEASURES = (
    "period",
    "as_of",
    "source",
    "target",
    "admitted",
    "percent",
    "remaining",
    "expected",
    "elapsed_percent",
    "status",
)
UNIT_FIELDS = ("row_type", "unit_code", "unit_name", "parent_code", "depth", "block", *_MEASURES)
BLOCK_FIELDS = ("row_type", "block", "units", "units_without_quota", *_MEASURES)


def status_of(target: int | None, admitted: int, win: Window) -> str:
    """vuot (beyond target), dat (met), dung-tien-do (on pace), cham (behind), chua-giao.

    On pace means no whole admission short of target × elapsed share, so that nobody is
    behind on the first day of a period for want of a fraction of a person.
    """
    if target is None:
        return "chua-giao"
    if admitted > target:
        return "vuot"
    if admitted == target:
        return "dat"
    return "dung-tien-do" if admitted >= target * win.gone // win.days else "cham"


def measures(target: int | None, admitted: int, win: Window) -> dict[str, Any]:
    return {
        "target": target,
        "admitted": admitted,
        "percent": round(100 * admitted / target, 1) if target else None,
        "remaining": max(0, target - admitted) if target is not None else None,
        "expected": round(target * win.elapsed, 1) if target is not None else None,
        "elapsed_percent": round(100 * win.elapsed, 1),
        "status": status_of(target, admitted, win),
    }


def admissions_by_unit_year(session: Session, win: Window) -> dict[int, dict[int, int]]:
    """Admissions decided in the window, per unit and year of the decision."""
    year = func.extract("year", Admission.decision_date)
    rows = session.execute(
        select(Admission.unit_id, year, func.count())
        .where(Admission.decision_date.between(win.start, win.end))
        .group_by(Admission.unit_id, year)
    ).all()
    out: dict[int, dict[int, int]] = {}
    for unit_id, y, n in rows:
        out.setdefault(unit_id, {})[int(y)] = n
    return out


def quotas_of(session: Session, period: Period) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    if period.id is None:  # an implied year or term nobody set a quota for
        return out
    for unit_id, source, target in session.execute(
        select(Quota.unit_id, Quota.source, Quota.target).where(Quota.period_id == period.id)
    ).all():
        out.setdefault(unit_id, {})[source] = target
    return out


def report_quota(
    session: Session,
    *,
    period_code: str,
    as_of: date,
    by: str = "unit",
    unit_code: str | None = None,
    depth: int | None = None,
) -> list[dict[str, Any]]:
    win = window(session, period_code, as_of)
    sc = scope(session, unit_code, depth)
    per_year = roll_up(sc.tree, admissions_by_unit_year(session, win))
    quotas = quotas_of(session, win.period)
    if by == "block":
        return _block_rows(sc, per_year, quotas, win)
    rows = []
    for uid in sc.shown:
        node = sc.tree[uid]
        head = {
            "row_type": "unit",
            "unit_code": node.code,
            "unit_name": node.name,
            "parent_code": sc.parent_code(uid),
            "depth": sc.levels[uid],
            "block": node.block,
        }
        rows += _source_rows(head, quotas.get(uid, {}), per_year.get(uid, {}), win)
    return rows


def _source_rows(
    head: dict[str, Any], targets: dict[str, int], years: dict[int, int], win: Window
) -> list[dict[str, Any]]:
    """One row per quota source, or one 'no quota' row; the same keys in every row."""
    admitted = sum(years.values())
    by_year = {f"admitted_{y}": years.get(y, 0) for y in win.years} if len(win.years) > 1 else {}
    base = {**head, "period": win.period.code, "as_of": win.as_of}
    return [
        {**base, "source": source, **measures(target, admitted, win), **by_year}
        for source, target in (sorted(targets.items()) or [(None, None)])
    ]


def _block_rows(
    sc: Scope,
    per_year: dict[int, dict[int, int]],
    quotas: dict[int, dict[str, int]],
    win: Window,
) -> list[dict[str, Any]]:
    """Blocks group the units one level below the top (the 110 units under the city), each
    with its whole subtree; a total row then gives the top itself, so nothing counts twice."""
    groups: dict[str | None, list[int]] = {}
    for uid in sc.first_level():
        groups.setdefault(sc.tree[uid].block, []).append(uid)
    rows = []
    for block in sorted(groups, key=lambda b: (b is None, b or "")):
        rows += _group_rows("block", block, groups[block], per_year, quotas, win)
    top = sc.tops if len(sc.tops) > 1 else sc.tops[:1]
    if top:
        rows += _group_rows("total", None, top, per_year, quotas, win, units=sc.first_level())
    return rows


def _group_rows(
    row_type: str,
    block: str | None,
    members: list[int],
    per_year: dict[int, dict[int, int]],
    quotas: dict[int, dict[str, int]],
    win: Window,
    units: list[int] | None = None,
) -> list[dict[str, Any]]:
    years: dict[int, int] = {}
    targets: dict[str, int] = {}
    for uid in members:
        for y, n in per_year.get(uid, {}).items():
            years[y] = years.get(y, 0) + n
        for source, target in quotas.get(uid, {}).items():
            targets[source] = targets.get(source, 0) + target
    counted = units if units is not None else members
    head = {
        "row_type": row_type,
        "block": block,
        "units": len(counted),
        "units_without_quota": sum(1 for u in counted if not quotas.get(u)),
    }
    return _source_rows(head, targets, years, win)


def footer(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The totals line under a unit table: the scope's top unit(s), summed when several.

    The target is summed only when every top row speaks of one and the same source, since
    a province's assignment and the city's own target do not add up."""
    tops = [r for r in rows if r.get("depth") == 0]
    if not tops:
        return None
    admitted = {r["unit_code"]: r["admitted"] for r in tops}
    sources = {r["source"] for r in tops}
    one_source = len(sources) == 1 and None not in sources and len(tops) == len(admitted)
    target = sum(r["target"] for r in tops) if one_source else None
    total = sum(admitted.values())
    years = [k for k in tops[0] if k.startswith("admitted_")]
    distinct = {r["unit_code"]: r for r in tops}.values()
    return {
        **{k: sum(r[k] for r in distinct) for k in years},
        "units": len({r["unit_code"] for r in rows}),
        "source": next(iter(sources)) if one_source else None,
        "target": target,
        "admitted": total,
        "percent": round(100 * total / target, 1) if target else None,
        "remaining": max(0, target - total) if target is not None else None,
    }
