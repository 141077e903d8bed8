"""Import of candidates with their past steps, checked by the rules in force at each act.

Built for a province's file of a million rows: rows stream in batches, each batch is
checked and then written with one executemany per table, and the person ids are handed
out here so that events, admissions and roster rows need no read-back. A row that
matches a person already stored (explicit id, national ID, or name + birth date + unit)
updates that person through the append-only history instead of adding a second one.
"""

from __future__ import annotations

import gc
import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import func, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.db import defer_indexes, rebuild_indexes
from dangvien_cli.i18n import get_lang, t
from dangvien_cli.models import Person, PipelineEvent, Unit, pk
from dangvien_cli.services import audit
from dangvien_cli.services.imports import (
    ImportResult,
    Source,
    raise_if_errors,
    start_import,
)
from dangvien_cli.services.imports import (
    candidate_checks as checks,
)
from dangvien_cli.services.imports import (
    candidate_load as load,
)
from dangvien_cli.services.imports.candidate_rows import (
    FIELDS,
    Candidate,
    Checking,
    parse_candidate,
)
from dangvien_cli.services.people import (
    given_first_key,
    identity_conflict,
    identity_reason,
    kept_spelling,
)
from dangvien_cli.services.pipeline import Step, refresh_projection
from dangvien_cli.services.step_checks import ORDERED
from dangvien_cli.vntext import fold, name_sort_key

PERSON_FIELDS = load.PERSON_VALUES
BATCH = 5000
BULK_TABLES = ("person", "pipeline_event", "admission", "member")
# Per-event constants of the hot loop (an enum's .value is a property call).
_STEP_TEXT = {step: step.value for step in Step}
_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)
_json_text = json.encoder.encode_basestring  # a str as _to_json writes it
_DETAILS: dict[tuple[tuple[str, int], ...], str] = {}


def _detail_text(detail: dict[str, Any]) -> str:
    """The JSON of a step's detail. Vote counts repeat, so each set is encoded once; texts
    (a mentor's name) are nearly all different and are not remembered."""
    if not all(type(v) is int for v in detail.values()):
        mentor = detail.get("mentor")
        if len(detail) == 1 and type(mentor) is str:  # what JSONEncoder writes, in one C call
            return '{"mentor": ' + _json_text(mentor) + "}"
        return _to_json(detail)
    key = tuple(detail.items())
    text = _DETAILS.get(key)
    if text is None:
        if len(_DETAILS) >= 10_000:
            _DETAILS.clear()
        text = _DETAILS[key] = _to_json(detail)
    return text


_NAME_KEYS: dict[str, tuple[str, str, str]] = {}


def _name_keys(name: str) -> tuple[str, str, str]:
    """A name's search, given-name-first and sort keys. A province's file repeats most full
    names (100,000 rows hold ~40,000): a bounded memo answers ~46 % of rows."""
    keys = _NAME_KEYS.get(name)
    if keys is None:
        if len(_NAME_KEYS) >= 20_000:
            _NAME_KEYS.clear()
        keys = _NAME_KEYS[name] = (fold(name), given_first_key(name), name_sort_key(name))
    return keys


@dataclass
class _State(Checking):
    next_id: int = 1
    next_event_id: int = 1
    had_people: bool = False
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    absent: tuple[str, ...] = ()  # person fields the file has no column for: left as stored
    touched: dict[int, int] = field(default_factory=dict)  # person id -> line that updated it
    staging: bool = False  # candidate_load's table exists in this transaction
    writer: ThreadPoolExecutor | None = None
    # The batch being written: its rows' (line, national ID, id), for a clash to be named.
    pending: tuple[Future[None], list[tuple[int, str | None, int]]] | None = None


