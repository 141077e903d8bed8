"""The audit trail as a hash chain, and the append-only guards as they must stand.

Triggers refuse an UPDATE or DELETE of ``audit_log`` and ``pipeline_event``, but whoever
owns the file (or the PostgreSQL tables) can drop a trigger, edit a row and create the
trigger again. So each audit entry also carries ``prev_hash`` (the previous entry's hash)
and ``entry_hash`` (SHA-256 of its own values and ``prev_hash``): an edited entry no longer
matches its hash, a removed one leaves the next entry pointing at a hash that is not there.
``db check`` walks the chain and compares the guards with the definitions below.

This module is the one definition of the hash: ``services.audit`` seals every new entry
with it, migration 0005 chains the entries written before it, ``db check`` verifies with
it. Changing it would break every chain already written, so it never changes. It imports
neither SQLAlchemy nor the models, so any connection (sqlite3, SQLAlchemy) can use it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
# The entry's columns that the hash covers, in this order (the id is not: the chain's order
# is the id order, and an entry moved or removed breaks the link to its neighbour).
SEALED = ("at", "actor", "command", "entity", "entity_id", "action", "before", "after")
TRIGGERED = ("audit_log", "pipeline_event")
# PostgreSQL's other triggers, each on its table (migrations 0003 and 0007): checks a CHECK
# constraint cannot make there. Any trigger not named here or among the guards is foreign:
# on any table, it may rewrite what dangvien writes (a file handed over as a backup).
POSTGRESQL_CHECK_TRIGGERS = {
    "dv_guard_admission": "admission",
    "dv_guard_quota": "quota",
    "dv_guard_unit_parent": "unit",
    "dv_guard_period": "period",
}


def canonical_time(value: datetime | str) -> str:
    """A timestamp as SQLite stores it (UTC, microseconds): the same text whether it comes
    from Python, from SQLite's text or from PostgreSQL's timestamptz."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " ":
            return value  # already SQLite's own text (most of a long trail: no parsing)
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def entry_hash(prev_hash: str, values: Mapping[str, Any]) -> str:
    """The hash of one entry: its sealed values and the previous entry's hash."""
    sealed = [prev_hash] + [
        canonical_time(values["at"]) if key == "at" else values[key] for key in SEALED
    ]
    text = json.dumps(sealed, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# (id, problem) where problem is "edited" (the entry does not match its hash) or "gap"
# (its prev_hash is not the hash of the entry before it: an entry removed, inserted or
# moved), or "unsealed" (no hash at all: written around dangvien).
def verify(rows: Iterable[Mapping[Any, Any]]) -> Iterator[tuple[int, str]]:
    """Walk the entries in id order (rows keyed by column name, as SQLAlchemy's RowMapping
    is); yields each broken link once, not the whole tail."""
    expected_prev = GENESIS
    for row in rows:
        if not row["entry_hash"] or not row["prev_hash"]:
            yield row["id"], "unsealed"
        else:
            if row["prev_hash"] != expected_prev:
                yield row["id"], "gap"
            if entry_hash(row["prev_hash"], row) != row["entry_hash"]:
                yield row["id"], "edited"
        expected_prev = row["entry_hash"] or expected_prev


# --- the append-only guards (migration 0002), as db check expects to find them ---------


def sqlite_guards() -> dict[str, tuple[str, str]]:
    """Trigger name -> (table, CREATE statement), exactly as migration 0002 wrote them."""
    return {
        f"{table}_no_{event.lower()}": (
            table,
            f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'dangvien: {table} is append-only'); END",
        )
        for table in TRIGGERED
        for event in ("UPDATE", "DELETE")
    }


def postgresql_guards() -> dict[str, tuple[str, str, str]]:
    """Trigger name -> (table, how pg_get_triggerdef starts and ends: the table's name between
    them is schema-qualified or not, depending on the search path)."""
    out = {}
    for table in TRIGGERED:
        out[f"{table}_append_only"] = (
            table,
            f"CREATE TRIGGER {table}_append_only BEFORE DELETE OR UPDATE ON ",
            "FOR EACH ROW EXECUTE FUNCTION dangvien_append_only()",
        )
        out[f"{table}_no_truncate"] = (
            table,
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON ",
            "FOR EACH STATEMENT EXECUTE FUNCTION dangvien_append_only()",
        )
    return out


POSTGRESQL_GUARD_BODY = " BEGIN RAISE EXCEPTION 'dangvien: % is append-only', TG_TABLE_NAME; END "


def same_sql(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())
