"""Dated changes of the map: units merged, moved and renamed, members transferred and leaving.

Each act keeps the past: the state that ends goes to ``unit_history`` / ``member_history``
(services.dated reads them back for any day) and the ``unit`` / ``member`` row takes the new
state from the act's day. Admissions keep the unit they were decided in, so a past period
counts them for the units as they stood then; after a merge a report dated later counts a
dissolved unit's facts for its successor (``merged_into_id``).

Quotas of a period running on the day of a merge are carried: each source's target is added
to the successor's target of the same period and source (created if missing), since the
successor now answers for the sources' admissions of the whole period. The sources' own quota
rows stay, for reports dated before the merge. A split (one unit into several) is not an act
of this tool: the clerk sets the new units' quotas with ``quota set``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Date, false, func, literal, select, update
from sqlmodel import col

from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import fmt_date
from dangvien_cli.models import (
    Member,
    MemberHistory,
    Period,
    Person,
    PersonHistory,
    Quota,
    Unit,
    UnitHistory,
    rowcount,
    stored_id,
    table_of,
)
from dangvien_cli.services import audit
from dangvien_cli.services.members import get_member, on_probation
from dangvien_cli.services.unit_tree import subtree_ids
from dangvien_cli.services.units import add_unit, find_unit, get_unit, require_alive_to_act
from dangvien_cli.vntext import fold, nfc
from dangvien_cli.vocab import IN_PROGRESS, Block, ExitReason, UnitKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DAY = timedelta(days=1)


def check_day(session: Session, day: date) -> None:
    """An act is a fact: not after today, and not inside a period already closed."""
    if day > date.today():
        raise InvalidValue("restructure.future", day=fmt_date(day))
    closed = session.execute(
        select(col(Period.code)).where(
            col(Period.closed_at).is_not(None),
            col(Period.start_on) <= day,
            col(Period.end_on) >= day,
        )
    ).scalar()
    if closed is not None:
        raise InvalidValue("restructure.closed_period", day=fmt_date(day), period=closed)


def _require_new_state(unit: Unit, day: date) -> None:
    """A dated change starts a new state on ``day``: after the unit's founding and after the
    start of its current state (an earlier day would rewrite the history it keeps)."""
    if unit.founded_on is not None and day <= unit.founded_on:
        raise InvalidValue(
            "unit.date_before_founding", code=unit.code, day=fmt_date(unit.founded_on)
        )
    if unit.state_since is not None and day <= unit.state_since:
        raise InvalidValue("unit.date_before_state", code=unit.code, day=fmt_date(unit.state_since))


def _close_state(session: Session, unit: Unit, day: date) -> None:
    """Keep the state that ends the day before ``day``; the row then holds the new one."""
    session.add(
        UnitHistory(
            unit_id=stored_id(unit),
            valid_from=unit.state_since,
            valid_to=day - DAY,
            parent_id=unit.parent_id,
            name=unit.name,
            kind=unit.kind,
            block=unit.block,
        )
    )
    unit.state_since = day


def _code(session: Session, unit_id: int | None) -> str | None:
    return session.get_one(Unit, unit_id).code if unit_id else None


def move_unit(session: Session, code: str, *, parent: str, on: date) -> dict[str, Any]:
    unit = get_unit(session, code)
    new_parent = get_unit(session, parent) if parent else None
    check_day(session, on)
    require_alive_to_act(unit, on)
    _require_new_state(unit, on)
    if new_parent is not None:
        require_alive_to_act(new_parent, on)
        if new_parent.id in subtree_ids(session, unit.id):
            raise InvalidValue("unit.cycle", code=unit.code)
    before = {"parent": _code(session, unit.parent_id), "on": on}
    _close_state(session, unit, on)
    unit.parent_id = new_parent.id if new_parent else None
    session.flush()
    after = {"parent": new_parent.code if new_parent else None, "on": on}
    audit.record(session, "unit", unit.code, "move", before=before, after=after)
    return {"code": unit.code, **after}


def rename_unit(session: Session, code: str, *, name: str, on: date) -> dict[str, Any]:
    unit = get_unit(session, code)
    name = nfc(name)
    if not name:
        raise InvalidValue("error.required", field="--name")
    check_day(session, on)
    require_alive_to_act(unit, on)
    _require_new_state(unit, on)
    before = {"name": unit.name, "on": on}
    _close_state(session, unit, on)
    unit.name, unit.name_key = name, fold(name)
    session.flush()
    after = {"name": name, "on": on}
    audit.record(session, "unit", unit.code, "rename", before=before, after=after)
    return {"code": unit.code, **after}


def merge_units(
    session: Session,
    sources: list[str],
    *,
    into: str,
    on: date,
    name: str | None = None,
    kind: UnitKind | None = None,
    parent: str | None = None,
    block: Block | None = None,
) -> dict[str, Any]:
    """Dissolve each source the day before ``on`` with ``into`` as successor (created when
    new) and move to it, as of ``on``: the sources' sub-units, their members on the roster
    that day, their open candidates (with the whole history and rule exceptions, which are the
    person's) and the targets of the periods running that day."""
    check_day(session, on)
    check_day(session, on - DAY)
    units = [get_unit(session, code) for code in sources]
    successor = find_unit(session, into)
    created = successor is None
    for src in units:
        if successor is not None and src.id == successor.id:
            raise InvalidValue("unit.merge_self", code=src.code)
        if src.dissolved_on is not None:
            raise InvalidValue(
                "unit.merge_dissolved", code=src.code, day=fmt_date(src.dissolved_on)
            )
        if src.founded_on is not None and on - DAY < src.founded_on:
            raise InvalidValue(
                "unit.date_before_founding", code=src.code, day=fmt_date(src.founded_on)
            )
        if successor is not None and successor.id in subtree_ids(session, src.id):
            raise InvalidValue("unit.merge_descendant", code=src.code, into=successor.code)
    if len({u.id for u in units}) != len(units):
        raise InvalidValue("unit.merge_twice")
    if successor is None:
        if not name or kind is None:
            raise InvalidValue("error.required", field="--name" if not name else "--kind")
        parent_unit = get_unit(session, parent) if parent else None
        if parent_unit is not None:
            require_alive_to_act(parent_unit, on)
            if parent_unit.id in {u.id for u in units}:
                raise InvalidValue("unit.merge_descendant", code=parent_unit.code, into=into)
        successor = add_unit(
            session, code=into, name=name, kind=kind, parent=parent, block=block, founded_on=on
        )
        successor.state_since = on
    else:
        require_alive_to_act(successor, on)
        if name or kind or parent or block:
            raise InvalidValue("unit.merge_existing_options", code=successor.code)
    moved = {"sub_units": 0, "members": 0, "candidates": 0, "quotas": 0}
    source_ids = [stored_id(u) for u in units]
    successor_id = stored_id(successor)
    for src in units:
        src.dissolved_on = on - DAY
        src.merged_into_id = successor_id
    children = session.execute(
        select(Unit).where(col(Unit.parent_id).in_(source_ids), col(Unit.dissolved_on).is_(None))
    ).scalars()
    for child in children:
        _require_new_state(child, on)
        _close_state(session, child, on)
        child.parent_id = successor_id
        moved["sub_units"] += 1
    moved["members"] = move_roster(session, source_ids, successor_id, on)
    open_candidates = (
        col(Person.unit_id).in_(source_ids),
        col(Person.stage).in_([s.value for s in IN_PROGRESS]),
    )
    keep_person_units(session, select(col(Person.id)).where(*open_candidates), on)
    moved["candidates"] = rowcount(
        session.execute(update(Person).where(*open_candidates).values(unit_id=successor_id))
    )
    moved["quotas"] = carry_quotas(session, source_ids, successor_id, on)
    session.flush()
    after = {
        "sources": [u.code for u in units],
        "into": successor.code,
        "created": created,
        "on": on,
        "dissolved_on": on - DAY,
        **moved,
    }
    audit.record(session, "unit", successor.code, "merge", after=after)
    return after


def move_roster(session: Session, unit_ids: list[int], to_id: int, on: date) -> int:
    """The members on the roster of ``unit_ids`` on ``on`` move to ``to_id`` from that day;
    their span in the old unit goes to member_history. Two statements, whatever the size."""
    on_roster = (
        col(Member.unit_id).in_(unit_ids),
        (col(Member.left_on).is_(None)) | (col(Member.left_on) > on),
    )
    history = select(
        col(Member.id),
        col(Member.unit_id),
        col(Member.unit_since),
        literal(on - DAY, Date),
        false(),
    ).where(*on_roster)
    session.execute(
        table_of(MemberHistory)
        .insert()
        .from_select(["member_id", "unit_id", "valid_from", "valid_to", "temporary"], history)
    )
    people = select(col(Member.person_id)).where(*on_roster)
    keep_person_units(session, people, on)
    session.execute(
        update(Person).where(col(Person.id).in_(people.scalar_subquery())).values(unit_id=to_id)
    )
    return rowcount(
        session.execute(update(Member).where(*on_roster).values(unit_id=to_id, unit_since=on))
    )


def keep_person_units(session: Session, person_ids: Any, on: date) -> None:
    """Keep the unit the people ``person_ids`` (a select of ids) belonged to up to the day
    before ``on``, before they move."""
    rows = select(col(Person.id), col(Person.unit_id), literal(on - DAY, Date)).where(
        col(Person.id).in_(person_ids.scalar_subquery()), col(Person.unit_id).is_not(None)
    )
    session.execute(
        table_of(PersonHistory).insert().from_select(["person_id", "unit_id", "valid_to"], rows)
    )


def carry_quotas(session: Session, source_ids: list[int], to_id: int, on: date) -> int:
    """Add the sources' targets of the periods running on ``on`` to the successor's."""
    rows = session.execute(
        select(col(Quota.period_id), col(Quota.source), func.sum(Quota.target))
        .join(Period, col(Period.id) == Quota.period_id)
        .where(
            col(Quota.unit_id).in_(source_ids), col(Period.start_on) < on, col(Period.end_on) >= on
        )
        .group_by(col(Quota.period_id), col(Quota.source))
    ).all()
    for period_id, source, target in rows:
        quota = session.execute(
            select(Quota).where(
                col(Quota.unit_id) == to_id,
                col(Quota.period_id) == period_id,
                col(Quota.source) == source,
            )
        ).scalar_one_or_none()
        if quota is None:
            session.add(Quota(unit_id=to_id, period_id=period_id, source=source, target=target))
        else:
            quota.target += int(target)
    return len(rows)


def _member(session: Session, person_id: int) -> Member:
    """A roster line by the id users see: the person's ("Mã số" everywhere)."""
    return get_member(session, person_id)


def _require_on_roster(member: Member, on: date) -> None:
    if member.left_on is not None and member.left_on <= on:
        raise InvalidValue("member.left_on_day", id=member.person_id, day=fmt_date(member.left_on))
    if member.admitted_on is not None and on < member.admitted_on:
        raise InvalidValue(
            "member.before_admission", id=member.person_id, day=fmt_date(member.admitted_on)
        )


def transfer_member(
    session: Session, member_id: int, *, to: str, on: date, temporary: bool = False
) -> dict[str, Any]:
    """chuyển sinh hoạt đảng: from ``on`` the member belongs to ``to`` (kept in history), or
    with ``temporary`` attends there while staying on the home unit's roster."""
    member = _member(session, member_id)
    target = get_unit(session, to)
    check_day(session, on)
    _require_on_roster(member, on)
    require_alive_to_act(target, on)
    if target.id == member.unit_id:
        raise InvalidValue("member.same_unit", id=member.person_id, code=target.code)
    if member.unit_since is not None and on <= member.unit_since:
        raise InvalidValue(
            "member.date_before_state", id=member.person_id, day=fmt_date(member.unit_since)
        )
    before = {"unit": _code(session, member.unit_id)}
    member_id, target_id = stored_id(member), stored_id(target)
    _end_temporary(session, member_id, on)  # one temporary unit at a time
    if temporary:
        session.add(
            MemberHistory(member_id=member_id, unit_id=target_id, valid_from=on, temporary=True)
        )
    else:
        session.add(
            MemberHistory(
                member_id=member_id,
                unit_id=member.unit_id,
                valid_from=member.unit_since,
                valid_to=on - DAY,
                temporary=False,
            )
        )
        member.unit_id, member.unit_since = target_id, on
        person = session.get_one(Person, member.person_id)
        if person.unit_id is not None:
            session.add(
                PersonHistory(person_id=member.person_id, unit_id=person.unit_id, valid_to=on - DAY)
            )
        person.unit_id = target_id
    session.flush()
    after = {"unit": target.code, "on": on, "temporary": temporary}
    audit.record(session, "member", member.id, "transfer", before=before, after=after)
    return {"id": member.person_id, **after}


def _end_temporary(session: Session, member_id: int, on: date) -> None:
    """A temporary transfer still running ends the day before ``on``."""
    session.execute(
        update(MemberHistory)
        .where(
            col(MemberHistory.member_id) == member_id,
            col(MemberHistory.temporary).is_(True),
            col(MemberHistory.valid_to).is_(None),
        )
        .values(valid_to=on - DAY)
    )


def exit_member(
    session: Session, member_id: int, *, reason: ExitReason, on: date
) -> dict[str, Any]:
    """The member leaves the roster from ``on`` (death, removal, expulsion, resignation or a
    transfer out of this committee's tree)."""
    member = _member(session, member_id)
    check_day(session, on)
    _require_on_roster(member, on)
    if reason is ExitReason.removed and on_probation(session, member.person_id):
        # striking off a probationary member admitted here is a step of the admission record
        raise InvalidValue("member.strike_on_probation", id=member.person_id)
    member.left_on, member.exit_reason = on, reason.value
    _end_temporary(session, stored_id(member), on)  # ends with the membership
    session.flush()
    after = {"left_on": on, "reason": reason.value}
    audit.record(session, "member", member.id, "exit", after=after)
    return {"id": member.person_id, **after}
