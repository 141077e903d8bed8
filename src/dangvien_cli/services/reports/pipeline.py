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

Two queries whatever the size: the units, and one pass over the spells grouped by unit,
stage and (for the spells that moved on in the period) their length in days. The counts and
the lengths are rolled up the tree in memory, and each unit's median is read from the
lengths of its subtree, so no person is ever looped over in Python. With ``--unit`` only the
events of the people counted for that unit are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import CTE, Date, and_, case, func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.models import Person, PipelineEvent
from dangvien_cli.services.pipeline import STAGE_AFTER
from dangvien_cli.services.reports.scope import Window, roll_up, scope, window
from dangvien_cli.services.reports.sqlfuncs import (
    days_between,
    not_superseded,
    people_of,
    person_unit_on,
)
from dangvien_cli.services.unit_tree import TreeNode, fold_held, held_by
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
Counts = dict[int, dict[tuple[str, Any], int]]


def _spell_counts(session: Session, win: Window, as_of: date, people: Any) -> tuple[Counts, Counts]:
    """One pass over the spells, in the unit each person belonged to on the window's last day
    (the day of the report's tree): the counters of each (unit, stage), and how many spells
    that moved on in the window took each number of days (unit → (stage, days) → spells),
    from which the medians of every unit's subtree are read once rolled up. "now": the
    people at the stage on ``as_of``, their spell opened and not yet closed."""
    sp = _spells(people)
    opened = sp.c.opened.between(win.start, win.end)
    closed = sp.c.closed.between(win.start, win.end)
    moved = sp.c.moved_on.is_(True)
    moved_by_then = and_(moved, sp.c.closed <= as_of)  # conversion as it stood on as_of
    open_then = and_(sp.c.opened <= as_of, sp.c.closed.is_(None) | (sp.c.closed > as_of))
    done_days = case((and_(moved, closed), days_between(sp.c.opened, sp.c.closed))).label("days")
    unit = person_unit_on(win.end).label("unit_id")
    query = (
        select(
            unit,
            sp.c.stage,
            done_days,
            func.count(),
            _flag(opened),
            _flag(and_(moved, closed)),
            _flag(and_(sp.c.dropped_out.is_(True), closed)),
            _flag(and_(opened, moved_by_then)),
            _flag(and_(sp.c.stage.in_([s.value for s in FUNNEL]), open_then)),
        )
        .join(Person, col(Person.id) == sp.c.person_id)
        .where(col(Person.unit_id).is_not(None))
        .group_by(unit, sp.c.stage, done_days)
    )
    counts: Counts = {}
    days: Counts = {}
    for unit_id, stage, took, spells, *flags in session.connection().execute(query):
        into = counts.setdefault(unit_id, {})
        for key, n in zip(_COUNTS, flags, strict=True):
            if n or key != "now":
                into[(stage, key)] = into.get((stage, key), 0) + int(n or 0)
        if took is not None:
            days.setdefault(unit_id, {})[(stage, int(took))] = spells
    return counts, days


def _median(days: dict[tuple[str, Any], int], stage: str) -> float | None:
    """The median of the spells' lengths at ``stage`` (the mean of the two middle ones when
    their number is even), from how many spells took each number of days."""
    taken = sorted((d, n) for (s, d), n in days.items() if s == stage)
    total = sum(n for _, n in taken)
    if not total:
        return None
    wanted, seen, middle = {(total + 1) // 2, (total + 2) // 2}, 0, []
    for d, n in taken:
        middle += [d] * len({w for w in wanted if seen < w <= seen + n})
        seen += n
    return sum(middle) / len(middle)


def _lengths_of_listed(tree: Mapping[int, TreeNode], took: Counts, listed: list[int]) -> Counts:
    """The spell lengths of each listed unit and of every unit below it. They are added into
    the listed units only: rolled up into every unit of a nation's tree they took 300 MB."""
    out: Counts = {uid: {} for uid in listed}
    for uid, lengths in took.items():
        at: int | None = uid
        while at is not None and at in tree:
            into = out.get(at)
            if into is not None:
                for key, n in lengths.items():
                    into[key] = into.get(key, 0) + n
            at = tree[at].parent_id
    return out


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
    people = people_of(sc.tops[0], win.end) if unit_code else None
    own, took = _spell_counts(session, win, as_of, people)
    held = held_by(session, win.end)
    totals = roll_up(sc.tree, fold_held(own, held))
    days = _lengths_of_listed(sc.tree, fold_held(took, held), sc.shown)
    rows = []
    for uid in sc.shown:
        node, counts = sc.tree[uid], totals.get(uid, {})
        for stage in FUNNEL:
            entered = counts.get((stage.value, "entered"), 0)
            moved = counts.get((stage.value, "cohort_moved"), 0)
            median = _median(days.get(uid, {}), stage.value)
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
