"""The unit tree as reports and checks walk it: the subtree below a unit as SQL
(``subtree_cte``, ``SUBTREE_OF_CODE``) or ids (``subtree_ids``), the whole tree in memory
(``load_tree``, of today or of any day through services.dated), and the dissolved units whose
facts a successor holds (``held_by``, ``fold_held``). Apart from services.units, which keeps
one unit's record, because every report and list needs the shape and none of the edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def subtree_cte(seed: str) -> str:
    """``WITH RECURSIVE subtree(id)``: the unit(s) ``seed`` selects and every unit below."""
    return (
        f"WITH RECURSIVE subtree(id) AS ({seed} UNION ALL "
        "SELECT child.id FROM unit child JOIN subtree ON child.parent_id = subtree.id) "
    )


# The unit whose code the user gave (:unit_key, its code_key) and every unit below it.
SUBTREE_OF_CODE = subtree_cte("SELECT id FROM unit WHERE code_key = :unit_key")


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
