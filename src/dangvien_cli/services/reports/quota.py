"""The quota table: per unit (rolled up the tree) or per block, target against admitted,
with the pace of the period elapsed.

Two queries, whatever the size of the database, after the period (and ``--unit``): the
units listed with their quotas, and the admissions of the window carried up the tree to
the units listed, per year. Only what is listed is read: the top level of a national
database is 67 units, not the 60,000 of the tree. The SQL is at the end of this module.

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

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.reader import year_of
from dangvien_cli.services.dated import ALIVE, MOVED, TREE, children
from dangvien_cli.services.reports.scope import Window, read_window, tree_order
from dangvien_cli.services.unit_reads import require_unit_on

if TYPE_CHECKING:
    from dangvien_cli.reader import Reader

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


def report_quota(
    reader: Reader,
    *,
    period_code: str,
    as_of: date,
    by: str = "unit",
    unit_code: str | None = None,
    depth: int | None = None,
) -> list[dict[str, Any]]:
    """The report's rows; ``reader`` is the light one (reader.open_reader) or a Session's
    connection (reader.ConnectionReader)."""
    win = read_window(reader, period_code, as_of)
    params = {
        "top": require_unit_on(reader, unit_code, win.end) if unit_code else None,
        # Blocks group the level below the top: nothing deeper is listed.
        "depth": 2 if by == "block" else depth,
        "period_id": win.period.id,  # None: an implied year or term nobody set a quota for
        "start": win.start,
        "end": win.end,
        "on": win.end,  # the tree of the window's last day
    }
    plain = bool(reader.scalar(UNCHANGED_MAP, {"on": win.end}))
    units, targets = shown_units(unit_rows(reader, params, plain=plain))
    per_year: dict[int, dict[int, int]] = {}
    for uid, year, n in admitted_rows(reader, params, plain=plain, years=win.years):
        per_year.setdefault(uid, {})[year] = n
    order = tree_order({uid: (row[2], row[4]) for uid, row in units.items()})  # parent, code
    if by == "block":
        return _block_rows(units, targets, order, per_year, win)
    rows = []
    for uid in order:
        _, level, _, parent_code, code, name, block, _, _ = units[uid]
        head = {
            "row_type": "unit",
            "unit_code": code,
            "unit_name": name,
            "parent_code": parent_code,
            "depth": level,
            "block": block,
        }
        rows += _source_rows(head, targets.get(uid, {}), per_year.get(uid, {}), win)
    return rows


# Unit id → its first row of unit_rows (a unit's rows differ only in source and target).
Units = dict[int, Sequence[Any]]
Targets = dict[int, dict[str, int]]  # unit id → quota source → target


def shown_units(rows: Iterable[Sequence[Any]]) -> tuple[Units, Targets]:
    """The rows of ``unit_rows``, one per unit and quota source, by unit. Kept as the driver's
    tuples: an object per unit cost 0.1 s at 60,000 units, half the query's time."""
    units: Units = {}
    targets: Targets = {}
    for row in rows:
        units.setdefault(row[0], row)
        if row[7] is not None:  # source
            targets.setdefault(row[0], {})[row[7]] = row[8]
    return units, targets


def _source_rows(
    head: dict[str, Any], targets: dict[str, int], years: dict[int, int], win: Window
) -> list[dict[str, Any]]:
    """One row per quota source, or one 'no quota' row; the same keys in every row."""
    admitted = sum(years.values())
    by_year = {f"admitted_{y}": years.get(y, 0) for y in win.years} if len(win.years) > 1 else {}
    base = {**head, "period": win.code, "as_of": win.as_of}
    sources: list[tuple[str | None, int | None]] = [*sorted(targets.items())] or [(None, None)]
    return [
        {**base, "source": source, **measures(target, admitted, win), **by_year}
        for source, target in sources
    ]


def _block_rows(
    units: Units,
    targets: Targets,
    order: list[int],
    per_year: dict[int, dict[int, int]],
    win: Window,
) -> list[dict[str, Any]]:
    """Blocks group the units one level below the top (the 110 units under the city), each
    with its whole subtree; a total row then gives the top itself, so nothing counts twice.
    Several tops (no --unit, several roots) are grouped themselves."""
    tops = [uid for uid in order if units[uid][1] == 0]
    first = [uid for uid in order if units[uid][1] == 1] if len(tops) == 1 else tops
    groups: dict[str | None, list[int]] = {}
    for uid in first:
        groups.setdefault(units[uid][6], []).append(uid)  # by block
    rows = []
    for block in sorted(groups, key=lambda b: (b is None, b or "")):
        rows += _group_rows("block", block, groups[block], targets, per_year, win)
    if tops:
        rows += _group_rows("total", None, tops, targets, per_year, win, counted=first)
    return rows


