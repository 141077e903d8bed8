"""The audit trail: who changed what, when, with which command, before and after.

Services call ``record`` for each change; the CLI binds the actor and the command to the
session once, so the services need not know who is at the keyboard. The table is
append-only in the database itself (migration 0002: triggers refuse UPDATE and DELETE).

What is recorded: one entry per record a command adds or changes, with the values before
and after. An import records one summary entry (file, SHA-256 of its bytes, encoding,
counts): the rows it adds are the file's rows, and the digest ties them to the exact file,
whereas an entry per row would double the size and the time of a million-row import. The
candidate import also records each existing person it updates.

Every entry is sealed into the hash chain (dangvien_cli.auditchain) when it is flushed:
``record`` is the one way entries are made, and the flush hook below the one place their
hash is computed, in the order they were added, after the last entry already in the
database (writers are serialised: SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli import auditchain
from dangvien_cli.errors import redact
from dangvien_cli.models import AuditEntry
from dangvien_cli.vntext import nfc


def bind(session: Session, *, actor: str, command: str, reopen: str | None = None) -> None:
    session.info["audit_actor"] = actor
    session.info["audit_command"] = command
    if reopen:
        session.info["reopen_reason"] = nfc(reopen)


def _dump(value: Any) -> str | None:
    if value is None:
        return None

    def default(v: Any) -> Any:
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        return str(v)

    return json.dumps(value, ensure_ascii=False, default=default, sort_keys=True)


def file_digest(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def record(
    session: Session,
    entity: str,
    entity_id: object,
    action: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    if entity == "import" and after is not None and entity_id is not None:
        after = {**after, "sha256": file_digest(Path(str(entity_id)))}
    session.add(
        AuditEntry(
            actor=session.info.get("audit_actor", "?"),
            command=session.info.get("audit_command", ""),
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            action=action,
            before=_dump(before),
            after=_dump(after),
        )
    )


@event.listens_for(Session, "before_flush")
def _seal(session: Session, _context: Any, _instances: Any) -> None:
    """Chain the entries about to be inserted, in the order ``record`` added them (the order
    the flush inserts them in). The last hash is read from the database at each flush, so
    a savepoint rolled back leaves no stale head behind."""
    pending = [o for o in session.new if isinstance(o, AuditEntry) and o.entry_hash is None]
    if not pending:
        return
    pending.sort(key=lambda entry: inspect(entry).insert_order)
    last = session.connection().execute(text(LAST_HASH)).scalar()
    prev = last or auditchain.GENESIS
    for entry in pending:
        entry.prev_hash = prev
        entry.entry_hash = prev = auditchain.entry_hash(prev, entry.model_dump())


LAST_HASH = "SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1"


def mask_numbers(text: str | None) -> str | None:
    """Hide all but the last 3 digits of every ID-like or phone-like number in a text."""
    return redact(text) if text else text


def list_entries(
    session: Session,
    *,
    entity: str | None = None,
    since: date | None = None,
    actor: str | None = None,
    limit: int | None = None,
    show_private: bool = False,
) -> list[dict[str, Any]]:
    """The trail, oldest first (the last ``limit`` entries when a limit is given)."""
    query = select(AuditEntry)
    if entity:
        query = query.where(col(AuditEntry.entity) == entity)
    if since:
        # The day as the clerk's clock sees it; entries are stamped in UTC.
        start = datetime.combine(since, time()).astimezone().astimezone(UTC)
        query = query.where(col(AuditEntry.at) >= start)
    if actor:
        query = query.where(col(AuditEntry.actor) == actor)
    if limit:
        query = query.order_by(col(AuditEntry.id).desc()).limit(limit)
    entries = sorted(session.execute(query).scalars(), key=lambda e: e.id or 0)
    keep = (lambda s: s) if show_private else mask_numbers
    return [
        {
            "id": e.id,
            "at": e.at,
            "actor": e.actor,
            "command": keep(e.command),
            "entity": e.entity,
            "entity_id": keep(e.entity_id),
            "action": e.action,
            "before": _load(keep(e.before)),
            "after": _load(keep(e.after)),
        }
        for e in entries
    ]


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text
