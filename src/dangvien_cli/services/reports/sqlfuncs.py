"""SQL helpers of the reports. The date arithmetic, written once per engine, lives with
the rest of the engine-specific SQL in dangvien_cli.dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from dangvien_cli.dialect import age_years, days_between
from dangvien_cli.models import PipelineEvent, Unit

__all__ = ["age_years", "days_between", "not_superseded", "subtree_select"]


def not_superseded() -> Any:
    """The condition that keeps an event no later correction replaced.

    An uncorrelated NOT IN: both engines build the set of superseded ids once, where a
    correlated NOT EXISTS would scan the (unindexed) supersedes column for every event."""
    replaced = select(PipelineEvent.supersedes_id).where(PipelineEvent.supersedes_id.is_not(None))
    return PipelineEvent.id.not_in(replaced)


def subtree_select(root_id: int) -> Any:
    """The ids of a unit and of every unit below it, as a recursive CTE for ``IN (…)``, so a
    province-sized subtree never becomes thousands of bound parameters."""
    sub = select(Unit.id).where(Unit.id == root_id).cte("subtree", recursive=True)
    child = Unit.__table__.alias("child_unit")
    sub = sub.union_all(select(child.c.id).join(sub, child.c.parent_id == sub.c.id))
    return select(sub.c.id)