def import_candidates(
    session: Session,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Any = None,
    **source: Unpack[Source],
) -> ImportResult:
    mapping, result = start_import(
        "candidates",
        path,
        FIELDS,
        dry_run=dry_run,
        **source,
    )
    state = _State()
    state.errors.path = str(path)
    state.next_id = (session.execute(select(func.max(Person.id))).scalar() or 0) + 1
    state.next_event_id = (session.execute(select(func.max(PipelineEvent.id))).scalar() or 0) + 1
    state.had_people = state.next_id > 1
    state.absent = tuple(
        k for k in PERSON_FIELDS if not mapping.has("unit_code" if k == "unit_id" else k)
    )
    state.excepted = checks.waived_rules(session) if state.had_people else {}
    state.rosters = checks.rosters(session) if state.had_people else {}
    units = dict(session.execute(select(col(Unit.code_key), pk(Unit.id))).all())
    lang_en = get_lang() == "en"
    batch: list[Candidate] = []
    deferred = None
    collecting = gc.isenabled()
    # Python's automatic collections would walk every object alive (the unit map, the
    # memos, SQLAlchemy's) again and again, ~10 % of a large import; a row leaves no cycles
    # behind except a refusal's, so the young generations are collected once per batch.
    gc.disable()
    try:
        for row in mapping.rows(state.errors):
            result.rows += 1
            cand = parse_candidate(row, units, state, lang_en)
            if cand is not None:
                batch.append(cand)
            if len(batch) >= BATCH:
                if deferred is None and not state.had_people:
                    # a first load of a large file: build the indexes once, at the end
                    deferred = defer_indexes(session, BULK_TABLES)
                _write(session, batch, state, result)
                batch = []
                gc.collect(1)
                if progress is not None:
                    progress(result.rows)
        _write(session, batch, state, result)
        _settle(session, state)
    finally:
        _stop_writer(state)
        if collecting:
            gc.enable()
    if progress is not None:
        progress(result.rows)
    if state.staging:
        load.drop_stage(session.connection())
    if deferred is not None and not state.errors:
        rebuild_indexes(session, deferred)
    raise_if_errors(path, state.errors)
    result.warnings += [
        t("import.rule_warnings", rule=rule, count=n) for rule, n in sorted(state.warnings.items())
    ]
    audit.record(
        session, entity="import", entity_id=str(path), action="candidates", after=result.as_dict()
    )
    return result


def _existing(session: Session, batch: list[Candidate], state: _State) -> dict[int, int]:
    """Map batch positions to the ids of people already stored, in three set lookups."""
    found: dict[int, int] = {}
    ids = [c.explicit_id for c in batch if c.explicit_id]
    if ids:
        known = set(session.execute(select(pk(Person.id)).where(col(Person.id).in_(ids))).scalars())
        for i, c in enumerate(batch):
            if c.explicit_id in known:
                found[i] = c.explicit_id
    nids = [
        c.person["national_id"]
        for i, c in enumerate(batch)
        if i not in found and c.person["national_id"]
    ]
    if nids:
        by_nid = dict(
            session.execute(
                select(col(Person.national_id), pk(Person.id)).where(
                    col(Person.national_id).in_(nids)
                )
            ).all()
        )
        for i, c in enumerate(batch):
            if i not in found and c.person["national_id"] in by_nid:
                found[i] = by_nid[c.person["national_id"]]
    rest = [(i, c) for i, c in enumerate(batch) if i not in found and not c.person["national_id"]]
    if rest:
        keys = [(fold(c.person["full_name"]), c.person["unit_id"]) for _i, c in rest]
        stored = session.execute(
            select(
                pk(Person.id), col(Person.name_key), col(Person.unit_id), col(Person.birth_date)
            ).where(tuple_(col(Person.name_key), col(Person.unit_id)).in_(keys))
        ).all()
        by_key: dict[tuple[Any, ...], list[int]] = {}
        for pid, n, u, b in sorted(stored):
            by_key.setdefault((n, u, b), []).append(pid)
        taken = set(found.values())
        for i, c in rest:
            # Namesakes born the same day in one unit: each stored person answers one row.
            key = (fold(c.person["full_name"]), c.person["unit_id"], c.person["birth_date"])
            namesake = next(
                (p for p in by_key.get(key, ()) if p not in taken and p not in state.touched),
                None,
            )
            if namesake is not None:
                found[i] = namesake
                taken.add(namesake)
    return found


