"""The pipeline funnel per unit: who stands at each stage now, and what moved in a period.

Computed from the append-only ``pipeline_event`` log, not from the projection, as the
stages stood on ``as_of``: "now" counts the spells open that day, and conversion only the
moves made by then. A *spell* is the time a person spends in one stage: it opens with
the event that put them there and closes with their next stage-changing event, found with a
window function (``LEAD … OVER (PARTITION BY person ORDER BY date, id)``).

Row keys, one row per unit (rolled up the tree) and stage: ``unit_code``, ``unit_name``,
``parent_code``, ``depth``, ``period``, ``start_on`` and ``end_on`` (the window: the period
up to ``as_of``), ``stage``, ``now`` (people at the stage on ``as_of``),
``entered`` (spells opened in the period), ``advanced`` (spells closed in the period by a
later stage), ``dropped`` (closed in the period by rejection, withdrawal or striking off),
``conversion_percent`` (of the spells opened in the period, the share that had moved on
by ``as_of``; null when none opened) and ``median_days`` (median length of the spells that moved on
in the period; null when none did).

Three queries whatever the size: units, the counts per unit and stage ("now" among them),
and the medians per unit of the tree (spells joined to each unit's ancestors by a recursive CTE,
ranked by a window function), so no person is ever looped over in Python.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import CTE, Date, Integer, and_, bindparam, case, func, literal, select, text
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.models import Person, PipelineEvent
from dangvien_cli.services.dated import HELD, TREE, with_recursive
from dangvien_cli.services.pipeline import STAGE_AFTER
from dangvien_cli.services.reports.scope import Window, roll_up, scope, window
from dangvien_cli.services.reports.sqlfuncs import (
    days_between,
    held_subtree_select,
    not_superseded,
    person_unit_on,
)
from dangvien_cli.services.unit_tree import fold_held, held_by
from dangvien_cli.vocab import Stage

FUNNEL: tuple[Stage, ...] = (
    Stage.sourced,
    Stage.trained,
    Stage.applied,
    Stage.voted,
    Stage.recommended,
    Stage.admitted,
    Stage.probationary,
)
FIELDS = (
    "unit_code",
    "unit_name",
    "parent_code",
    "depth",
    "period",
    "start_on",
    "end_on",
    "stage",
    "now",
    "entered",
    "advanced",
    "dropped",
    "conversion_percent",
    "median_days",
)
_RANK = {stage.value: i for i, stage in enumerate((*FUNNEL, Stage.official))}
_EXITS = (Stage.rejected.value, Stage.withdrawn.value, Stage.struck_off.value)
_STAGE_OF_STEP = {step.value: stage.value for step, stage in STAGE_AFTER.items()}


def _spells(people: Any = None) -> CTE:
    """Every effective stage-changing event with the stage it opens and the one that follows;
    with ``people`` (a select of person ids), theirs only: a unit's report reads its own
    people's events, not a nation's."""
    stage = case(_STAGE_OF_STEP, value=PipelineEvent.step)
    order = (col(PipelineEvent.occurred_on), col(PipelineEvent.id))
    events: Any = (
        select(
            col(PipelineEvent.person_id),
            stage.label("stage"),
            col(PipelineEvent.occurred_on).label("opened"),
        )
        .add_columns(
            func.lead(stage)
            .over(partition_by=col(PipelineEvent.person_id), order_by=order)
            .label("next_stage"),
            func.lead(PipelineEvent.occurred_on, type_=Date)
            .over(partition_by=col(PipelineEvent.person_id), order_by=order)
            .label("closed"),
        )
        .where(col(PipelineEvent.step).in_(_STAGE_OF_STEP), not_superseded())
    )
    if people is not None:
        events = events.where(col(PipelineEvent.person_id).in_(people))
    events = events.cte("events")
    rank = case(_RANK, value=events.c.stage)
    next_rank = case(_RANK, value=events.c.next_stage)
    return select(
        events.c.person_id,
        events.c.stage,
        events.c.opened,
        events.c.closed,
        (next_rank > rank).label("moved_on"),
        events.c.next_stage.in_(_EXITS).label("dropped_out"),
    ).cte("spells")


def _flag(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


_COUNTS = ("entered", "advanced", "dropped", "cohort_moved", "now")


def _spell_counts(
    session: Session, win: Window, as_of: date, people: Any
) -> dict[int, dict[tuple[str, str], int]]:
    """The counters of each (unit, stage) in one pass over the spells, in the unit each
    person belonged to on the window's last day (the day of the report's tree). "now": the
    people at the stage on ``as_of``, their spell opened and not yet closed."""
    sp = _spells(people)
    opened = sp.c.opened.between(win.start, win.end)
    closed = sp.c.closed.between(win.start, win.end)
    moved = sp.c.moved_on.is_(True)
    moved_by_then = and_(moved, sp.c.closed <= as_of)  # conversion as it stood on as_of
    open_then = and_(sp.c.opened <= as_of, sp.c.closed.is_(None) | (sp.c.closed > as_of))
    unit = person_unit_on(win.end).label("unit_id")
    query = (
        select(
            unit,
            sp.c.stage,
            _flag(opened),
            _flag(and_(moved, closed)),
            _flag(and_(sp.c.dropped_out.is_(True), closed)),
            _flag(and_(opened, moved_by_then)),
            _flag(and_(sp.c.stage.in_([s.value for s in FUNNEL]), open_then)),
        )
        .join(Person, col(Person.id) == sp.c.person_id)
        .where(col(Person.unit_id).is_not(None))
        .group_by(unit, sp.c.stage)
    )
    out: dict[int, dict[tuple[str, str], int]] = {}
    for unit_id, stage, *counts in session.execute(query):
        into = out.setdefault(unit_id, {})
        for key, n in zip(_COUNTS, counts, strict=True):
            if n or key != "now":
                into[(stage, key)] = int(n or 0)
    return out


def _people_of(unit_id: int, on: date) -> Any:
    """The people whose unit on ``on`` counts for ``unit_id`` (its subtree that day, and
    the units dissolved into it), as a select of their ids."""
    return select(col(Person.id)).where(person_unit_on(on).in_(held_subtree_select(unit_id, on)))


# Up to this many units listed, the medians are ranked for those units only; a whole
# nation's tree is ranked at once, as a list of 60,000 ids would cost more than it saves.
_MEDIANS_FOR_LISTED_UP_TO = 1_000


def _medians(
    session: Session, win: Window, people: Any, listed: list[int]
) -> dict[tuple[int, str], float]:
    """Median days per (unit with its subtree, stage), all in SQL."""
    sp = _spells(people)
    # Each unit (a dissolved one through its holder) with its ancestors in the tree of the
    # window's last day (services.dated).
    ancestors = with_recursive(
        TREE,
        HELD,
        "anc(unit_id, ancestor_id) AS (SELECT unit_id, holder_id FROM held UNION ALL "
        "SELECT a.unit_id, t.parent_id FROM anc a JOIN tree t ON t.id = a.ancestor_id "
        "WHERE t.parent_id IS NOT NULL)",
    )
    anc = (
        text(ancestors + "SELECT unit_id, ancestor_id FROM anc")
        .bindparams(bindparam("on", win.end, type_=Date))
        .columns(unit_id=Integer, ancestor_id=Integer)
        .subquery("ancestors")
    )
    done: Any = (
        select(anc.c.ancestor_id, sp.c.stage, days_between(sp.c.opened, sp.c.closed).label("days"))
        .join(Person, col(Person.id) == sp.c.person_id)
        .join(anc, anc.c.unit_id == person_unit_on(win.end))
        .where(sp.c.moved_on.is_(True), sp.c.closed.between(win.start, win.end))
    )
    if len(listed) <= _MEDIANS_FOR_LISTED_UP_TO:
        done = done.where(anc.c.ancestor_id.in_(listed))
    done = done.cte("done")
    part = (done.c.ancestor_id, done.c.stage)
    ranked = select(
        done.c.ancestor_id,
        done.c.stage,
        done.c.days,
        func.row_number().over(partition_by=part, order_by=done.c.days).label("rn"),
        func.count().over(partition_by=part).label("cnt"),
    ).cte("ranked")
    middle = ranked.c.rn.in_([(ranked.c.cnt + 1) // 2, (ranked.c.cnt + 2) // 2])
    query = (
        select(ranked.c.ancestor_id, ranked.c.stage, func.avg(ranked.c.days * literal(1.0)))
        .where(middle)
        .group_by(ranked.c.ancestor_id, ranked.c.stage)
    )
    return {(uid, stage): float(m) for uid, stage, m in session.execute(query)}


def report_pipeline(
    session: Session,
    *,
    period_code: str,
    as_of: date,
    unit_code: str | None = None,
    depth: int | None = None,
) -> list[dict[str, Any]]:
    win = window(session, period_code, as_of)
    sc = scope(session, unit_code, depth, on=win.end)
    people = _people_of(sc.tops[0], win.end) if unit_code else None
    own = _spell_counts(session, win, as_of, people)
    totals = roll_up(sc.tree, fold_held(own, held_by(session, win.end)))
    medians = _medians(session, win, people, sc.shown) if sc.shown else {}
    rows = []
    for uid in sc.shown:
        node, counts = sc.tree[uid], totals.get(uid, {})
        for stage in FUNNEL:
            entered = counts.get((stage.value, "entered"), 0)
            moved = counts.get((stage.value, "cohort_moved"), 0)
            median = medians.get((uid, stage.value))
            rows.append(
                {
                    "unit_code": node.code,
                    "unit_name": node.name,
                    "parent_code": sc.parent_code(uid),
                    "depth": sc.levels[uid],
                    "period": win.period.code,
                    "start_on": win.start,
                    "end_on": win.end,
                    "stage": stage.value,
                    "now": counts.get((stage.value, "now"), 0),
                    "entered": entered,
                    "advanced": counts.get((stage.value, "advanced"), 0),
                    "dropped": counts.get((stage.value, "dropped"), 0),
                    "conversion_percent": round(100 * moved / entered, 1) if entered else None,
                    "median_days": round(median, 1) if median is not None else None,
                }
            )
    return rows
