"""Import of candidates with their past steps, checked by the rules in force at each act.

Built for a province's file of a million rows: rows stream in batches, each batch is
checked and then written with one executemany per table, and the person ids are handed
out here so that events, admissions and roster rows need no read-back. A row that
matches a person already stored (explicit id, national ID, or name + birth date + unit)
updates that person through the append-only history instead of adding a second one
(candidate_match).
"""

from __future__ import annotations

import gc
from collections.abc import Generator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.dialect import defer_indexes, rebuild_indexes
from dangvien_cli.i18n import t
from dangvien_cli.models import Person, PipelineEvent, Unit, pk
from dangvien_cli.services import audit
from dangvien_cli.services.imports import ImportFile, ImportResult, raise_if_errors, start_import
from dangvien_cli.services.imports import candidate_checks as checks
from dangvien_cli.services.imports import candidate_load as load
from dangvien_cli.services.imports import candidate_match as match
from dangvien_cli.services.imports import candidate_workers as workers
from dangvien_cli.services.imports.candidate_load import Staged
from dangvien_cli.services.imports.candidate_rows import FIELDS
from dangvien_cli.services.imports.candidate_rules import Checking
from dangvien_cli.services.imports.columns import ColumnMap

BATCH = 5000
BULK_TABLES = ("person", "pipeline_event", "admission", "member")


@dataclass
class _State(Checking):
    next_id: int = 1
    next_event_id: int = 1
    had_people: bool = False
    first_new_id: int = 1  # every id from here on is a person this import adds
    ids_given_below: set[int] = field(default_factory=set)  # ids the file gave, under that
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    absent: tuple[str, ...] = ()  # person fields the file has no column for: left as stored
    touched: dict[int, int] = field(default_factory=dict)  # person id -> line that updated it
    staging: bool = False  # candidate_load's table exists in this transaction
    writer: ThreadPoolExecutor | None = None
    # The batch being written: its rows' (line, national ID, id), for a clash to be named.
    pending: tuple[Future[None], list[tuple[int, str | None, int]]] | None = None

    def added_here(self, pid: int) -> bool:
        """Whether this import added the person (an earlier row of the file): a later row
        with their national ID or id repeats that row, it does not update a stored person."""
        return pid >= self.first_new_id or pid in self.ids_given_below


def import_candidates(session: Session, file: ImportFile) -> ImportResult:
    mapping, result, errors = start_import("candidates", file, FIELDS)
    state = _State(errors=errors)
    state.next_id = (session.execute(select(func.max(Person.id))).scalar() or 0) + 1
    state.next_event_id = (session.execute(select(func.max(PipelineEvent.id))).scalar() or 0) + 1
    state.had_people = state.next_id > 1
    state.first_new_id = state.next_id
    state.absent = tuple(
        k for k in load.PERSON_VALUES if not mapping.has("unit_code" if k == "unit_id" else k)
    )
    state.excepted = checks.waived_rules(session) if state.had_people else {}
    state.rosters = checks.rosters(session) if state.had_people else {}
    units = dict(session.execute(select(col(Unit.code_key), pk(Unit.id))).all())
    ended = select(pk(Unit.id), col(Unit.dissolved_on)).where(col(Unit.dissolved_on).is_not(None))
    state.dissolved = dict(session.execute(ended).all())  # type: ignore[arg-type]
    jobs = workers.jobs_for(file.path, first_load=not state.had_people)
    batch: list[Any] = []  # Candidates to match against stored people, else Staged rows
    deferred = None
    collecting = gc.isenabled()
    # Python's automatic collections would walk every object alive (the unit map, the
    # memos, SQLAlchemy's) again and again, ~10 % of a large import; a row leaves no cycles
    # behind except a refusal's, so the young generations are collected once per batch.
    gc.disable()
    try:
        if jobs > 1:
            checked = workers.checked_in_workers(mapping, units, state, jobs)
        else:
            checked = _checked_here(mapping, units, state)
        with closing(checked):  # a refusal stops the workers at once, not when collected
            for count, rows in checked:
                result.rows += count
                batch += rows
                while len(batch) >= BATCH:
                    if deferred is None and not state.had_people:
                        # a first load of a large file: build the indexes once, at the end
                        deferred = defer_indexes(session, BULK_TABLES)
                    _write(session, batch[:BATCH], state, result)
                    del batch[:BATCH]
                    gc.collect(1)
                    if file.progress is not None:
                        file.progress(result.rows)
        _write(session, batch, state, result)
        _settle(session, state)
    finally:
        _stop_writer(state)
        if collecting:
            gc.enable()
    if file.progress is not None:
        file.progress(result.rows)
    if state.staging:
        load.drop_stage(session.connection())
    if deferred is not None and not state.errors:
        rebuild_indexes(session, deferred)
    raise_if_errors(file.path, state.errors)
    result.warnings += [
        t("import.rule_warnings", rule=rule, count=n) for rule, n in sorted(state.warnings.items())
    ]
    audit.record(session, "import", str(file.path), "candidates", after=result.as_dict())
    return result


