"""The tree and the rosters as they stood on a day, written once as SQL for every reader.

The ``unit`` and ``member`` rows hold the state now; ``unit_history`` and ``member_history``
(migration 0007) hold the earlier states with the days they held. These fragments rebuild the
state of any day ``:on`` inside one statement, so reports stay set-based on both engines:

- ``TREE``: ``tree(id, parent_id, code, code_key, name, kind, block)``, the units alive on
  ``:on`` (founded on or before it, dissolved on or after it: ``dissolved_on`` is the last
  day) with the parent, name, kind and block of that day.
- ``HELD``: ``held(unit_id, holder_id)``, for every unit, the unit alive on ``:on`` whose
  figures hold its facts: itself while alive, else its successor (``merged_into_id``), followed
  while that one was dissolved too. A unit dissolved without successor is held by none.
  ``MOVED`` (part of it) holds only the dissolved units, for the reports that join it.
- ``ROSTER``: ``roster(member_id, unit_id, official)``, the members on the roster on ``:on``
  (admitted on or before it, not left: ``left_on`` is the first day off the roster) with the
  unit of that day (temporary transfers leave a member on the home roster).

Imported by the light reader path (``unit list``, ``report quota``): no SQLAlchemy here.
"""

from __future__ import annotations

TREE = """tree(id, parent_id, code, code_key, name, kind, block) AS (
  SELECT u.id,
    CASE WHEN h.id IS NULL THEN u.parent_id ELSE h.parent_id END,
    u.code, u.code_key,
    CASE WHEN h.id IS NULL THEN u.name ELSE h.name END,
    CASE WHEN h.id IS NULL THEN u.kind ELSE h.kind END,
    CASE WHEN h.id IS NULL THEN u.block ELSE h.block END
  FROM unit AS u
  LEFT JOIN unit_history AS h ON h.unit_id = u.id AND h.valid_to >= :on
    AND (h.valid_from IS NULL OR h.valid_from <= :on)
  WHERE (u.founded_on IS NULL OR u.founded_on <= :on)
    AND (u.dissolved_on IS NULL OR u.dissolved_on >= :on)
)"""

ALIVE = (
    "({u}.founded_on IS NULL OR {u}.founded_on <= :on)"
    " AND ({u}.dissolved_on IS NULL OR {u}.dissolved_on >= :on)"
)

# moved(unit_id, holder_id): only the units dissolved before :on whose successor chain ends
# at a unit alive that day. Small (the merged units), so reports join it cheaply.
MOVED = f"""gone(unit_id, at_id) AS (
  SELECT id, merged_into_id FROM unit WHERE dissolved_on < :on AND merged_into_id IS NOT NULL
  UNION ALL
  SELECT g.unit_id, u.merged_into_id FROM gone AS g JOIN unit AS u ON u.id = g.at_id
  WHERE u.dissolved_on < :on AND u.merged_into_id IS NOT NULL
), moved(unit_id, holder_id) AS (
  SELECT g.unit_id, g.at_id FROM gone AS g JOIN unit AS u ON u.id = g.at_id
  WHERE {ALIVE.format(u="u")}
)"""

HELD = (
    MOVED
    + """, held(unit_id, holder_id) AS (
  SELECT id, id FROM tree UNION ALL SELECT unit_id, holder_id FROM moved
)"""
)

ROSTER = """roster(member_id, unit_id, official, key_position) AS (
  SELECT m.id, CASE WHEN h.id IS NULL THEN m.unit_id ELSE h.unit_id END,
    CASE WHEN m.official_on IS NOT NULL THEN m.official_on <= :on
         ELSE m.status = 'official' END,
    m.key_position
  FROM member AS m
  LEFT JOIN member_history AS h ON h.member_id = m.id AND h.temporary = FALSE
    AND h.valid_to >= :on AND (h.valid_from IS NULL OR h.valid_from <= :on)
  WHERE (m.admitted_on IS NULL OR m.admitted_on <= :on)
    AND (m.left_on IS NULL OR m.left_on > :on)
)"""


_COVERS = "{h}.valid_to >= :on AND ({h}.valid_from IS NULL OR {h}.valid_from <= :on)"


def children(parent: str, alias: str) -> str:
    """``JOIN … WHERE …`` text for a recursive step going down the tree of :on: the units
    ``alias`` whose parent that day is ``parent`` (a column of the recursive CTE).

    The step reaches ``unit`` through its indexes (parent_id, or the history rows naming the
    parent), where a join on the ``tree`` CTE would scan all of it for every unit reached."""
    h, cur = f"{alias}_was", f"{alias}_then"
    return (
        f"JOIN unit AS {alias} ON ({alias}.parent_id = {parent} OR {alias}.id IN ("
        f"SELECT {h}.unit_id FROM unit_history AS {h} WHERE {h}.parent_id = {parent} AND "
        + _COVERS.format(h=h)
        + f")) LEFT JOIN unit_history AS {cur} ON {cur}.unit_id = {alias}.id AND "
        + _COVERS.format(h=cur)
        + f" WHERE {ALIVE.format(u=alias)}"
        f" AND CASE WHEN {cur}.id IS NULL THEN {alias}.parent_id ELSE {cur}.parent_id END"
        f" = {parent}"
    )


def with_recursive(*parts: str) -> str:
    """``WITH RECURSIVE a, b, …`` (both engines want RECURSIVE once, before the first CTE)."""
    return "WITH RECURSIVE " + ", ".join(parts) + " "


def subtree_held(root_param: str = ":root") -> str:
    """CTEs ``sub(id)`` (the unit ``root_param`` and every unit below it in the tree of the
    day) and ``sub_held(unit_id)`` (every unit whose facts count there: ``held`` by one of
    them). Needs TREE and HELD before it."""
    return (
        f"sub(id) AS (SELECT id FROM tree WHERE id = CAST({root_param} AS INTEGER) "
        f"UNION ALL SELECT t.id FROM sub {children('sub.id', 't')}), "
        "sub_held(unit_id) AS (SELECT hd.unit_id FROM held AS hd JOIN sub ON sub.id = hd.holder_id)"
    )