def _write(session: Session, batch: list[Candidate], state: _State, result: ImportResult) -> None:
    _settle(session, state)
    if not batch:
        return
    matches = _existing(session, batch, state) if state.had_people else {}
    fresh = [c for i, c in enumerate(batch) if i not in matches]
    for i, pid in matches.items():
        if pid in state.touched:  # two rows of the file are one person
            reason = t("import.duplicate_person", id=pid, first=state.touched[pid])
            state.errors.add(batch[i].line, "id", pid, reason)
            continue
        state.touched[pid] = batch[i].line
        outcome = _update(session, pid, batch[i], state)
        setattr(result, outcome, getattr(result, outcome) + 1)
    if result.updated and not state.errors:  # corrections took ids: hand out the next ones
        last = session.execute(select(func.max(PipelineEvent.id))).scalar() or 0
        state.next_event_id = max(state.next_event_id, last + 1)
    result.new += len(fresh)
    if state.errors:
        return  # nothing will be committed: checking goes on, writing stops
    _insert(session, fresh, state)


def _insert(session: Session, fresh: list[Candidate], state: _State) -> None:
    """Write the batch's new people with their history, set-based (candidate_load)."""
    if not fresh:
        return
    staged = []
    for cand in fresh:
        pid = cand.explicit_id or state.next_id
        state.next_id = max(state.next_id, pid) + 1
        cand.person["id"] = pid
        staged.append(_staged_row(pid, cand))
    conn = session.connection()
    if not state.staging:
        load.create_stage(conn)
        state.staging = True
    load.stage(conn, staged)
    first_event = state.next_event_id
    state.next_event_id += sum(len(c.steps) for c in fresh)
    if state.writer is None:
        state.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dangvien-writer")
    job = state.writer.submit(_fan_out, conn, state.now, first_event, state.next_event_id)
    # Only what naming a clash needs is kept: the candidates can go while the batch is written.
    state.pending = (job, [(c.line, c.person["national_id"], c.person["id"]) for c in fresh])


# The engine writes a batch's people and history (candidate_load) in a thread while this one
# checks the next batch: SQLite and psycopg release the GIL while they work, so on two cores
# the writing mostly hides behind the checking. The connection is only ever used by one
# thread at a time: every other use of the session first waits for the batch (_settle).


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
        _report_duplicates(session, written, state)


def _stop_writer(state: _State) -> None:
    """On the way out, even after an error: nothing may still use the connection when the
    transaction is committed or rolled back."""
    if state.writer is not None:
        state.writer.shutdown(wait=True)
        state.writer = None


def _staged_row(pid: int, cand: Candidate) -> tuple[Any, ...]:
    """The candidate as one row of candidate_load.STAGE_COLUMNS."""
    p = cand.person
    name = p["full_name"]
    on: list[Any] = [None] * len(_SLOT)  # each step's date, in _SLOT's places
    mentor = vote = certificate = decision_no = decision_body = None
    exit_step = exit_on = None
    for step, when, doc, issuer, detail in cand.steps:
        slot = _SLOT.get(step)
        if slot is None:  # the exit, if any: the one step outside the pipeline's columns
            exit_step, exit_on = step, when
            continue
        on[slot] = when
        if step is Step.sourced:
            mentor = _detail_text(detail) if detail else None
        elif step is Step.class_passed:
            certificate = doc
        elif step is Step.cell_vote:
            vote = _detail_text(detail) if detail else None
        elif step is Step.decision:
            decision_no, decision_body = doc, issuer
    return (
        pid,
        name,
        *_name_keys(name),
        *(p[k] for k in _PERSON_STAGED),
        cand.stage,
        cand.stage_on,
        on[0],
        mentor,
        on[1],
        certificate,
        on[2],
        on[3],
        vote,
        on[4],
        decision_no,
        on[5],
        decision_body,
        on[6],
        on[7],
        _STEP_TEXT[exit_step] if exit_step is not None else None,
        exit_on,
        cand.exit_note if exit_step is not None else None,
        cand.decision_unit_id,
    )


# The staged row's date of each pipeline step (see the tuple above); exits are not here.
_SLOT = {step: i for i, step in enumerate(ORDERED)}  # the eight pipeline steps, in order
_PERSON_STAGED = load.PERSON_VALUES[1:]  # after the name and its three keys


