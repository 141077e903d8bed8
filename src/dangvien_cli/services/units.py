"""Party units: the organisation tree every report rolls up.

``stream_units`` reads through a ``Reader`` (reader.py), so ``unit list`` starts without
SQLAlchemy or the models: they are imported inside the functions that use a Session.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import Conflict, InvalidValue, NotFound
from dangvien_cli.vntext import fold, invisible_char, nfc, nfkc_code, visible
from dangvien_cli.vocab import Block, Stage, UnitKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dangvien_cli.models import Unit
    from dangvien_cli.reader import Reader

IN_PROGRESS = (
    Stage.sourced,
    Stage.trained,
    Stage.applied,
    Stage.voted,
    Stage.recommended,
)


# The same limits in `unit add`, `unit edit` and `unit import`: what is exported imports back.
CODE_LIMIT = 64
NAME_LIMIT = 300


def check_name(name: str) -> str:
    name = nfc(name)
    if not name:
        raise InvalidValue("error.required", field="name")
    if len(name) > NAME_LIMIT:
        raise InvalidValue("error.too_long", field="name", limit=NAME_LIMIT)
    return name


def code_key(code: str) -> str:
    """Codes are matched case-insensitively and in NFKC: 'dalan' and 'ＤＡＬＡＮ' are 'DALAN'."""
    return nfc(nfkc_code(code)).casefold()


def check_code(code: str) -> str:
    """A new unit's code: NFKC (a fullwidth twin of a code is that code), nothing invisible
    in it (DALAN followed by a zero-width space would be a second DALAN to the eye)."""
    code = nfc(nfkc_code(code))
    if not code:
        raise InvalidValue("error.required", field="code")
    if len(code) > CODE_LIMIT:
        raise InvalidValue("error.too_long", field="code", limit=CODE_LIMIT)
    hidden = invisible_char(code)
    if hidden is not None:
        raise InvalidValue("text.invisible_char", char=hidden, value=visible(code))
    return code


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
    audit.record(session, entity="unit", entity_id=unit.code, action="add", after=unit_row(unit))
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
    from dangvien_cli.models import Unit
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
        span = admission_spans(session, [unit.id])  # type: ignore[list-item]
        wrong = contradicting_dates(unit.founded_on, unit.dissolved_on, span.get(unit.id))  # type: ignore[arg-type]
        if wrong is not None:
            raise InvalidValue(wrong[0], code=unit.code, **wrong[1])
    if admits_from is not None or admits_document is not None:
        _authorise(unit, admits_from, admits_document)
    new_parent = old_parent
    if parent is not None:
        new_parent = get_parent(session, parent)
        if new_parent.id in subtree_ids(session, unit.id):
            raise InvalidValue("unit.cycle", code=unit.code)
        unit.parent_id = new_parent.id
    session.flush()
    after = unit_row(unit, new_parent.code if new_parent else None)
    if after != before:
        audit.record(
            session, entity="unit", entity_id=unit.code, action="edit", before=before, after=after
        )
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
    audit.record(session, entity="unit", entity_id=before["code"], action="remove", before=before)
    return before


def history_text(history: dict[str, int]) -> str:
    from dangvien_cli.i18n import fmt_int, t

    return ", ".join(f"{fmt_int(n)} {t(f'unit.history.{key}')}" for key, n in history.items())


def admission_spans(session: Session, unit_ids: list[int]) -> dict[int, tuple[date, date]]:
    """Each unit's first and last admission decision (admissions in the unit itself), in
    one grouped query: what a unit's founding and dissolution dates may not contradict."""
    from sqlalchemy import func, select
    from sqlmodel import col

    from dangvien_cli.models import Admission

    if not unit_ids:
        return {}
    decided, unit_id = col(Admission.decision_date), col(Admission.unit_id)
    found = session.execute(
        select(unit_id, func.min(decided), func.max(decided))
        .where(unit_id.in_(unit_ids))
        .group_by(unit_id)
    ).all()
    return {uid: (first, last) for uid, first, last in found}


