"""Party units, one record at a time: codes and names checked, ``unit add/edit/remove``,
what hangs on a unit, and who may decide its admissions (R15, R16). The tree's shape is in
services.unit_tree, what ``unit list``/``unit show`` read in services.unit_reads. SQLAlchemy
and the models are imported inside the functions that use a Session, so that the light read
path (unit_reads) can import this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import Conflict, InvalidValue, NotFound
from dangvien_cli.services.unit_tree import subtree_ids
from dangvien_cli.values import required_text
from dangvien_cli.vntext import fold, nfc, nfkc_code
from dangvien_cli.vocab import Block, UnitKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dangvien_cli.models import Unit


# The same limits in `unit add`, `unit edit` and `unit import`: what is exported imports back.
CODE_LIMIT = 64
NAME_LIMIT = 300


def check_name(name: str) -> str:
    return required_text(name, "name", NAME_LIMIT)


def code_key(code: str) -> str:
    """Codes are matched case-insensitively and in NFKC: 'dalan' and 'ＤＡＬＡＮ' are 'DALAN'."""
    return nfc(nfkc_code(code)).casefold()


def check_code(code: str) -> str:
    """A new unit's code: NFKC (a fullwidth twin of a code is that code), nothing invisible
    in it (DALAN followed by a zero-width space would be a second DALAN to the eye)."""
    return required_text(nfkc_code(code), "code", CODE_LIMIT)


def find_unit(session: Session, code: str) -> Unit | None:
    from sqlalchemy import select
    from sqlmodel import col

    from dangvien_cli.models import Unit

    return (
        session.execute(select(Unit).where(col(Unit.code_key) == code_key(code))).scalars().first()
    )


def get_unit(session: Session, code: str) -> Unit:
    unit = find_unit(session, code)
    if unit is None:
        raise NotFound("unit.not_found", code=nfc(code))
    return unit


def add_unit(
    session: Session,
    *,
    code: str,
    name: str,
    kind: UnitKind,
    parent: str | None = None,
    block: Block | None = None,
    founded_on: date | None = None,
) -> Unit:
    from dangvien_cli.models import Unit
    from dangvien_cli.services import audit

    code = check_code(code)
    name = check_name(name)
    if find_unit(session, code) is not None:
        raise Conflict("unit.duplicate", code=code)
    parent_unit = None
    if parent:
        parent_unit = find_unit(session, parent)
        if parent_unit is None:
            raise NotFound("unit.parent_not_found", code=nfc(parent))
        check_parent_outlives(parent_unit.code, parent_unit.dissolved_on, None)
        check_parent_founded(parent_unit.code, parent_unit.founded_on, founded_on)
    unit = Unit(
        code=code,
        code_key=code_key(code),
        name=name,
        name_key=fold(name),
        kind=kind.value,
        parent_id=parent_unit.id if parent_unit else None,
        block=(block.value if block else (parent_unit.block if parent_unit else None)),
        founded_on=founded_on,
    )
    session.add(unit)
    session.flush()
    audit.record(session, "unit", unit.code, "add", after=unit_row(unit))
    return unit


def edit_unit(
    session: Session,
    code: str,
    *,
    name: str | None = None,
    kind: UnitKind | None = None,
    parent: str | None = None,
    block: Block | None = None,
    founded_on: date | None = None,
    dissolved_on: date | None = None,
    admits_from: date | None = None,
    admits_document: str | None = None,
) -> Unit:
    """Change what was given; history stays (admissions keep their unit, a moved unit's past
    admissions count under its new parent — a closed period refuses that, see guards.py)."""
    from dangvien_cli.models import Unit, stored_id
    from dangvien_cli.services import audit

    unit = get_unit(session, code)
    old_parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    before = unit_row(unit, old_parent.code if old_parent else None)
    if name is not None:
        unit.name = check_name(name)
        unit.name_key = fold(unit.name)
    if kind is not None:
        unit.kind = kind.value
    if block is not None:
        unit.block = block.value
    if founded_on is not None:
        unit.founded_on = founded_on
    if dissolved_on is not None:
        unit.dissolved_on = dissolved_on
    if founded_on is not None or dissolved_on is not None:
        from dangvien_cli.services.unit_life import contradicting_dates, date_bounds

        bounds = date_bounds(session, [stored_id(unit)]).get(stored_id(unit))
        wrong = contradicting_dates(unit.founded_on, unit.dissolved_on, bounds)
        if wrong is not None:
            raise InvalidValue(wrong[0], code=unit.code, **wrong[1])
    if dissolved_on is not None:
        from dangvien_cli.services.unit_life import refuse_dissolving_the_living

        refuse_dissolving_the_living(session, {stored_id(unit): unit.code}, dissolved_on)
    if admits_from is not None or admits_document is not None:
        _authorise(unit, admits_from, admits_document)
    new_parent = old_parent
    if parent is not None:
        new_parent = get_parent(session, parent)
        check_parent_outlives(new_parent.code, new_parent.dissolved_on, unit.dissolved_on)
        if old_parent is None or new_parent.id != old_parent.id:  # put there in place
            check_parent_founded(new_parent.code, new_parent.founded_on, unit.founded_on)
        if new_parent.id in subtree_ids(session, unit.id):
            raise InvalidValue("unit.cycle", code=unit.code)
        unit.parent_id = new_parent.id
    session.flush()
    after = unit_row(unit, new_parent.code if new_parent else None)
    if after != before:
        audit.record(session, "unit", unit.code, "edit", before=before, after=after)
    return unit


def unit_history(session: Session, unit: Unit) -> dict[str, int]:
    """What hangs on a unit, by table: sub-units, people, quotas, admissions, roster lines,
    classes, units merged into it. Only a unit with none of these may be removed."""
    from sqlalchemy import func, or_, select
    from sqlmodel import col

    from dangvien_cli.models import Admission, Member, Person, Quota, TrainingClass
    from dangvien_cli.models import Unit as UnitTable

    counts = {
        "sub_units": select(func.count())
        .select_from(UnitTable)
        .where(or_(col(UnitTable.parent_id) == unit.id, col(UnitTable.merged_into_id) == unit.id)),
        "people": select(func.count()).select_from(Person).where(col(Person.unit_id) == unit.id),
        "quotas": select(func.count()).select_from(Quota).where(col(Quota.unit_id) == unit.id),
        "admissions": select(func.count())
        .select_from(Admission)
        .where(col(Admission.unit_id) == unit.id),
        "members": select(func.count()).select_from(Member).where(col(Member.unit_id) == unit.id),
        "classes": select(func.count())
        .select_from(TrainingClass)
        .where(col(TrainingClass.unit_id) == unit.id),
    }
    found = {key: session.execute(query).scalar_one() for key, query in counts.items()}
    return {key: n for key, n in found.items() if n}


def remove_unit(session: Session, code: str) -> dict[str, Any]:
    """Take back a unit added by mistake. A unit with any history is refused: it is
    dissolved instead (``unit edit --dissolved``), so that past figures keep their unit.
    The audit trail keeps the removed unit's values. Returns them."""
    from dangvien_cli.models import Unit
    from dangvien_cli.services import audit

    unit = get_unit(session, code)
    history = unit_history(session, unit)
    if history:
        raise Conflict("unit.has_history", code=unit.code, what=history_text(history))
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    before = unit_row(unit, parent.code if parent else None)
    session.delete(unit)
    session.flush()
    audit.record(session, "unit", before["code"], "remove", before=before)
    return before


