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

HELD = """held(unit_id, holder_id) AS (
  SELECT id, id FROM tree
  UNION ALL
  SELECT u.id, hd.holder_id FROM held AS hd JOIN unit AS u ON u.merged_into_id = hd.unit_id
  WHERE u.dissolved_on < :on
)"""

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

# The roots of the tree of the day: no parent, or a parent not alive that day.
TREE_ROOTS = "SELECT id FROM tree WHERE parent_id IS NULL OR parent_id NOT IN (SELECT id FROM tree)"


def with_recursive(*parts: str) -> str:
    """``WITH RECURSIVE a, b, …`` (both engines want RECURSIVE once, before the first CTE)."""
    return "WITH RECURSIVE " + ", ".join(parts) + " "


def subtree_held(root_param: str = ":root") -> str:
    """CTEs ``sub(id)`` (the unit ``root_param`` and every unit below it in the tree of the
    day) and ``sub_held(unit_id)`` (every unit whose facts count there: ``held`` by one of
    them). Needs TREE and HELD before it."""
    return (
        f"sub(id) AS (SELECT id FROM tree WHERE id = CAST({root_param} AS INTEGER) "
        "UNION ALL SELECT t.id FROM sub JOIN tree AS t ON t.parent_id = sub.id), "
        "sub_held(unit_id) AS (SELECT hd.unit_id FROM held AS hd JOIN sub ON sub.id = hd.holder_id)"
    )