def contradicting_dates(
    founded: date | None, dissolved: date | None, span: tuple[date, date] | None
) -> tuple[str, dict[str, str]] | None:
    """Why a unit's dates contradict each other or its admissions (message key, params),
    or None: dissolved before founded, founded after its first admission, dissolved
    before its last one."""
    from dangvien_cli.i18n import fmt_date

    if founded and dissolved and dissolved < founded:
        return "unit.dissolved_before_founded", {
            "dissolved": fmt_date(dissolved),
            "founded": fmt_date(founded),
        }
    if span is None:
        return None
    first, last = span
    if founded and founded > first:
        return "unit.founded_after_admission", {
            "founded": fmt_date(founded),
            "admitted": fmt_date(first),
        }
    if dissolved and dissolved < last:
        return "unit.dissolved_before_admission", {
            "dissolved": fmt_date(dissolved),
            "admitted": fmt_date(last),
        }
    return None


@dataclass(frozen=True)
class Authority:
    """Who stands above a unit for an admission on a given day (R15, R16).

    ``committee_above``: a đảng ủy cơ sở is the unit or stands above it, so its resolution
    (form 8-KNĐ) comes between the cell vote and the decision. ``deciders``: the codes of the
    units whose decision is valid: the committee directly above the grassroots organisation,
    and the grassroots committee itself when it was authorised on that day."""

    committee_above: bool
    deciders: tuple[str, ...]


GRASSROOTS = (UnitKind.dang_bo_co_so.value, UnitKind.chi_bo_co_so.value)


def admission_authority(session: Session, unit_id: int | None, on: date) -> Authority:
    from dangvien_cli.models import Unit

    chain: list[Unit] = []
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    while unit is not None and len(chain) < 64:  # a cycle is refused on edit; bounded anyway
        chain.append(unit)
        unit = session.get(Unit, unit.parent_id) if unit.parent_id else None
    committee = any(u.kind == UnitKind.dang_bo_co_so.value for u in chain)
    grassroots = next((i for i, u in enumerate(chain) if u.kind in GRASSROOTS), None)
    if grassroots is None:
        return Authority(committee, ())
    base = chain[grassroots]
    deciders = [chain[grassroots + 1].code] if grassroots + 1 < len(chain) else []
    if base.kind == UnitKind.dang_bo_co_so.value and base.admits_from and base.admits_from <= on:
        deciders.append(base.code)
    return Authority(committee, tuple(deciders))


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


def subtree_cte(seed: str) -> str:
    """``WITH RECURSIVE subtree(id)``: the unit(s) ``seed`` selects and every unit below."""
    return (
        f"WITH RECURSIVE subtree(id) AS ({seed} UNION ALL "
        "SELECT child.id FROM unit child JOIN subtree ON child.parent_id = subtree.id) "
    )


# The unit whose code the user gave (:unit_key, its code_key) and every unit below it.
SUBTREE_OF_CODE = subtree_cte("SELECT id FROM unit WHERE code_key = :unit_key")


UNIT_LIST = (
    "SELECT u.code, u.name, u.kind, parent.code AS parent, u.block, u.founded_on, "
    "u.dissolved_on, successor.code AS successor FROM unit u "
    "LEFT OUTER JOIN unit parent ON parent.id = u.parent_id "
    "LEFT OUTER JOIN unit successor ON successor.id = u.merged_into_id"
    "{where} ORDER BY u.code_key"
)
# The same rows as the tree stood on :on (services.dated): that day's parent, name, kind and
# block, and only the units alive that day.
UNIT_LIST_ON = (
    "SELECT t.code, t.name, t.kind, parent.code AS parent, t.block, u.founded_on, "
    "u.dissolved_on, successor.code AS successor FROM tree t JOIN unit u ON u.id = t.id "
    "LEFT OUTER JOIN tree parent ON parent.id = t.parent_id "
    "LEFT OUTER JOIN unit successor ON successor.id = u.merged_into_id"
    "{where} ORDER BY t.code_key"
)


def stream_units(
    reader: Reader,
    *,
    under: str | None = None,
    block: Block | None = None,
    as_of: date | None = None,
) -> Iterator[dict[str, Any]]:
    """Units in code order, as unit_row (with ``successor``), read from the cursor as the rows
    are printed: all, or the subtree of ``under``, of ``block``; with ``as_of``, the tree as
    it stood that day. The unit ``under`` names is looked up first, so that a wrong code is
    refused before anything is printed."""
    from dangvien_cli.services.dated import TREE, children, with_recursive

    conditions: list[str] = []
    params: dict[str, Any] = {}
    ctes: list[str] = []
    if as_of is not None:
        params["on"] = as_of
        ctes.append(TREE)
    if under:
        unit_id = require_unit_on(reader, under, as_of) if as_of else require_unit(reader, under)
        conditions.append("u.id IN (SELECT id FROM subtree)")
        params["root"] = unit_id
        down = (
            children("subtree.id", "child")
            if as_of
            else "JOIN unit AS child ON child.parent_id = subtree.id"
        )
        ctes.append(
            "subtree(id) AS (SELECT CAST(:root AS INTEGER) UNION ALL "
            f"SELECT child.id FROM subtree {down})"
        )
    if block:
        conditions.append(("t" if as_of else "u") + ".block = :block")
        params["block"] = block.value
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    sql = (UNIT_LIST_ON if as_of else UNIT_LIST).format(where=where)
    if ctes:
        sql = with_recursive(*ctes) + sql
    return reader.iter_mappings(sql, params, dates=("founded_on", "dissolved_on"))


