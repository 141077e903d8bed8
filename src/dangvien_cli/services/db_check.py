"""``db check``: is the file sound, is the record untouched, and do the records obey the
Party's rules? The one command a clerk runs to know the record is intact.

Layers, each a handful of set-based queries (no query per record):
- the file: SQLite's ``integrity_check`` and ``foreign_key_check``;
- tampering: the schema is the one dangvien made (db_schema: the append-only guards, no
  foreign trigger or rule, every table, column, index and key); the audit trail's hash
  chain has no edited entry and no gap (auditchain.verify, one pass in id order); the
  figures kept from the pipeline events (admission rows and dates, roster lines, each
  person's stage) are what the effective events make them, so rows deleted or edited
  outside the tool show up;
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
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from dangvien_cli import auditchain
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.services import rules
from dangvien_cli.services.projection import ROAD, STAGE_AFTER
from dangvien_cli.services.workdays import add_working_days
from dangvien_cli.vocab import NOT_ADMITTED, Step

ERROR, OVERDUE = "error", "overdue"
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
    out = proof_checks(session)
    if any(f["check"] == "integrity" for f in out):
        return out  # a damaged file: what it holds cannot be judged
    out += list(figure_checks(session))
    out += list(record_checks(session))
    out += list(hidden_character_checks(session))
    out += list(deadline_checks(session, as_of))
    return out


def proof_checks(session: Session) -> list[dict[str, Any]]:
    """What says the file and its history are untouched: the file, the schema and its
    append-only guards, the audit trail's hash chain. What a backup must pass to be
    restored (the figures and rules are db check's to report: a live database may hold the
    same findings)."""
    out = list(file_checks(session))
    if any(f["check"] == "integrity" for f in out):
        return out
    for check in (schema_checks, chain_checks):
        out += list(check(session))
    return out


def check_backup(path: Path) -> list[dict[str, Any]]:
    """proof_checks on a SQLite file at the head schema, opened read-only."""
    from dangvien_cli.db import make_engine

    engine = make_engine("sqlite:///" + str(path.resolve()), read_only=True)
    try:
        with Session(engine) as session:
            return proof_checks(session)
    finally:
        engine.dispose()


def chain_summary(session: Session) -> tuple[int, str | None]:
    """How many audit entries there are and the last one's hash: a clerk who notes it can
    tell later that no entry was removed from the end (which no chain can show by itself)."""
    (count,) = session.execute(text("SELECT count(*) FROM audit_log")).one()
    head = session.execute(text("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1"))
    return int(count), head.scalar()


def file_checks(session: Session) -> Iterator[dict[str, Any]]:
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL checks its pages and enforces foreign keys itself
    for (line,) in conn.exec_driver_sql("PRAGMA integrity_check(100)").all():
        if line != "ok":
            yield finding("integrity", ERROR, "", None, None, problem=line)
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        yield finding("foreign_key", ERROR, table, rowid, None, parent=parent)


def schema_checks(session: Session) -> Iterator[dict[str, Any]]:
    """The schema is the one dangvien made: its guards, no foreign trigger, every table,
    column, index and key (db_schema)."""
    from dangvien_cli.services.db_schema import schema_problems

    for check, table, ref, params in schema_problems(session):
        yield finding(check, ERROR, table, ref, None, **params)


def chain_checks(session: Session) -> Iterator[dict[str, Any]]:
    """The audit trail's hash chain, entry by entry, in one streamed pass."""
    columns = ", ".join(("id", "prev_hash", "entry_hash", *auditchain.SEALED))
    rows = session.connection().execute(text(f"SELECT {columns} FROM audit_log ORDER BY id"))
    for ref, problem in auditchain.verify(rows.mappings()):
        yield finding(f"chain_{problem}", ERROR, "audit_log", ref, None)


def _differs(a: str, b: str) -> str:
    """Null-safe inequality on every engine (IS DISTINCT FROM needs SQLite 3.39)."""
    return f"(NOT ({a} = {b} OR ({a} IS NULL AND {b} IS NULL)))"


