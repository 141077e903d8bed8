"""SQL helpers of the reports. The date arithmetic, written once per engine, lives with
the rest of the engine-specific SQL in dangvien_cli.dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlmodel import col

from dangvien_cli.dialect import age_years, days_between
from dangvien_cli.models import PipelineEvent, Unit, table_of

__all__ = [
    "age_years",
    "days_between",
    "held_subtree_select",
    "not_superseded",
    "people_of",
    "person_unit_on",
    "subtree_select",
]


def not_superseded() -> Any:
    """The condition that keeps an event no later correction replaced.

    An uncorrelated NOT IN: both engines build the set of superseded ids once, where a
    correlated NOT EXISTS would scan the (unindexed) supersedes column for every event."""
    superseding = col(PipelineEvent.supersedes_id)
    return col(PipelineEvent.id).not_in(select(superseding).where(superseding.is_not(None)))


def subtree_select(root_id: int) -> Any:
    """The ids of a unit and of every unit below it, as a recursive CTE for ``IN (…)``, so a
    province-sized subtree never becomes thousands of bound parameters."""
    sub = select(col(Unit.id)).where(col(Unit.id) == root_id).cte("subtree", recursive=True)
    child = table_of(Unit).alias("child_unit")
    sub = sub.union_all(select(child.c.id).join(sub, child.c.parent_id == sub.c.id))
    return select(sub.c.id)


def held_subtree_select(root_id: int, on: Any) -> Any:
    """The ids of the units whose facts count for ``root_id`` on day ``on``: it and every unit
    below it in the tree of that day, and the units dissolved into them (services.dated)."""
    from sqlalchemy import Date, Integer, bindparam, text

    from dangvien_cli.services.dated import HELD, TREE, subtree_held, with_recursive

    sql = with_recursive(TREE, HELD, subtree_held()) + "SELECT unit_id FROM sub_held"
    return (
        text(sql)
        .bindparams(bindparam("on", on, type_=Date), bindparam("root", root_id, type_=Integer))
        .columns(unit_id=Integer)
    )


def person_unit_on(on: Any) -> Any:
    """The unit a person belonged to on ``on``: the first kept unit (person_history) that
    lasted to that day, else the unit now."""
    from sqlalchemy import func

    from dangvien_cli.models import Person, PersonHistory

    kept = (
        select(col(PersonHistory.unit_id))
        .where(col(PersonHistory.person_id) == Person.id, col(PersonHistory.valid_to) >= on)
        .order_by(col(PersonHistory.valid_to))
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(kept, Person.unit_id)


def people_of(unit_id: int, on: Any) -> Any:
    """The ids of the people whose unit on ``on`` counts for ``unit_id`` (its subtree that
    day and the units dissolved into it). Uncorrelated: the engine builds the set once and
    reaches each person by key, where testing every row's unit read a nation's people."""
    from sqlalchemy import or_

    from dangvien_cli.models import Person, PersonHistory

    units = held_subtree_select(unit_id, on)
    # Who may count: people of these units now (person.unit_id is indexed), or who were in
    # one of them once (the history of those who moved); of them, those whose unit on the
    # day is one of them.
    were_there = select(col(PersonHistory.person_id)).where(col(PersonHistory.unit_id).in_(units))
    return select(col(Person.id)).where(
        or_(col(Person.unit_id).in_(units), col(Person.id).in_(were_there)),
        person_unit_on(on).in_(units),
    )
