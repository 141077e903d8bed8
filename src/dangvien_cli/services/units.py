"""Party units: the organisation tree every report rolls up.

``list_units`` reads through a ``Reader`` (reader.py), so ``unit list`` starts without
SQLAlchemy or the models: they are imported inside the functions that use a Session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import Conflict, InvalidValue, NotFound
from dangvien_cli.vntext import fold, nfc
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


def code_key(code: str) -> str:
    """Codes are matched case-insensitively: 'dalan' is 'DALAN'."""
    return nfc(code).casefold()


def check_code(code: str) -> str:
    code = nfc(code)
    if not code:
        raise InvalidValue("error.required", field="code")
    if len(code) > 64:
        raise InvalidValue("error.too_long", field="code", limit=64)
    return code


def find_unit(session: Session, code: str) -> Unit | None:
    from sqlalchemy import select

    from dangvien_cli.models import Unit

    return session.execute(select(Unit).where(Unit.code_key == code_key(code))).scalars().first()


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
    name = nfc(name)
    if not name:
        raise InvalidValue("error.required", field="name")
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
) -> Unit:
    """Change what was given; history stays (admissions keep their unit, a moved unit's past
    admissions count under its new parent — a closed period refuses that, see guards.py)."""
    from dangvien_cli.models import Unit
    from dangvien_cli.services import audit

    unit = get_unit(session, code)
    old_parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    before = unit_row(unit, old_parent.code if old_parent else None)
    if name is not None:
        unit.name = nfc(name)
        if not unit.name:
            raise InvalidValue("error.required", field="name")
        unit.name_key = fold(unit.name)
    if kind is not None:
        unit.kind = kind.value
    if block is not None:
        unit.block = block.value
    if founded_on is not None:
        unit.founded_on = founded_on
    if dissolved_on is not None:
        unit.dissolved_on = dissolved_on
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


def list_units(
    reader: Reader,
    *,
    under: str | None = None,
    block: Block | None = None,
    as_of: date | None = None,
) -> list[dict[str, Any]]:
    """Units in code order, as unit_row (with ``successor``): all, or the subtree of
    ``under``, of ``block``; with ``as_of``, the tree as it stood that day."""
    from dangvien_cli.services.dated import TREE, children, with_recursive

    conditions, params, ctes = [], {}, []
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
    return reader.mappings(sql, params, dates=("founded_on", "dissolved_on"))


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

    from dangvien_cli.models import Unit
    from dangvien_cli.services.dated import TREE, with_recursive

    # 60,000 units at national scale: plain rows through the connection, slotted nodes and
    # one sort key per unit keep this a fraction of a second.
    if on is None:
        query: Any = select(Unit.id, Unit.code, Unit.name, Unit.kind, Unit.block, Unit.parent_id)
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