# What the effective events make of each admitted person's admission row: the date of the
# latest event of each projected step (services.pipeline.latest picks the last by date,
# then id, so its date is the greatest date). One grouped pass over the events.
_WANT = f"""
    WITH want AS (
        SELECT person_id,
            MAX(CASE WHEN step = '{Step.decision.value}' THEN occurred_on END) AS decision_date,
            MAX(CASE WHEN step = '{Step.ceremony.value}' THEN occurred_on END) AS ceremony_date,
            MAX(CASE WHEN step = '{Step.official.value}' THEN occurred_on END) AS official_date,
            MAX(CASE WHEN step = '{Step.struck_off.value}' THEN occurred_on END)
                AS struck_off_date
        FROM pipeline_event
        WHERE {EFFECTIVE} AND step IN ('{Step.decision.value}', '{Step.ceremony.value}',
                                      '{Step.official.value}', '{Step.struck_off.value}')
        GROUP BY person_id
    )"""
_ADMISSION_DATES = ("decision_date", "ceremony_date", "official_date", "struck_off_date")
_STAGE_OF = (
    "CASE r.step "
    + " ".join(f"WHEN '{step.value}' THEN '{stage.value}'" for step, stage in STAGE_AFTER.items())
    + " END"
)
_STAGED = ", ".join(f"'{step.value}'" for step in STAGE_AFTER)

# Each query gives (check, ref, date, extra).
_NOT_ADMITTED = ", ".join(f"'{s}'" for s in sorted(NOT_ADMITTED))
FIGURE_QUERIES: dict[str, str] = {
    # A decision in the history with no admission row (deleted behind the tool), or a row
    # whose dates are not the history's. One join for both.
    "admission": f"""{_WANT}
        SELECT CASE WHEN a.person_id IS NULL THEN 'admission_missing'
                    ELSE 'admission_differs' END,
               w.person_id, w.decision_date, NULL
        FROM want w LEFT JOIN admission a ON a.person_id = w.person_id
        WHERE w.decision_date IS NOT NULL AND (a.person_id IS NULL
           OR {" OR ".join(_differs(f"a.{c}", f"w.{c}") for c in _ADMISSION_DATES)})
        ORDER BY w.person_id""",
    # Admitted and not struck off: a roster line from the decision on (R24), official or
    # probationary as the history says.
    "member": f"""SELECT 'roster_missing', a.person_id, a.decision_date, NULL FROM admission a
        WHERE a.struck_off_date IS NULL
          AND NOT EXISTS (SELECT 1 FROM member m WHERE m.person_id = a.person_id)
        UNION ALL
        SELECT 'roster_differs', m.id, a.decision_date, NULL FROM member m
        JOIN admission a ON a.person_id = m.person_id
        WHERE (a.struck_off_date IS NULL AND (
                m.status <> CASE WHEN a.official_date IS NULL THEN 'probationary'
                                 ELSE 'official' END
                OR {_differs("m.admitted_on", "a.decision_date")}
                OR {_differs("m.official_on", "a.official_date")}))
           OR (a.struck_off_date IS NOT NULL AND m.left_on IS NULL)
        UNION ALL
        SELECT 'roster_not_admitted', m.person_id, m.admitted_on, p.stage FROM member m
        JOIN person p ON p.id = m.person_id
        WHERE m.left_on IS NULL AND p.stage IN ({_NOT_ADMITTED})
        ORDER BY 1, 2""",
    # The stage a person's last effective step gives (people with no step keep theirs:
    # roster imports bring members with no history).
    "person": f"""WITH ranked AS (
            SELECT person_id, step, occurred_on, ROW_NUMBER() OVER (
                PARTITION BY person_id ORDER BY occurred_on DESC, id DESC) AS n
            FROM pipeline_event WHERE {EFFECTIVE} AND step IN ({_STAGED})
        )
        SELECT 'stage_differs', p.id, r.occurred_on, p.stage FROM person p
        JOIN ranked r ON r.person_id = p.id AND r.n = 1
        WHERE p.stage <> {_STAGE_OF}
        ORDER BY p.id""",
}