def history_text(history: dict[str, int]) -> str:
    from dangvien_cli.i18n import fmt_int, t

    return ", ".join(f"{fmt_int(n)} {t(f'unit.history.{key}')}" for key, n in history.items())


@dataclass(frozen=True)
class Authority:
    """Who stands above a unit for an admission on a given day (R15, R16).

    ``committee_above``: the grassroots organisation the unit belongs to is a đảng bộ cơ sở,
    so its committee's resolution (form 8-KNĐ) comes between the cell vote and the decision.
    ``deciders``: the codes of the units whose decision is valid: the committee directly above
    the grassroots organisation, and the grassroots committee itself when it was authorised on
    that day."""

    committee_above: bool
    deciders: tuple[str, ...]


GRASSROOTS = (UnitKind.dang_bo_co_so.value, UnitKind.chi_bo_co_so.value)


def admission_authority(session: Session, unit_id: int | None, on: date) -> Authority:
    """Who stood above the unit on ``on``: the tree of that day (services.dated), not today's,
    so that a 2021 decision recorded after the 2025 map is judged by the committees of 2021."""
    from sqlalchemy import Date, String, bindparam, text

    from dangvien_cli.services.dated import TREE, with_recursive

    if unit_id is None:
        return Authority(False, ())
    chain = session.execute(
        text(
            with_recursive(TREE, _UP)
            + "SELECT up.code, up.kind, u.admits_from FROM up JOIN unit AS u ON u.id = up.id "
            "ORDER BY up.depth"
        )
        .bindparams(bindparam("on", on, type_=Date), bindparam("unit", unit_id))
        .columns(code=String, kind=String, admits_from=Date)
    ).all()
    grassroots = next((i for i, (_c, kind, _f) in enumerate(chain) if kind in GRASSROOTS), None)
    if grassroots is None:
        return Authority(False, ())
    code, kind, admits_from = chain[grassroots]
    # A resolution of the grassroots committee comes between the vote and the decision when
    # the grassroots organisation is a đảng bộ cơ sở; a chi bộ cơ sở answers to the committee
    # above it, even when that one is a đảng bộ cơ sở (a ward of 2025 over the units moved in).
    committee = kind == UnitKind.dang_bo_co_so.value
    deciders = [chain[grassroots + 1][0]] if grassroots + 1 < len(chain) else []
    if kind == UnitKind.dang_bo_co_so.value and admits_from and admits_from <= on:
        deciders.append(code)
    return Authority(committee, tuple(deciders))