def _group_rows(
    row_type: str,
    block: str | None,
    members: list[int],
    quotas: Targets,
    per_year: dict[int, dict[int, int]],
    win: Window,
    counted: list[int] | None = None,
) -> list[dict[str, Any]]:
    years: dict[int, int] = {}
    targets: dict[str, int] = {}
    for uid in members:
        for y, n in per_year.get(uid, {}).items():
            years[y] = years.get(y, 0) + n
        for source, target in quotas.get(uid, {}).items():
            targets[source] = targets.get(source, 0) + target
    counted = members if counted is None else counted
    head = {
        "row_type": row_type,
        "block": block,
        "units": len(counted),
        "units_without_quota": sum(1 for u in counted if not quotas.get(u)),
    }
    return _source_rows(head, targets, years, win)


def footer(rows: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
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


# --- the SQL ------------------------------------------------------------------------------
# Plain text with :name parameters, run on a SQLAlchemy connection or on a DB-API sqlite3
# connection (whose own placeholder style :name is); rows come back as plain tuples.
# Parameters: top (the unit --unit names; null: every root), depth (levels listed below and
# including the top; null: all), period_id (null: no quota), start, end (the window, both
# days included, as dates).

# The tree is the tree of the window's last day (services.dated: ``tree`` and ``held``,
# :on): a past period lists its units as they stood then, and a unit dissolved since the
# window began counts its admissions for its successor.
SCOPE = f"""
tops(id) AS (
  SELECT id FROM tree WHERE id = CAST(:top AS INTEGER)
  UNION ALL
  SELECT id FROM tree WHERE CAST(:top AS INTEGER) IS NULL
    AND (parent_id IS NULL OR parent_id NOT IN (SELECT id FROM tree))
), shown(id, level) AS (
  SELECT id, 0 FROM tops
  UNION ALL
  SELECT u.id, s.level + 1 FROM shown AS s {children("s.id", "u")}
    AND (CAST(:depth AS INTEGER) IS NULL OR s.level + 1 < CAST(:depth AS INTEGER))
)"""

# The units listed are read by their ids, with the state of :on from unit_history where one
# covers that day (a join on the tree CTE would index all of it for a few rows).
_THEN = "CASE WHEN h.id IS NULL THEN u.{col} ELSE h.{col} END"
UNITS = f"""WITH RECURSIVE {TREE}, {SCOPE}
SELECT s.id, s.level, {_THEN.format(col="parent_id")}, p.code, u.code,
  {_THEN.format(col="name")}, {_THEN.format(col="block")}, q.source, q.target
FROM shown AS s
JOIN unit AS u ON u.id = s.id
LEFT JOIN unit_history AS h ON h.unit_id = u.id AND h.valid_to >= :on
  AND (h.valid_from IS NULL OR h.valid_from <= :on)
LEFT JOIN unit AS p ON p.id = {_THEN.format(col="parent_id")} AND {ALIVE.format(u="p")}
LEFT JOIN quota AS q ON q.unit_id = s.id AND q.period_id = CAST(:period_id AS INTEGER)"""

# Each unit's counts per year are carried up the tree of :on (its parent that day: the unit
# row, or the history row covering the day; through the primary key, not a scan of the tree
# CTE) to the units listed above it, as the hand-written SQL does (benchmarks/sql/): the
# decisions are read once. Under --unit only its subtree
# (below) is read, unit by unit, so a small unit's report does not read the whole country.
# A unit dissolved before :on counts for its holder (moved); a unit not alive that day and
# held by none keeps its own id, which no unit listed is reached from.
ADMITTED = """WITH RECURSIVE {tree}, {moved}, {scope}, below(id) AS (
  SELECT id FROM tops WHERE CAST(:top AS INTEGER) IS NOT NULL
  UNION ALL
  SELECT u.id FROM below AS b {children}
), own(unit_id, yr, n) AS (
  SELECT coalesce(m.holder_id, a.unit_id), {year}, count(*) FROM admission AS a
  LEFT JOIN moved AS m ON m.unit_id = a.unit_id
  WHERE CAST(:top AS INTEGER) IS NULL AND a.decision_date BETWEEN :start AND :end
  GROUP BY coalesce(m.holder_id, a.unit_id), {year}
  UNION ALL
  SELECT b.id, {year}, count(*) FROM below AS b JOIN admission AS a ON a.unit_id = b.id
  WHERE a.decision_date BETWEEN :start AND :end
  GROUP BY b.id, {year}
  UNION ALL
  SELECT b.id, {year}, count(*) FROM below AS b
  JOIN moved AS m ON m.holder_id = b.id
  JOIN admission AS a ON a.unit_id = m.unit_id
  WHERE a.decision_date BETWEEN :start AND :end
  GROUP BY b.id, {year}
), up(at_id, yr, n) AS (  -- each count carried up to the top, not above
  SELECT unit_id, yr, n FROM own
  UNION ALL
  SELECT {parent}, up.yr, up.n FROM up
  JOIN unit AS u ON u.id = up.at_id
  LEFT JOIN unit_history AS h ON h.unit_id = u.id AND h.valid_to >= :on
    AND (h.valid_from IS NULL OR h.valid_from <= :on)
  WHERE {parent} IS NOT NULL AND {alive}
    AND (CAST(:top AS INTEGER) IS NULL OR up.at_id <> CAST(:top AS INTEGER))
)
SELECT at_id, yr, CAST(sum(n) AS INTEGER) FROM up
WHERE CAST(:depth AS INTEGER) IS NULL OR at_id IN (SELECT id FROM shown)
GROUP BY at_id, yr"""


# While the map has never changed by the window's last day (no unit_history row, no unit
# dissolved, none founded after it), the tree of :on is the unit table as it stands: the same
# figures come from the plain parent chain, as the hand-written SQL reads them, without the
# dated joins (at 1,000,000 admissions: 0.11 s where the dated query takes 0.27 s). The
# check reads one index and, at worst, the unit table.
UNCHANGED_MAP = """SELECT NOT EXISTS (SELECT 1 FROM unit_history)
  AND NOT EXISTS (SELECT 1 FROM unit WHERE dissolved_on IS NOT NULL OR founded_on > :on)"""

PLAIN_SCOPE = """tops(id) AS (
  SELECT id FROM unit WHERE id = CAST(:top AS INTEGER)
  UNION ALL
  SELECT id FROM unit WHERE CAST(:top AS INTEGER) IS NULL AND parent_id IS NULL
), shown(id, level) AS (
  SELECT id, 0 FROM tops
  UNION ALL
  SELECT u.id, s.level + 1 FROM shown AS s JOIN unit AS u ON u.parent_id = s.id
  WHERE CAST(:depth AS INTEGER) IS NULL OR s.level + 1 < CAST(:depth AS INTEGER)
)"""

PLAIN_UNITS = f"""WITH RECURSIVE {PLAIN_SCOPE}
SELECT s.id, s.level, u.parent_id, p.code, u.code, u.name, u.block, q.source, q.target
FROM shown AS s
JOIN unit AS u ON u.id = s.id
LEFT JOIN unit AS p ON p.id = u.parent_id
LEFT JOIN quota AS q ON q.unit_id = s.id AND q.period_id = CAST(:period_id AS INTEGER)"""

PLAIN_ADMITTED = (
    "WITH RECURSIVE "
    + PLAIN_SCOPE.replace("{", "{{").replace("}", "}}")
    + """, below(id) AS (
  SELECT id FROM tops WHERE CAST(:top AS INTEGER) IS NOT NULL
  UNION ALL
  SELECT u.id FROM below AS b JOIN unit AS u ON u.parent_id = b.id
), own(unit_id, yr, n) AS (
  SELECT a.unit_id, {year}, count(*) FROM admission AS a
  WHERE CAST(:top AS INTEGER) IS NULL AND a.decision_date BETWEEN :start AND :end
  GROUP BY a.unit_id, {year}
  UNION ALL
  SELECT b.id, {year}, count(*) FROM below AS b JOIN admission AS a ON a.unit_id = b.id
  WHERE a.decision_date BETWEEN :start AND :end
  GROUP BY b.id, {year}
), up(at_id, parent_id, yr, n) AS (  -- each count carried up to the top, not above
  SELECT o.unit_id, u.parent_id, o.yr, o.n FROM own AS o JOIN unit AS u ON u.id = o.unit_id
  UNION ALL
  SELECT p.id, p.parent_id, up.yr, up.n FROM up JOIN unit AS p ON p.id = up.parent_id
  WHERE CAST(:top AS INTEGER) IS NULL OR up.at_id <> CAST(:top AS INTEGER)
)
SELECT at_id, yr, CAST(sum(n) AS INTEGER) FROM up
WHERE CAST(:depth AS INTEGER) IS NULL OR at_id IN (SELECT id FROM shown)
GROUP BY at_id, yr"""
)


def unit_rows(
    reader: Reader, params: Mapping[str, Any], *, plain: bool = False
) -> Sequence[Sequence[Any]]:
    """(id, depth, parent_id, parent_code, code, name, block, source, target) per unit
    listed and quota source of the period; one row with source null for a unit without."""
    return reader.rows(PLAIN_UNITS if plain else UNITS, params)


def admitted_rows(
    reader: Reader, params: Mapping[str, Any], *, plain: bool = False, years: Sequence[int] = ()
) -> Sequence[Sequence[Any]]:
    """(unit_id, year, admitted) per unit listed: decisions of the window in it and in every
    unit below it; none for a unit without any."""
    # A window within one year needs no year read from every decision.
    if len(years) == 1:
        year, params = "CAST(:year AS INTEGER)", {**params, "year": years[0]}
    else:
        year = year_of("a.decision_date", reader.dialect)
    if plain:
        return reader.rows(PLAIN_ADMITTED.format(year=year), params)
    sql = ADMITTED.format(
        tree=TREE,
        moved=MOVED,
        scope=SCOPE,
        year=year,
        children=children("b.id", "u"),
        parent=_THEN.format(col="parent_id"),
        alive=ALIVE.format(u="u"),
    )
    return reader.rows(sql, params)
