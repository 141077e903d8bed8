"""Closed periods: once a period's figures are reported (``period close``), no write may
change them unless it says why (``--reopen "reason"``), and the reason goes to the audit trail.

One mechanism for every path. Writes reach these tables through the ORM (a step, a quota),
through Core statements and the driver's executemany (the imports), and through whatever a
later command adds; checking each path would be a rule sprinkled over many modules that the
next path forgets. So the database notes what each write transaction touches instead: while
some period is closed, every write connection carries TEMP triggers (private to the
connection, never stored in the file) that add a row to ``temp.dv_touched`` whenever
- an admission row whose decision, ceremony, official or struck-off date falls in a closed
  period is added, removed, re-dated or moved to another unit;
- a quota of a closed period is added, removed or changed;
- a unit is moved under another parent in place (its subtree may hold a closed period's
  figures; a dated move keeps the old tree in unit_history and is not noted);
- a closed period's dates are changed.
Just before commit, ``db.session_scope`` calls ``check``: one query turns the notes into
the periods concerned, and the transaction is refused (rolled back, nothing written) or, with
a reason, written and recorded. While no period is closed no trigger exists, so the imports
pay nothing. The pipeline events themselves need no trigger: every decision, ceremony,
official or striking-off event reaches the admission row through the projection.

On PostgreSQL, which has no TEMP triggers, the same notes are taken by stored triggers
(migration 0003) that act only in a transaction dialect.watch_postgresql switched on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import DangvienError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

ADMISSION_DATES = ("decision_date", "ceremony_date", "official_date", "struck_off_date")
_INSTALLED = "dangvien_period_guard"
# Where each engine keeps the connection's notes (PostgreSQL: migration 0003's triggers).
_ENGINES = {"sqlite": "temp", "postgresql": "pg_temp"}


class PeriodClosed(DangvienError):
    """A write would change the figures of a closed period."""


def _in_period(value: str) -> str:
    return f"{value} BETWEEN p.start_on AND p.end_on"


def _admission_condition(event: str) -> str:
    if event == "INSERT":
        return " OR ".join(_in_period(f"NEW.{c}") for c in ADMISSION_DATES)
    if event == "DELETE":
        return " OR ".join(_in_period(f"OLD.{c}") for c in ADMISSION_DATES)
    changed_date = [
        f"(OLD.{c} IS NOT NEW.{c} AND ({_in_period(f'OLD.{c}')} OR {_in_period(f'NEW.{c}')}))"
        for c in ADMISSION_DATES
    ]
    moved = " OR ".join(_in_period(f"OLD.{c}") for c in ADMISSION_DATES)
    return " OR ".join([*changed_date, f"(OLD.unit_id IS NOT NEW.unit_id AND ({moved}))"])


def _trigger_sql() -> list[str]:
    out = []
    for event in ("INSERT", "UPDATE", "DELETE"):
        row = "OLD" if event == "DELETE" else "NEW"
        out.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS dv_guard_admission_{event.lower()} "
            f"AFTER {event} ON main.admission BEGIN "
            f"INSERT INTO dv_touched (period_id, what, ref) SELECT p.id, 'admission', "
            f"{row}.person_id FROM period p WHERE p.closed_at IS NOT NULL AND "
            f"({_admission_condition(event)}); END"
        )
    quota_where = {
        "INSERT": "p.id = NEW.period_id",
        "DELETE": "p.id = OLD.period_id",
        "UPDATE": "p.id IN (OLD.period_id, NEW.period_id) AND (OLD.target IS NOT NEW.target "
        "OR OLD.period_id IS NOT NEW.period_id OR OLD.unit_id IS NOT NEW.unit_id "
        "OR OLD.source IS NOT NEW.source)",
    }
    for event, where in quota_where.items():
        row = "OLD" if event == "DELETE" else "NEW"
        out.append(
            f"CREATE TEMP TRIGGER IF NOT EXISTS dv_guard_quota_{event.lower()} "
            f"AFTER {event} ON main.quota BEGIN "
            f"INSERT INTO dv_touched (period_id, what, ref) SELECT p.id, 'quota', {row}.unit_id "
            f"FROM period p WHERE p.closed_at IS NOT NULL AND {where}; END"
        )
    out.append(
        "CREATE TEMP TRIGGER IF NOT EXISTS dv_guard_unit_parent AFTER UPDATE OF parent_id "
        "ON main.unit WHEN OLD.parent_id IS NOT NEW.parent_id "
        # A dated move (unit move/merge, migration 0007) keeps the old tree in unit_history.
        "AND OLD.state_since IS NEW.state_since BEGIN "
        "INSERT INTO dv_touched (period_id, what, ref) VALUES (NULL, 'unit', NEW.id); END"
    )
    out.append(
        "CREATE TEMP TRIGGER IF NOT EXISTS dv_guard_period AFTER UPDATE OF start_on, end_on "
        "ON main.period WHEN OLD.closed_at IS NOT NULL AND (OLD.start_on IS NOT NEW.start_on "
        "OR OLD.end_on IS NOT NEW.end_on) BEGIN "
        "INSERT INTO dv_touched (period_id, what, ref) VALUES (OLD.id, 'period', OLD.id); END"
    )
    return out


TRIGGER_NAMES = [
    *(f"dv_guard_admission_{e}" for e in ("insert", "update", "delete")),
    *(f"dv_guard_quota_{e}" for e in ("insert", "update", "delete")),
    "dv_guard_unit_parent",
    "dv_guard_period",
]


def watch(session: Session) -> None:
    """At the start of a write transaction: note touches only while some period is closed.

    An ORM change is judged at each flush too, so that a refused command fails before it
    prints that it succeeded; Core writes (the imports) are judged at commit.
    """
    from sqlalchemy import event

    conn = session.connection()
    if conn.dialect.name == "postgresql":
        from dangvien_cli.dialect import watch_postgresql

        conn.info[_INSTALLED] = watch_postgresql(conn)
        if conn.info[_INSTALLED]:
            event.listen(session, "after_flush", _on_flush)
        return
    if conn.dialect.name != "sqlite":
        return
    closed = conn.exec_driver_sql(
        "SELECT 1 FROM period WHERE closed_at IS NOT NULL LIMIT 1"
    ).first()
    installed = conn.info.get(_INSTALLED, False)
    if closed and not installed:
        conn.exec_driver_sql(
            "CREATE TEMP TABLE IF NOT EXISTS dv_touched (period_id INTEGER, what TEXT, ref TEXT)"
        )
        for sql in _trigger_sql():
            conn.exec_driver_sql(sql)
    elif installed and not closed:
        for name in TRIGGER_NAMES:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS temp.{name}")
    if closed:
        conn.exec_driver_sql("DELETE FROM temp.dv_touched")
        event.listen(session, "after_flush", _on_flush)
    conn.info[_INSTALLED] = bool(closed)


_TOUCHED = """
WITH RECURSIVE moved(id) AS (
    SELECT CAST(ref AS INTEGER) FROM {temp}.dv_touched WHERE what = 'unit'
    UNION SELECT u.id FROM unit u JOIN moved ON u.parent_id = moved.id
)
SELECT t.period_id, t.what FROM {temp}.dv_touched t WHERE t.period_id IS NOT NULL
UNION
SELECT p.id, 'unit' FROM moved JOIN admission a ON a.unit_id = moved.id
JOIN period p ON p.closed_at IS NOT NULL AND ({admission_in_period})
UNION
SELECT p.id, 'unit' FROM moved JOIN quota q ON q.unit_id = moved.id
JOIN period p ON p.id = q.period_id AND p.closed_at IS NOT NULL
"""


def touched(conn: Connection) -> dict[int, list[str]]:
    """The closed periods this transaction touched, with what touched each."""
    if conn.dialect.name not in _ENGINES or not conn.info.get(_INSTALLED, False):
        return {}
    sql = _TOUCHED.format(
        admission_in_period=" OR ".join(_in_period(f"a.{c}") for c in ADMISSION_DATES),
        temp=_ENGINES[conn.dialect.name],
    )
    found: dict[int, list[str]] = {}
    for period_id, what in conn.exec_driver_sql(sql).all():
        found.setdefault(period_id, []).append(what)
    return {pid: sorted(set(whats)) for pid, whats in found.items()}


def check(session: Session) -> None:
    """Before commit: refuse a write into a closed period, or record the reason given."""
    from dangvien_cli.services import audit

    conn = session.connection()
    if conn.dialect.name not in _ENGINES or not conn.info.get(_INSTALLED, False):
        return
    session.flush()
    found = touched(conn)
    if not found:
        return
    reason = session.info.get("reopen_reason")
    if not reason:
        _refuse(session, found)
    for period in _periods(session, found):
        audit.record(
            session,
            "period",
            period.code,
            "override",
            after={"reason": reason, "touched": found[period.id]},
        )
    session.flush()


def _on_flush(session: Session, _context: Any) -> None:
    if not session.info.get("reopen_reason"):
        _refuse(session, touched(session.connection()))


def _periods(session: Session, found: dict[int, list[str]]) -> list[Any]:
    from dangvien_cli.models import Period

    return sorted((session.get(Period, pid) for pid in found), key=lambda p: p.start_on)


def _refuse(session: Session, found: dict[int, list[str]]) -> None:
    if not found:
        return
    from dangvien_cli.i18n import t

    first = _periods(session, found)[0]
    raise PeriodClosed(
        "period.closed_refused",
        code=first.code,
        by=first.closed_by or "?",
        what=", ".join(t(f"period.touch.{w}") for w in found[first.id]),
    )