# up(id, parent_id, code, kind, depth): a unit and the units above it in the tree of :on;
# bounded, as a cycle is refused on edit.
_UP = """up(id, parent_id, code, kind, depth) AS (
  SELECT id, parent_id, code, kind, 0 FROM tree WHERE id = :unit
  UNION ALL
  SELECT t.id, t.parent_id, t.code, t.kind, up.depth + 1 FROM tree AS t
  JOIN up ON t.id = up.parent_id WHERE up.depth < 64
)"""


def _authorise(unit: Unit, admits_from: date | None, document: str | None) -> None:
    """R16: the upper committee authorised this đảng ủy cơ sở to decide admissions, from a
    day, by a document; both are needed, and only a đảng ủy cơ sở can be authorised."""
    if unit.kind != UnitKind.dang_bo_co_so.value:
        raise InvalidValue("unit.admits_not_grassroots", code=unit.code)
    if admits_from is None or not (document or "").strip():
        field_name = "--admits-from" if admits_from is None else "--admits-document"
        raise InvalidValue("error.required", field=field_name)
    if admits_from > date.today():
        raise InvalidValue("act.in_future", field="--admits-from", date=admits_from.isoformat())
    unit.admits_from, unit.admits_document = admits_from, nfc(document or "")


def check_parent_founded(code: str, parent_began: date | None, child_began: date | None) -> None:
    """A unit founded on a day stands under a parent that stood that day: none is added, or
    put in place (a correction, with no history), under a unit founded after it; the tree
    of that day would hold it under nobody. (A file's ``parent`` is the parent now, which a
    dated move may have given long after the founding: imports do not ask this.)"""
    from dangvien_cli.i18n import fmt_date

    if parent_began is not None and child_began is not None and parent_began > child_began:
        raise InvalidValue(
            "unit.parent_founded_later",
            code=code,
            day=fmt_date(parent_began),
            founded=fmt_date(child_began),
        )


def check_parent_outlives(code: str, parent_gone: date | None, child_gone: date | None) -> None:
    """A unit stands under a parent that stands as long as it does: none is put under a unit
    dissolved before it ends (its successor is the parent now)."""
    from dangvien_cli.i18n import fmt_date

    if parent_gone is not None and (child_gone is None or child_gone > parent_gone):
        raise InvalidValue("unit.parent_dissolved", code=code, day=fmt_date(parent_gone))


def get_parent(session: Session, code: str) -> Unit:
    parent = find_unit(session, code)
    if parent is None:
        raise NotFound("unit.parent_not_found", code=nfc(code))
    return parent


def unit_row(unit: Unit, parent_code: str | None = None) -> dict[str, Any]:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent": parent_code,
        "block": unit.block,
        "founded_on": unit.founded_on,
        "dissolved_on": unit.dissolved_on,
        "admits_from": unit.admits_from,
        "admits_document": unit.admits_document,
    }


def require_alive_to_act(unit: Unit, day: date) -> None:
    """Refuse an act of ``day`` in or on a unit that did not stand then (a move, a transfer,
    a class): founded later, or dissolved before."""
    from dangvien_cli.i18n import fmt_date

    if unit.dissolved_on is not None and unit.dissolved_on < day:
        raise InvalidValue("unit.dissolved_on_day", code=unit.code, day=fmt_date(unit.dissolved_on))
    if unit.founded_on is not None and unit.founded_on > day:
        raise InvalidValue("unit.not_founded_yet", code=unit.code, day=fmt_date(unit.founded_on))


def require_alive(unit: Unit, day: date) -> None:
    """Refuse a unit that did not exist on ``day`` (a report or roster of that day)."""
    from dangvien_cli.services.unit_life import not_standing

    refusal = not_standing(unit.code, unit.founded_on, unit.dissolved_on, day)
    if refusal is not None:
        raise refusal