def require_unit(reader: Reader, code: str) -> int:
    """The id of the unit ``code`` names, refused as get_unit refuses it."""
    sql = "SELECT id FROM unit WHERE code_key = :unit_key"
    unit_id = reader.scalar(sql, {"unit_key": code_key(code)})
    if unit_id is None:
        raise NotFound("unit.not_found", code=nfc(code))
    return int(unit_id)


def alive_on(unit: Unit, day: date) -> bool:
    return (unit.founded_on is None or unit.founded_on <= day) and (
        unit.dissolved_on is None or unit.dissolved_on >= day
    )


def require_alive(unit: Unit, day: date) -> None:
    """Refuse a unit that did not exist on ``day`` (a report or roster of that day)."""
    from dangvien_cli.i18n import fmt_date

    if not alive_on(unit, day):
        raise InvalidValue("unit.not_on_day", code=unit.code, day=fmt_date(day))


def require_unit_on(reader: Reader, code: str, day: date) -> int:
    """``require_unit``, refused too when the unit did not exist on ``day``."""
    from dangvien_cli.i18n import fmt_date

    unit_id = require_unit(reader, code)
    sql = (
        "SELECT count(*) FROM unit WHERE id = :id AND (founded_on IS NULL OR founded_on <= :on)"
        " AND (dissolved_on IS NULL OR dissolved_on >= :on)"
    )
    if not reader.scalar(sql, {"id": unit_id, "on": day}):
        raise InvalidValue("unit.not_on_day", code=nfc(code), day=fmt_date(day))
    return unit_id


def subtree_ids(session: Session, unit_id: int | None, as_of: date | None = None) -> list[int]:
    """The unit and every unit below it, in one recursive query; with ``as_of``, below it in
    the tree of that day."""
    from sqlalchemy import text

    from dangvien_cli.services.dated import children, with_recursive

    if as_of is None:
        sql = subtree_cte("SELECT CAST(:root AS INTEGER)") + "SELECT id FROM subtree"
    else:
        down = children("subtree.id", "t")
        sql = with_recursive(
            "subtree(id) AS (SELECT CAST(:root AS INTEGER) UNION ALL "
            f"SELECT t.id FROM subtree {down})"
        )
        sql += "SELECT id FROM subtree"
    rows = session.execute(text(sql), params={"root": unit_id, "on": as_of}).all()
    return [r[0] for r in rows]


@dataclass(slots=True)
class TreeNode:
    id: int
    code: str
    name: str
    kind: str
    block: str | None
    parent_id: int | None
    children: list[int] = field(default_factory=list)


def load_tree(session: Session, on: date | None = None) -> dict[int, TreeNode]:
    """The whole unit tree in one query (with ``on``: as it stood that day, services.dated);
    reports walk it in memory."""
    from sqlalchemy import select, text
    from sqlmodel import col

    from dangvien_cli.models import Unit
    from dangvien_cli.services.dated import TREE, with_recursive

    # 60,000 units at national scale: plain rows through the connection, slotted nodes and
    # one sort key per unit keep this a fraction of a second.
    if on is None:
        query: Any = select(
            col(Unit.id),
            col(Unit.code),
            col(Unit.name),
            col(Unit.kind),
            col(Unit.block),
            col(Unit.parent_id),
        )
        rows = session.connection().execute(query)
    else:
        sql = with_recursive(TREE) + "SELECT id, code, name, kind, block, parent_id FROM tree"
        rows = session.connection().execute(text(sql), {"on": on})
    nodes = {r[0]: TreeNode(*r) for r in rows}
    for node in nodes.values():
        parent = nodes.get(node.parent_id)  # type: ignore[arg-type]
        if parent is not None:
            parent.children.append(node.id)
    order = {uid: node.code.casefold() for uid, node in nodes.items()}
    for node in nodes.values():
        if len(node.children) > 1:
            node.children.sort(key=order.__getitem__)
    return nodes