def _checked_here(
    mapping: ColumnMap, units: dict[str, int], state: _State
) -> Generator[tuple[int, list[Any]]]:
    """The rows checked in this process, a chunk at a time: as Candidates where they may
    match someone stored, else already staged."""
    judged = workers.checked_rows(
        mapping.sound_rows(state.errors), mapping, units, state, stage=not state.had_people
    )
    for chunk in workers.chunks(judged):
        yield len(chunk), [c for c in chunk if c is not None]


def _write(session: Session, batch: list[Any], state: _State, result: ImportResult) -> None:
    _settle(session, state)
    if not batch:
        return
    if not state.had_people:
        result.new += len(batch)
        _insert(session, batch, state)
        return
    matches = match.existing(session, batch, state.touched, state.added_here)
    fresh = [load.staged(c) for i, c in enumerate(batch) if i not in matches]
    for i, pid in matches.items():
        if pid in state.touched:  # two rows of the file are one person
            reason = t("import.duplicate_person", id=pid, first=state.touched[pid])
            state.errors.add(batch[i].line, "id", pid, reason)
            continue
        state.touched[pid] = batch[i].line
        outcome = match.update(session, pid, batch[i], state.errors, state.absent, state.added_here)
        setattr(result, outcome, getattr(result, outcome) + 1)
    if result.updated:  # corrections may have taken ids: hand out the next ones
        last = session.execute(select(func.max(PipelineEvent.id))).scalar() or 0
        state.next_event_id = max(state.next_event_id, last + 1)
    result.new += len(fresh)
    _insert(session, fresh, state)


def _insert(session: Session, fresh: list[Staged], state: _State) -> None:
    """Write the batch's new people with their history, set-based (candidate_load)."""
    if not fresh:
        return
    rows, written, events = [], [], 0
    for line, explicit_id, national_id, fans_out, row in fresh:
        pid = explicit_id or state.next_id
        state.next_id = max(state.next_id, pid) + 1
        if pid < state.first_new_id:
            state.ids_given_below.add(pid)
        rows.append((pid, *row))
        written.append((line, national_id, pid))
        events += fans_out
    conn = session.connection()
    if not state.staging:
        load.create_stage(conn)
        state.staging = True
    load.stage(conn, rows)
    first_event = state.next_event_id
    state.next_event_id += events
    if state.writer is None:
        state.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dangvien-writer")
    job = state.writer.submit(_fan_out, conn, state.now, first_event, state.next_event_id)
    # Only what naming a clash needs is kept: the rows can go while the batch is written.
    state.pending = (job, written)


# The engine writes a batch's people and history (candidate_load) in a thread while this one
# checks the next batch: SQLite and psycopg release the GIL while they work, so on two cores
# the writing mostly hides behind the checking. Staging stays here: binding is Python work
# under the GIL, and in the thread it only made the two threads take turns (4 % more CPU).
# The connection is only ever used by one thread at a time: every other use of the session
# first waits for the batch (_settle).


def _fan_out(conn: Connection, now: datetime, first_event: int, next_event: int) -> None:
    with conn.begin_nested():  # a clash leaves the transaction usable, on both engines
        load.insert_people(conn, now)
    written = load.insert_history(conn, now, first_event)
    if written != next_event - first_event:
        raise RuntimeError(f"{written} events written for {next_event - first_event} steps")


def _settle(session: Session, state: _State) -> None:
    """Wait for the batch being written; a national ID or id already taken is reported."""
    if state.pending is None:
        return
    job, written = state.pending
    state.pending = None
    try:
        job.result()
    except IntegrityError:
        match.report_duplicates(session, written, state.errors, state.added_here)


def _stop_writer(state: _State) -> None:
    """On the way out, even after an error: nothing may still use the connection when the
    transaction is committed or rolled back."""
    if state.writer is not None:
        state.writer.shutdown(wait=True)
        state.writer = None


__all__ = ["BATCH", "FIELDS", "import_candidates"]