def _report_duplicates(
    session: Session, written: list[tuple[int, str | None, int]], state: _State
) -> None:
    """A unique key clashed: name each row (line, national ID, id given) whose national ID
    or id is already taken."""
    nids = [nid for _line, nid, _pid in written if nid]
    taken = dict(
        session.execute(
            select(col(Person.national_id), pk(Person.id)).where(col(Person.national_id).in_(nids))
        ).all()
    )
    seen: dict[str, int] = {}
    for line, nid, pid in written:
        if not nid:
            continue
        if nid in seen:
            reason = t("import.duplicate_in_file", value="CCCD", first=seen[nid])
            state.errors.add(line, "national_id", nid, reason)
        elif nid in taken and taken[nid] != pid:
            state.errors.add(
                line, "national_id", nid, t("person.duplicate_national_id", other=taken[nid])
            )
        seen.setdefault(nid, line)
    if not state.errors:
        first = written[0][0]
        state.errors.add(first, "id", "", t("import.duplicate_in_file", value="id", first=first))


def _same_person(session: Session, person: Person, cand: Candidate, state: _State) -> bool:
    """One person, one identity: a row matched by CCCD or id that names someone else is a
    conflict, and a row that would move the person to another unit is refused (a move is a
    dated act of its own, never a side effect of an import)."""
    name, birth = cand.person["full_name"], cand.person["birth_date"]
    column = "id" if cand.explicit_id == person.id else "national_id"
    if identity_conflict(person.full_name, person.birth_date, name, birth):
        value = cand.explicit_id if column == "id" else cand.person["national_id"]
        state.errors.add(cand.line, column, value, identity_reason(person, name, birth))
        return False
    # the same name: a plain spelling never replaces one with diacritics
    cand.person["full_name"] = kept_spelling(person.full_name, name)
    new_unit = cand.person["unit_id"]
    if person.unit_id is not None and new_unit != person.unit_id:
        units = dict(
            session.execute(
                select(pk(Unit.id), col(Unit.code)).where(
                    col(Unit.id).in_([person.unit_id, new_unit])
                )
            ).all()
        )
        reason = t(
            "person.unit_move",
            id=person.id,
            name=person.full_name,
            unit=units.get(person.unit_id, "?"),
            new=units.get(new_unit, "?"),
        )
        state.errors.add(cand.line, "unit_code", units.get(new_unit, ""), reason)
        return False
    return True


def _update(session: Session, pid: int, cand: Candidate, state: _State) -> str:
    """Bring a stored person in line with the file; history grows, it is never rewritten."""
    person = session.get(Person, pid)
    assert person is not None
    if not _same_person(session, person, cand, state):
        return "unchanged"
    before = {k: getattr(person, k) for k in PERSON_FIELDS}
    changed = False
    for key in PERSON_FIELDS:
        if key in state.absent:
            continue
        if getattr(person, key) != cand.person[key]:
            changed = True
            if not state.errors:
                setattr(person, key, cand.person[key])
    if changed and not state.errors:
        person.name_key = fold(person.full_name)
        person.given_key = given_first_key(person.full_name)
        person.sort_key = name_sort_key(person.full_name)
    from dangvien_cli.services.pipeline import effective_events

    current = {e.step: e for e in effective_events(session, pid)}
    for step, when, doc, issuer, detail in cand.steps:
        old = current.get(step.value)
        note = cand.exit_note if step in (Step.rejected, Step.withdrawn, Step.struck_off) else None
        if old is not None and checks.same_step(old, when, doc, issuer, detail, note, current):
            continue
        changed = True
        if state.errors:
            continue
        session.add(
            PipelineEvent(
                person_id=pid,
                step=step.value,
                occurred_on=when,
                document_no=doc,
                issuer=issuer,
                detail=json.dumps(detail, ensure_ascii=False) if detail else None,
                note=note,
                supersedes_id=old.id if old is not None else None,
                recorded_by=session.info.get("audit_actor"),
            )
        )
    if not changed:
        return "unchanged"
    if not state.errors:
        session.flush()
        refresh_projection(session, person)
        audit.record(
            session,
            entity="person",
            entity_id=pid,
            action="import-update",
            before=before,
            after={k: cand.person[k] for k in PERSON_FIELDS},
        )
    return "updated"
