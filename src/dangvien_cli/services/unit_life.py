"""A unit's life and what must fit in it: its founding and dissolution may not contradict its
own admissions nor the periods it holds quotas for (`unit edit`, `unit import`), a quota is
for a period it saw (`quota set`, `quota import`), and a dissolution strands nobody: no act
is dated after it, nobody new stands there, and nothing alive stays in it (`unit merge`
moves them to a successor). The checks return (message key, params) for the imports to note
by row, or raise for the commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import fmt_date, fmt_int
from dangvien_cli.models import Admission, Member, Period, Person, Quota, Unit
from dangvien_cli.vocab import IN_PROGRESS

Why = tuple[str, dict[str, str]]  # a message key and its parameters


@dataclass(frozen=True)
class DateBounds:
    """What a unit's founding and dissolution dates may not contradict: its first and last
    admission decisions, and the periods it holds quotas for (the one ending first and the
    one starting last, each with its code)."""

    first_admission: date | None = None
    last_admission: date | None = None
    first_quota_end: tuple[date, str] | None = None
    last_quota_start: tuple[date, str] | None = None


def date_bounds(session: Session, unit_ids: list[int]) -> dict[int, DateBounds]:
    """Each unit's DateBounds, in two grouped queries (units with neither are left out)."""
    if not unit_ids:
        return {}
    decided, unit_id = col(Admission.decision_date), col(Admission.unit_id)
    admitted = {
        uid: (first, last)
        for uid, first, last in session.execute(
            select(unit_id, func.min(decided), func.max(decided))
            .where(unit_id.in_(unit_ids))
            .group_by(unit_id)
        )
    }
    periods: dict[int, list[tuple[date, date, str]]] = {}
    for uid, start, end, code in session.execute(
        select(col(Quota.unit_id), col(Period.start_on), col(Period.end_on), col(Period.code))
        .join(Period, col(Period.id) == col(Quota.period_id))
        .where(col(Quota.unit_id).in_(unit_ids))
    ):
        periods.setdefault(uid, []).append((start, end, code))
    bounds = {}
    for uid in admitted.keys() | periods.keys():
        first, last = admitted.get(uid, (None, None))
        held = periods.get(uid)
        bounds[uid] = DateBounds(
            first,
            last,
            min((end, code) for _start, end, code in held) if held else None,
            max((start, code) for start, _end, code in held) if held else None,
        )
    return bounds


def contradicting_dates(
    founded: date | None, dissolved: date | None, bounds: DateBounds | None
) -> Why | None:
    """Why a unit's dates contradict each other, its admissions or its quotas (message key,
    params), or None: dissolved before founded, founded after its first admission or after
    a period it has a quota for ended, dissolved before its last admission or before such a
    period began."""
    if founded and dissolved and dissolved < founded:
        return "unit.dissolved_before_founded", {
            "dissolved": fmt_date(dissolved),
            "founded": fmt_date(founded),
        }
    if bounds is None:
        return None
    first, last = bounds.first_admission, bounds.last_admission
    if founded and first and founded > first:
        return "unit.founded_after_admission", {
            "founded": fmt_date(founded),
            "admitted": fmt_date(first),
        }
    if dissolved and last and dissolved < last:
        return "unit.dissolved_before_admission", {
            "dissolved": fmt_date(dissolved),
            "admitted": fmt_date(last),
        }
    ended, started = bounds.first_quota_end, bounds.last_quota_start
    if founded and ended and founded > ended[0]:
        return "unit.founded_after_quota", {"founded": fmt_date(founded), "period": ended[1]}
    if dissolved and started and dissolved < started[0]:
        return "unit.dissolved_before_quota", {
            "dissolved": fmt_date(dissolved),
            "period": started[1],
        }
    return None


def refuse_dissolving_the_living(session: Session, units: dict[int, str], day: date) -> None:
    """A unit dissolved on ``day`` holds nothing alive after it: no sub-unit, no member on its
    roster, no candidate on the way (they would be stranded where no list or report finds
    them); ``unit merge`` moves them to a successor. ``units``: id -> code."""
    ids = list(units)
    held = {
        "unit.dissolve_sub_units": select(col(Unit.parent_id), func.count()).where(
            col(Unit.parent_id).in_(ids),
            or_(col(Unit.dissolved_on).is_(None), col(Unit.dissolved_on) > day),
        ),
        "unit.dissolve_members": select(col(Member.unit_id), func.count()).where(
            col(Member.unit_id).in_(ids),
            or_(col(Member.left_on).is_(None), col(Member.left_on) > day),
        ),
        "unit.dissolve_candidates": select(col(Person.unit_id), func.count()).where(
            col(Person.unit_id).in_(ids), col(Person.stage).in_([s.value for s in IN_PROGRESS])
        ),
    }
    for why, query in held.items():
        for uid, count in session.execute(query.group_by(query.selected_columns[0])):
            code = units.get(uid or 0, "?")
            raise InvalidValue(why, code=code, count=fmt_int(count), day=fmt_date(day))


def outside_period(
    code: str, founded_on: date | None, dissolved_on: date | None, period: Period
) -> Why | None:
    """A quota is for a unit that stood during the period, if only part of it: a ward
    dissolved on 30/06/2025 takes no quota for 2026, nor one founded on 01/07/2025 for 2024."""
    if dissolved_on is not None and dissolved_on < period.start_on:
        return "quota.unit_dissolved", {
            "code": code,
            "day": fmt_date(dissolved_on),
            "period": period.code,
        }
    if founded_on is not None and founded_on > period.end_on:
        return "quota.unit_not_founded", {
            "code": code,
            "day": fmt_date(founded_on),
            "period": period.code,
        }
    return None


def not_standing(
    code: str, founded_on: date | None, dissolved_on: date | None, day: date
) -> InvalidValue | None:
    """The refusal to read a unit as it stood on ``day`` when it did not stand then: founded
    later, or dissolved before (its figures up to its last day are a report ``--as-of``
    that day); None when it stood."""
    said = {"code": code, "day": fmt_date(day)}
    if dissolved_on is not None and dissolved_on < day:
        return InvalidValue("unit.gone_on_day", **said, end=fmt_date(dissolved_on))
    if founded_on is not None and founded_on > day:
        return InvalidValue("unit.new_on_day", **said, start=fmt_date(founded_on))
    return None


def after_its_end(code: str, dissolved_on: date | None, on: date) -> Why | None:
    """An act dated after the unit ended: by then its people belong to its successor."""
    if dissolved_on is None or on <= dissolved_on:
        return None
    return "candidate.unit_dissolved", {
        "code": code,
        "day": fmt_date(dissolved_on),
        "on": fmt_date(on),
    }


def left_behind(code: str, dissolved_on: date | None, ended_on: date | None) -> Why | None:
    """Someone who would stand in a unit dissolved since, their road or roster line not ended
    there by its last day (``ended_on``: when it ended, None while open): a merge moved such
    people to the successor, where a new one belongs too."""
    if dissolved_on is None or dissolved_on >= date.today():
        return None
    if ended_on is not None and ended_on <= dissolved_on:
        return None
    return "unit.dissolved_no_new", {"code": code, "day": fmt_date(dissolved_on)}
