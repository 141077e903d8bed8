"""What ``unit list`` and ``unit show`` read. ``stream_units`` and the ``require_unit*``
checks go through a ``Reader`` (reader.py), so ``unit list`` starts without SQLAlchemy or the
models; ``unit_detail`` reads one unit as it stood on a day (services.dated) in a handful of
set-based queries. Apart from services.units, which writes units.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import InvalidValue, NotFound
from dangvien_cli.services.units import code_key, get_unit, unit_row
from dangvien_cli.vntext import nfc
from dangvien_cli.vocab import IN_PROGRESS, Block

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from dangvien_cli.reader import Reader


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


def dissolved(reader: Reader, code: str) -> tuple[str, date, str | None] | None:
    """A unit dissolved by now: its code, its last day and its successor's code, for a list
    of today that finds nobody there (its people moved with the merge); None otherwise."""
    from dangvien_cli.reader import as_date

    sql = (
        "SELECT u.code, u.dissolved_on, s.code FROM unit AS u "
        "LEFT JOIN unit AS s ON s.id = u.merged_into_id "
        "WHERE u.code_key = :unit_key AND u.dissolved_on IS NOT NULL"
    )
    found = reader.rows(sql, {"unit_key": code_key(code)})
    if not found:
        return None
    stored, last, successor = found[0]
    last_day = as_date(last)
    return (stored, last_day, successor) if last_day is not None else None


def require_unit_on(reader: Reader, code: str, day: date) -> int:
    """``require_unit``, refused too when the unit did not exist on ``day``."""
    from dangvien_cli.reader import as_date
    from dangvien_cli.services.unit_life import not_standing

    unit_id = require_unit(reader, code)
    sql = "SELECT code, founded_on, dissolved_on FROM unit WHERE id = :id"
    ((stored, founded, dissolved),) = reader.rows(sql, {"id": unit_id})
    refusal = not_standing(stored, as_date(founded), as_date(dissolved), day)
    if refusal is not None:
        raise refusal
    return unit_id


def unit_detail(session: Session, code: str, as_of: date | None = None) -> dict[str, Any]:
    """One unit as it stood on ``as_of`` (default today, or its last day if dissolved): that
    day's parent and name, the roster of its subtree that day, its sub-units, the admissions
    decided up to that day in it and below (a merged unit's counting for its successor), the
    candidates now."""
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
        from dangvien_cli.i18n import fmt_date
        from dangvien_cli.services.unit_life import not_standing

        raise not_standing(unit.code, unit.founded_on, unit.dissolved_on, day) or InvalidValue(
            "unit.not_on_day", code=unit.code, day=fmt_date(day)
        )
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
