"""``db check``: is the file sound, and do the records obey the Party's rules?

Three layers, each a handful of set-based queries (no query per record):
- the file: SQLite's ``integrity_check`` and ``foreign_key_check``;
- impossible records: steps dated out of order, a decision without a cell vote, a person
  born after their own admission, rows pointing at no person or at no unit, an admission
  decided in a unit already dissolved, an admission row with no decision event behind it;
- deadlines passed: ceremonies missing after R18's 30 working days, official reviews
  missing after R20 (12 months of probation + 30 working days).
Findings name records by id and date only: never a name or an ID number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.services import rules
from dangvien_cli.services.workdays import add_working_days
from dangvien_cli.vocab import Step

ERROR, OVERDUE = "error", "overdue"
# Pipeline steps in the order their dates must follow (rules.PIPELINE_STEPS).
ORDER = (
    Step.sourced,
    Step.class_passed,
    Step.application,
    Step.cell_vote,
    Step.committee_resolution,
    Step.decision,
    Step.ceremony,
    Step.official,
)
EFFECTIVE = "id NOT IN (SELECT supersedes_id FROM pipeline_event WHERE supersedes_id IS NOT NULL)"


def finding(check: str, severity: str, table: str, ref: object, on: date | None, **params: Any):  # type: ignore[no-untyped-def]
    return {
        "check": check,
        "severity": severity,
        "table": table,
        "ref": None if ref is None else str(ref),
        "date": on,
        "detail": t(f"check.{check}", ref=ref, date=fmt_date(on), **params),
    }


def run_checks(session: Session, *, as_of: date) -> list[dict[str, Any]]:
    """Every finding, file problems first."""
    out: list[dict[str, Any]] = []
    for check in (file_checks, record_checks):
        out += list(check(session))
    out += list(deadline_checks(session, as_of))
    return out


def file_checks(session: Session) -> Iterator[dict[str, Any]]:
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL checks its pages and enforces foreign keys itself
    for (line,) in conn.exec_driver_sql("PRAGMA integrity_check(100)").all():
        if line != "ok":
            yield finding("integrity", ERROR, "", None, None, problem=line)
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        yield finding("foreign_key", ERROR, table, rowid, None, parent=parent)


_RANK = "CASE step " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(ORDER)) + " END"
_STEPS = ", ".join(f"'{s.value}'" for s in ORDER)


RECORD_QUERIES: dict[str, str] = {
    # A later step dated before an earlier one (effective events only).
    "step_order": f"""
        WITH eff AS (
            SELECT person_id, step, occurred_on, {_RANK} AS rank
            FROM pipeline_event WHERE {EFFECTIVE} AND step IN ({_STEPS})
        ), w AS (
            SELECT person_id, step, occurred_on, max(occurred_on) OVER (
                PARTITION BY person_id ORDER BY rank
                RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_max
            FROM eff
        )
        SELECT person_id, occurred_on, step FROM w WHERE occurred_on < before_max
        ORDER BY person_id""",
    "decision_without_vote": f"""
        SELECT a.person_id, a.decision_date, NULL FROM admission a
        WHERE NOT EXISTS (SELECT 1 FROM pipeline_event e WHERE e.person_id = a.person_id
                          AND e.step = '{Step.cell_vote.value}' AND e.{EFFECTIVE})
        ORDER BY a.person_id""",
    "admission_without_decision": f"""
        SELECT a.person_id, a.decision_date, NULL FROM admission a
        WHERE NOT EXISTS (SELECT 1 FROM pipeline_event e WHERE e.person_id = a.person_id
                          AND e.step = '{Step.decision.value}' AND e.{EFFECTIVE})
        ORDER BY a.person_id""",
    "admission_dates": """
        SELECT person_id, decision_date, NULL FROM admission
        WHERE ceremony_date < decision_date OR official_date < ceremony_date
           OR (official_date IS NOT NULL AND ceremony_date IS NULL)
           OR struck_off_date < ceremony_date
        ORDER BY person_id""",
    "born_after_admission": """
        SELECT a.person_id, a.decision_date, NULL FROM admission a
        JOIN person p ON p.id = a.person_id WHERE p.birth_date >= a.decision_date
        ORDER BY a.person_id""",
    "member_without_person": """
        SELECT m.person_id, m.admitted_on, NULL FROM member m
        LEFT JOIN person p ON p.id = m.person_id WHERE p.id IS NULL ORDER BY m.person_id""",
    "admission_without_person": """
        SELECT a.person_id, a.decision_date, NULL FROM admission a
        LEFT JOIN person p ON p.id = a.person_id WHERE p.id IS NULL ORDER BY a.person_id""",
    "admission_unit_missing": """
        SELECT a.person_id, a.decision_date, NULL FROM admission a
        LEFT JOIN unit u ON u.id = a.unit_id WHERE u.id IS NULL ORDER BY a.person_id""",
    "admission_unit_dissolved": """
        SELECT a.person_id, a.decision_date, u.code FROM admission a
        JOIN unit u ON u.id = a.unit_id WHERE u.dissolved_on < a.decision_date
        ORDER BY a.person_id""",
}
TABLE_OF = {"member_without_person": "member", "step_order": "pipeline_event"}


def record_checks(session: Session) -> Iterator[dict[str, Any]]:
    for check, sql in RECORD_QUERIES.items():
        for ref, on, extra in session.execute(text(sql)).all():
            yield finding(
                check, ERROR, TABLE_OF.get(check, "admission"), ref, _day(on), extra=extra or ""
            )


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@cache
def ceremony_deadline(decision: date) -> date | None:
    """R18: the last day for the ceremony (None where no rule was in force)."""
    rule = rules.rules_in_force(decision).get("ceremony_deadline_wd")
    return None if rule is None else add_working_days(decision, int(rule.value))  # type: ignore[arg-type]


@cache
def official_deadline(ceremony: date) -> date | None:
    """R20: the last day for the cell to consider official membership."""
    try:
        return rules.official_review_deadline(ceremony)
    except LookupError:
        return None


def _overdue(
    session: Session, sql: str, deadline: Callable[[date], date | None], as_of: date
) -> Iterator[tuple[int, date]]:
    # Deadlines are computed once per distinct date, then every row is judged in memory.
    for ref, start in session.execute(text(sql)).all():
        due = deadline(_day(start))  # type: ignore[arg-type]
        if due is not None and due < as_of:
            yield ref, due


def deadline_checks(session: Session, as_of: date) -> Iterator[dict[str, Any]]:
    missing_ceremony = """
        SELECT person_id, decision_date FROM admission
        WHERE ceremony_date IS NULL AND struck_off_date IS NULL ORDER BY person_id"""
    for ref, due in _overdue(session, missing_ceremony, ceremony_deadline, as_of):
        yield finding("ceremony_overdue", OVERDUE, "admission", ref, due)
    missing_official = """
        SELECT person_id, ceremony_date FROM admission WHERE ceremony_date IS NOT NULL
        AND official_date IS NULL AND struck_off_date IS NULL ORDER BY person_id"""
    for ref, due in _overdue(session, missing_official, official_deadline, as_of):
        yield finding("official_overdue", OVERDUE, "admission", ref, due)
    # Roster lines with no admission row behind them: probation counted from the admission
    # date plus the longest wait for the ceremony, so that nobody is flagged too early.
    # The reference is the person id, the member's "Mã số" everywhere (member show takes it).
    roster = """
        SELECT m.person_id, m.admitted_on FROM member m
        WHERE m.status = 'probationary' AND m.official_on IS NULL AND m.left_on IS NULL
        AND m.admitted_on IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM admission a WHERE a.person_id = m.person_id)
        ORDER BY m.person_id"""
    for ref, due in _overdue(session, roster, _roster_deadline, as_of):
        yield finding("probation_overdue", OVERDUE, "member", ref, due)


@cache
def _roster_deadline(admitted: date) -> date | None:
    latest_ceremony = ceremony_deadline(admitted)
    return official_deadline(latest_ceremony) if latest_ceremony else None