def figure_checks(session: Session) -> Iterator[dict[str, Any]]:
    for table, sql in FIGURE_QUERIES.items():
        for check, ref, on, extra in session.execute(text(sql)).all():
            if check == "roster_not_admitted":  # a stage among NOT_ADMITTED: said in words
                extra = t(f"stage.{extra}")
            yield finding(check, ERROR, table, ref, _day(on), extra=extra or "")


_RANK = "CASE step " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(ROAD)) + " END"
_STEPS = ", ".join(f"'{s.value}'" for s in ROAD)


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
    # quota set and unit edit refuse it now; a database written before may hold one
    "quota_outside_unit_life": """
        SELECT q.id, p.start_on, u.code || ' ' || p.code FROM quota q
        JOIN unit u ON u.id = q.unit_id JOIN period p ON p.id = q.period_id
        WHERE u.dissolved_on < p.start_on OR u.founded_on > p.end_on
        ORDER BY q.id""",
}
TABLE_OF = {
    "member_without_person": "member",
    "step_order": "pipeline_event",
    "quota_outside_unit_life": "quota",
}


def record_checks(session: Session) -> Iterator[dict[str, Any]]:
    for check, sql in RECORD_QUERIES.items():
        for ref, on, extra in session.execute(text(sql)).all():
            yield finding(
                check, ERROR, TABLE_OF.get(check, "admission"), ref, _day(on), extra=extra or ""
            )


def hidden_character_checks(session: Session) -> Iterator[dict[str, Any]]:
    """Names that read other than they are stored (a right-to-left override, a zero-width
    space): the commands and imports refuse them now; a database filled before may hold
    them. One streamed pass, the printable names (nearly all) passed over in C."""
    from dangvien_cli.values import invisible_in

    for table, ref, name in (("person", "id", "full_name"), ("unit", "code", "name")):
        rows = session.connection().execute(text(f"SELECT {ref}, {name} FROM {table}"))
        for key, value in rows:
            hidden = invisible_in(value)
            if hidden is not None:
                yield finding("name_hidden", ERROR, table, key, None, char=hidden)


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
    # Deadlines are computed once per distinct date, then every row is judged in memory. A
    # member who left the roster before a deadline (death, a transfer out, …) owes nothing:
    # each query gives the day its person left the roster (NULL: still on it).
    for ref, start, left_on in session.execute(text(sql)).all():
        due = deadline(_day(start))  # type: ignore[arg-type]
        gone = _day(left_on)
        if due is not None and due < as_of and (gone is None or gone > due):
            yield ref, due


def deadline_checks(session: Session, as_of: date) -> Iterator[dict[str, Any]]:
    open_admissions = """SELECT a.person_id, {start}, m.left_on FROM admission a
        LEFT JOIN member m ON m.person_id = a.person_id
        WHERE a.struck_off_date IS NULL AND {missing} ORDER BY a.person_id"""
    no_ceremony = open_admissions.format(start="a.decision_date", missing="a.ceremony_date IS NULL")
    for ref, due in _overdue(session, no_ceremony, ceremony_deadline, as_of):
        yield finding("ceremony_overdue", OVERDUE, "admission", ref, due)
    no_official = open_admissions.format(
        start="a.ceremony_date", missing="a.ceremony_date IS NOT NULL AND a.official_date IS NULL"
    )
    for ref, due in _overdue(session, no_official, official_deadline, as_of):
        yield finding("official_overdue", OVERDUE, "admission", ref, due)
    # Roster lines with no admission row behind them: probation counted from the admission
    # date plus the longest wait for the ceremony, so that nobody is flagged too early.
    # The reference is the person id, the member's "Mã số" everywhere (member show takes it).
    roster = """
        SELECT m.person_id, m.admitted_on, NULL FROM member m
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
