"""What every report shares: the time window (a period cut at ``--as-of``) and the part of
the unit tree it covers (``--unit``, ``--depth``), walked in memory after one query.

The quota report (and ``behind``, built on it) selects its part of the tree in SQL instead
(quota.py) and only orders the units it lists here (``tree_order``), in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from dangvien_cli.errors import NotFound
from dangvien_cli.services.unit_tree import TreeNode, load_tree
from dangvien_cli.services.units import get_unit, require_alive
from dangvien_cli.services.workdays import add_months
from dangvien_cli.values import implied_period
from dangvien_cli.vntext import nfc, nfkc_code

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dangvien_cli.reader import Reader

K = TypeVar("K")


@dataclass(frozen=True)
class PeriodDates:
    """What a report needs of a period; ``id`` is None for an implied year or term."""

    id: int | None
    code: str
    start_on: date
    end_on: date


@dataclass(frozen=True)
class Window:
    """A period as a report sees it: admissions count from ``start`` to ``end`` inclusive,
    ``end`` being the period's last day or ``as_of`` when that comes first.

    The clock is computed once (cached): a report asks it for each of 60,000 rows."""

    period: PeriodDates
    as_of: date

    @cached_property
    def code(self) -> str:
        return self.period.code

    @property
    def start(self) -> date:
        return self.period.start_on

    @property
    def end(self) -> date:
        return min(self.period.end_on, self.as_of)

    @cached_property
    def years(self) -> list[int]:
        return list(range(self.period.start_on.year, self.period.end_on.year + 1))

    @cached_property
    def days(self) -> int:
        return (self.period.end_on - self.period.start_on).days + 1

    @cached_property
    def gone(self) -> int:
        """Days of the period gone by at the end of ``as_of``, 0..days."""
        gone = (min(self.as_of, self.period.end_on) - self.period.start_on).days + 1
        return max(0, gone)

    @cached_property
    def elapsed(self) -> float:
        """Share of the period gone by at the end of ``as_of``, 0..1."""
        return self.gone / self.days

    def previous_year(self) -> tuple[date, date]:
        """The same window one year earlier ("cùng kỳ năm trước")."""
        return add_months(self.start, -12), add_months(self.end, -12)


def window(session: Session, period_code: str, as_of: date) -> Window:
    """``read_window`` for a report that holds a Session."""
    from dangvien_cli.reader import ConnectionReader

    return read_window(ConnectionReader(session.connection()), period_code, as_of)


def read_window(reader: Reader, period_code: str, as_of: date) -> Window:
    """``window`` through a Reader (the light path): the stored period, else the implied
    year or term, else refused as get_period refuses it."""
    period_code = nfc(nfkc_code(period_code))  # as quotas.normalize_period_code
    implied = implied_period(period_code)
    code = implied[0] if implied else period_code
    sql = "SELECT id, code, start_on, end_on FROM period WHERE code = :code"
    found = reader.rows(sql, {"code": code}, dates=("start_on", "end_on"))
    if found:
        return Window(PeriodDates(*found[0]), as_of)
    if implied is None:
        raise NotFound("period.not_found", code=nfc(period_code))
    return Window(PeriodDates(None, code, implied[2], implied[3]), as_of)


@dataclass
class Scope:
    """The units a report lists, in tree order, each with its depth below the scope's top."""

    tree: dict[int, TreeNode]
    tops: list[int]
    levels: dict[int, int]  # every unit of the scope (whatever --depth says) → depth
    shown: list[int]  # the units listed, in tree order (--depth applied)

    def parent_code(self, uid: int) -> str | None:
        parent = self.tree.get(self.tree[uid].parent_id or -1)
        return parent.code if parent else None


def scope(
    session: Session, unit_code: str | None = None, depth: int | None = None, on: date | None = None
) -> Scope:
    """The scope in the tree of ``on`` (a report's last day; None: the tree now)."""
    from dangvien_cli.models import stored_id  # here: the light read path never imports models

    tree = load_tree(session, on)
    tops = [stored_id(get_unit(session, unit_code))] if unit_code else [n.id for n in roots(tree)]
    if on is not None and unit_code:
        require_alive(get_unit(session, unit_code), on)
    levels: dict[int, int] = {}
    order: list[int] = []
    stack = [(uid, 0) for uid in reversed(tops)]
    while stack:
        uid, level = stack.pop()
        levels[uid] = level
        order.append(uid)
        stack.extend((child, level + 1) for child in reversed(tree[uid].children))
    shown = [u for u in order if depth is None or levels[u] < depth]
    return Scope(tree, tops, levels, shown)


def roots(tree: Mapping[int, TreeNode]) -> list[TreeNode]:
    found = [n for n in tree.values() if n.parent_id is None or n.parent_id not in tree]
    return sorted(found, key=lambda n: n.code.casefold())


def tree_order(units: Mapping[int, tuple[int | None, str]]) -> list[int]:
    """Part of the tree (id → parent id, code) in the order ``scope`` lists it: each unit
    before its children, siblings by code case-insensitively. Its tops are the units whose
    parent is not in it, sorted the same way."""
    children: dict[int | None, list[int]] = {}
    # One sort of every unit, so that each list of children is filled already in order.
    for uid in sorted(units, key=lambda u: units[u][1].casefold()):
        parent = units[uid][0]
        children.setdefault(parent if parent in units else None, []).append(uid)
    out: list[int] = []
    stack = children.get(None, [])[::-1]
    while stack:
        uid = stack.pop()
        out.append(uid)
        stack.extend(children.get(uid, ())[::-1])
    return out


def roll_up(
    tree: Mapping[int, TreeNode], own: Mapping[int, Mapping[K, int]]
) -> dict[int, dict[K, int]]:
    """Each unit's counters plus those of every unit below it (children before parents)."""
    total: dict[int, dict[K, int]] = {}
    for uid in reversed(_preorder(tree)):
        counts = dict(own.get(uid, {}))
        for child in tree[uid].children:
            for key, n in total[child].items():
                counts[key] = counts.get(key, 0) + n
        total[uid] = counts
    return total


def _preorder(tree: Mapping[int, TreeNode]) -> list[int]:
    out: list[int] = []
    stack = [n.id for n in reversed(roots(tree))]
    while stack:
        uid = stack.pop()
        out.append(uid)
        stack.extend(reversed(tree[uid].children))
    return out