def held_by(session: Session, on: date) -> dict[int, int]:
    """Each unit dissolved by ``on`` → the unit alive that day that holds its facts (its
    successor, services.dated.HELD); units alive that day hold their own and are left out."""
    from sqlalchemy import text

    from dangvien_cli.services.dated import HELD, TREE, with_recursive

    sql = (
        with_recursive(TREE, HELD)
        + "SELECT unit_id, holder_id FROM held WHERE unit_id <> holder_id"
    )
    return dict(session.execute(text(sql), {"on": on}).all())


def fold_held(own: dict[int, dict[Any, int]], held: dict[int, int]) -> dict[int, dict[Any, int]]:
    """Counters per unit with a dissolved unit's added to its holder's."""
    out: dict[int, dict[Any, int]] = {}
    for uid, counts in own.items():
        into = out.setdefault(held.get(uid, uid), {})
        for key, n in counts.items():
            into[key] = into.get(key, 0) + n
    return out


def unit_detail(session: Session, code: str, as_of: date | None = None) -> dict[str, Any]:
    """One unit as it stood on ``as_of`` (default today, or its last day if dissolved): that
    day's parent and name, the roster of its subtree that day, its sub-units, the admissions
    decided up to that day in it and below (a merged unit's counting for its successor), the
    candidates now."""
    from dangvien_cli.i18n import fmt_date
    from dangvien_cli.models import Unit
    from dangvien_cli.reader import ConnectionReader
    from dangvien_cli.services.dated import HELD, ROSTER, TREE, subtree_held, with_recursive

    reader = ConnectionReader(session.connection())
    unit = get_unit(session, code)
    # Without a day: today, or a dissolved unit's last day (it is shown as it ended).
    day = as_of or min(date.today(), unit.dissolved_on or date.today())
    params = {"on": day, "root": unit.id}
    head = with_recursive(TREE, HELD, subtree_held())
    found = reader.mappings(
        head + "SELECT t.name, t.kind, t.block, p.code AS parent, p.name AS parent_name "
        "FROM tree t LEFT JOIN tree p ON p.id = t.parent_id WHERE t.id = :root",
        params,
    )
    if not found:
        raise InvalidValue("unit.not_on_day", code=unit.code, day=fmt_date(day))
    total, probationary, key = reader.rows(
        with_recursive(TREE, HELD, ROSTER, subtree_held())
        + "SELECT count(*), coalesce(sum(CASE WHEN r.official THEN 0 ELSE 1 END), 0), "
        "coalesce(sum(CASE WHEN r.key_position THEN 1 ELSE 0 END), 0) "
        "FROM roster r JOIN sub ON sub.id = r.unit_id",
        params,
    )[0]
    children = reader.mappings(
        with_recursive(TREE)
        + "SELECT code, name, kind FROM tree WHERE parent_id = :root ORDER BY code_key",
        params,
    )
    stages = [s.value for s in IN_PROGRESS]
    in_stage = ", ".join(f"'{s}'" for s in stages)  # the closed vocabulary, not user input
    by_stage = dict(
        reader.rows(
            head + "SELECT p.stage, count(*) FROM person p JOIN sub_held ON sub_held.unit_id = "
            f"p.unit_id WHERE p.stage IN ({in_stage}) GROUP BY p.stage",
            params,
        )
    )
    admitted = reader.scalar(
        head + "SELECT count(*) FROM admission a JOIN sub_held ON sub_held.unit_id = a.unit_id "
        "WHERE a.decision_date <= :on",
        params,
    )
    then = found[0]
    row = unit_row(unit, then["parent"])
    successor = session.get(Unit, unit.merged_into_id) if unit.merged_into_id else None
    total, probationary, key = int(total), int(probationary), int(key)
    row.update(
        name=then["name"],
        kind=then["kind"],
        block=then["block"],
        as_of=day,
        successor=successor.code if successor else None,
        parent_name=then["parent_name"],
        members=total,
        official_members=total - probationary,
        probationary_members=probationary,
        key_position_members=key,
        key_position_percent=round(100 * key / total) if total else None,
        candidates_in_progress=sum(by_stage.values()),
        candidates_by_stage={s: by_stage.get(s, 0) for s in stages},
        admissions=int(admitted or 0),
        sub_units=children,
    )
    return row
