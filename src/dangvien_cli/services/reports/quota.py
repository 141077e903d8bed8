"""The quota table: per unit (rolled up the tree) or per block, target against admitted,
with the pace of the period elapsed.

Three set-based queries (units, admissions grouped by unit and year, quotas) and one
walk of the tree in memory, whatever the size of the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangvien_cli.models import Admission, Period, Quota
from dangvien_cli.services.quotas import get_period
from dangvien_cli.services.units import TreeNode, get_unit, load_tree


@dataclass(frozen=True)
class Pace:
    elapsed: float  # share of the period gone by at as_of, 0..1

    @classmethod
    def of(cls, period: Period, as_of: date) -> Pace:
        days = (period.end_on - period.start_on).days + 1
        gone = (min(as_of, period.end_on) - period.start_on).days + 1
        return cls(max(0.0, min(1.0, gone / days)))


def status_of(target: int | None, admitted: int, pace: Pace) -> str:
    """vuot (beyond target), dat (met), dung-tien-do (on pace), cham (behind), chua-giao."""
    if target is None:
        return "chua-giao"
    if admitted > target:
        return "vuot"
    if admitted == target:
        return "dat"
    if target and admitted / target >= pace.elapsed:
        return "dung-tien-do"
    return "cham"


def _measures(target: int | None, admitted: int, pace: Pace) -> dict[str, Any]:
    percent = round(100 * admitted / target, 1) if target else None
    expected = round(target * pace.elapsed, 1) if target is not None else None
    return {
        "target": target,
        "admitted": admitted,
        "percent": percent,
        "remaining": max(0, target - admitted) if target is not None else None,
        "expected": expected,
        "elapsed_percent": round(100 * pace.elapsed, 1),
        "status": status_of(target, admitted, pace),
        "progress": (admitted / target if target else None),
    }


def admissions_by_unit_year(
    session: Session, period: Period, as_of: date
) -> dict[int, dict[int, int]]:
    """Admissions decided in the period up to ``as_of``, per unit and year."""
    year = func.extract("year", Admission.decision_date)
    end = min(period.end_on, as_of)
    rows = session.execute(
        select(Admission.unit_id, year, func.count())
        .where(Admission.decision_date.between(period.start_on, end))
        .group_by(Admission.unit_id, year)
    ).all()
    out: dict[int, dict[int, int]] = {}
    for unit_id, y, n in rows:
        out.setdefault(unit_id, {})[int(y)] = n
    return out


def _quotas(session: Session, period: Period) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    if period.id is None:
        return out
    for unit_id, source, target in session.execute(
        select(Quota.unit_id, Quota.source, Quota.target).where(Quota.period_id == period.id)
    ).all():
        out.setdefault(unit_id, {})[source] = target
    return out


def _roll_up(
    tree: dict[int, TreeNode], own: dict[int, dict[int, int]]
) -> dict[int, dict[int, int]]:
    """Each unit's admissions plus those of every unit below it, per year."""
    total: dict[int, dict[int, int]] = {}
    order = _dfs(tree, [n.id for n in _roots(tree)])
    for uid in reversed(order):
        years = dict(own.get(uid, {}))
        for child in tree[uid].children:
            for y, n in total[child].items():
                years[y] = years.get(y, 0) + n
        total[uid] = years
    return total


def _roots(tree: dict[int, TreeNode]) -> list[TreeNode]:
    roots = [n for n in tree.values() if n.parent_id is None or n.parent_id not in tree]
    return sorted(roots, key=lambda n: n.code.casefold())


def _dfs(tree: dict[int, TreeNode], start: list[int]) -> list[int]:
    out, stack = [], list(reversed(start))
    while stack:
        uid = stack.pop()
        out.append(uid)
        stack.extend(reversed(tree[uid].children))
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
    period = get_period(session, period_code)
    pace = Pace.of(period, as_of)
    tree = load_tree(session)
    own = admissions_by_unit_year(session, period, as_of)
    quotas = _quotas(session, period)
    years = list(range(period.start_on.year, period.end_on.year + 1))
    base = {"period": period.code, "as_of": as_of}
    if by == "block":
        return _by_block(tree, own, quotas, pace, years, base)

    totals = _roll_up(tree, own)
    start = [get_unit(session, unit_code).id] if unit_code else [n.id for n in _roots(tree)]
    level = dict.fromkeys(start, 0)
    rows = []
    for uid in _dfs(tree, start):
        node = tree[uid]
        if node.parent_id in level and uid not in level:
            level[uid] = level[node.parent_id] + 1
        if depth is not None and level[uid] >= depth:
            continue
        per_year = totals.get(uid, {})
        admitted = sum(per_year.values())
        parent = tree.get(node.parent_id) if node.parent_id else None
        for source, target in sorted(quotas.get(uid, {}).items()) or [(None, None)]:
            row = {
                "unit_code": node.code,
                "unit_name": node.name,
                "parent_code": parent.code if parent else None,
                "depth": level[uid],
                "block": node.block,
                **base,
                "source": source,
                **_measures(target, admitted, pace),
            }
            if len(years) > 1:
                row.update({f"admitted_{y}": per_year.get(y, 0) for y in years})
            rows.append(row)
    return rows


def _by_block(tree, own, quotas, pace, years, base) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """A block's admissions are its units'; its target is the quotas of the units where the
    block begins (a unit whose parent lies in another block), so nothing counts twice."""
    admitted: dict[str | None, dict[int, int]] = {}
    targets: dict[tuple[str | None, str], int] = {}
    for uid, node in tree.items():
        per = admitted.setdefault(node.block, {})
        for y, n in own.get(uid, {}).items():
            per[y] = per.get(y, 0) + n
        parent = tree.get(node.parent_id) if node.parent_id else None
        if parent is None or parent.block != node.block:
            for source, target in quotas.get(uid, {}).items():
                targets[(node.block, source)] = targets.get((node.block, source), 0) + target
    rows = []
    for block in sorted(admitted, key=lambda b: (b is None, b or "")):
        per_year = admitted[block]
        sources = sorted(s for b, s in targets if b == block) or [None]
        for source in sources:
            target = targets.get((block, source)) if source else None
            row = {
                "block": block,
                **base,
                "source": source,
                **_measures(target, sum(per_year.values()), pace),
            }
            if len(years) > 1:
                row.update({f"admitted_{y}": per_year.get(y, 0) for y in years})
            rows.append(row)
    return rows
