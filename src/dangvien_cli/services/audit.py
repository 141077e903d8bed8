"""The audit trail: who changed what, when, with which command, before and after.

Services call ``record`` for each change; the CLI binds the actor and the command to the
session once, so the services need not know who is at the keyboard.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli.models import AuditEntry


def bind(session: Session, *, actor: str, command: str) -> None:
    session.info["audit_actor"] = actor
    session.info["audit_command"] = command


def _dump(value: Any) -> str | None:
    if value is None:
        return None

    def default(v: Any) -> Any:
        if isinstance(v, (date, datetime)):
            return v.isoformat()
        return str(v)

    return json.dumps(value, ensure_ascii=False, default=default, sort_keys=True)


def record(
    session: Session,
    *,
    entity: str,
    entity_id: object,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
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
