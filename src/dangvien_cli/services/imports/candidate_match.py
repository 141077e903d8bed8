"""Rows of a candidate file that match people already stored (explicit id, national ID, or
name + birth date + unit): found in set lookups per batch, then brought in line with the
file through the append-only history, never rewritten. Kept apart from the bulk path
(imports.candidates), which a first load of new people never leaves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.errors import Conflict, RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Person, PipelineEvent, Unit, pk, stored_id
from dangvien_cli.services import audit
from dangvien_cli.services.imports import candidate_checks as checks
from dangvien_cli.services.imports.candidate_load import PERSON_VALUES
from dangvien_cli.services.imports.candidate_rows import Candidate
from dangvien_cli.services.imports.step_fields import EXIT, EXIT_STEPS, FIELD_OF
from dangvien_cli.services.people import (
    check_national_id_free,
    given_first_key,
    identity_conflict,
    identity_reason,
    kept_spelling,
)
from dangvien_cli.services.pipeline import (
    AFTER_OFFICIAL,
    LEFT,
    effective_events,
    refresh_projection,
)
from dangvien_cli.vntext import fold, name_sort_key
from dangvien_cli.vocab import Stage, Step


def existing(
    session: Session,
    batch: list[Candidate],
    touched: dict[int, int],
    added_here: Callable[[int], bool],
) -> dict[int, int]:
    """Map batch positions to the ids of people stored before this import, in three set
    lookups. The people an earlier batch of the file added are not matched: a row that
    repeats one is a new row, as within a batch, and the unique keys then name it."""
    found: dict[int, int] = {}
    ids = [c.explicit_id for c in batch if c.explicit_id]
    if ids:
        known = {
            pid
            for pid in session.execute(select(pk(Person.id)).where(col(Person.id).in_(ids)))
            .scalars()
            .all()
            if not added_here(pid)
        }
        for i, c in enumerate(batch):
            if c.explicit_id in known:
                found[i] = int(c.explicit_id)
    nids = [
        c.person["national_id"]
        for i, c in enumerate(batch)
        if i not in found and c.person["national_id"]
    ]
    if nids:
        by_nid: dict[str | None, int] = {
            nid: pid
            for nid, pid in session.execute(
                select(col(Person.national_id), pk(Person.id)).where(
                    col(Person.national_id).in_(nids)
                )
            ).all()
            if not added_here(pid)
        }
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
            if not added_here(pid):
                by_key.setdefault((n, u, b), []).append(pid)
        taken = set(found.values())
        for i, c in rest:
            # Namesakes born the same day in one unit: each stored person answers one row.
            key = (fold(c.person["full_name"]), c.person["unit_id"], c.person["birth_date"])
            match = next(
                (p for p in by_key.get(key, ()) if p not in taken and p not in touched), None
            )
            if match is not None:
                found[i] = match
                taken.add(match)
    return found


def report_duplicates(
    session: Session,
    written: list[tuple[int, str | None, int]],
    errors: RowErrors,
    added_here: Callable[[int], bool],
) -> None:
    """A unique key clashed and the batch was rolled back: name each row (line, national
    ID, id) whose national ID or id repeats a row of the batch, an earlier row of the file,
    or belongs to a person stored before."""
    nids = [nid for _line, nid, _pid in written if nid]
    owners: dict[str | None, int] = dict(
        session.execute(
            select(col(Person.national_id), pk(Person.id)).where(col(Person.national_id).in_(nids))
        ).all()
    )
    pids = [pid for _line, _nid, pid in written]
    taken = set(session.execute(select(pk(Person.id)).where(col(Person.id).in_(pids))).scalars())
    found = len(errors.items)
    seen_nid: dict[str, int] = {}
    seen_id: dict[int, int] = {}
    for line, nid, pid in written:
        if pid in seen_id:
            errors.add(
                line, "id", pid, t("import.duplicate_in_file", value="id", first=seen_id[pid])
            )
        elif pid in taken:
            errors.add(line, "id", pid, t("import.repeats_earlier_row", value="id"))
        elif nid and nid in seen_nid:
            reason = t("import.duplicate_in_file", value="CCCD", first=seen_nid[nid])
            errors.add(line, "national_id", nid, reason)
        elif nid and nid in owners and added_here(owners[nid]):
            errors.add(line, "national_id", nid, t("import.repeats_earlier_row", value="CCCD"))
        elif nid and nid in owners:
            reason = t("person.duplicate_national_id", other=owners[nid])
            errors.add(line, "national_id", nid, reason)
        seen_id.setdefault(pid, line)
        if nid:
            seen_nid.setdefault(nid, line)
    if len(errors.items) == found:  # a key the checks above do not know: the batch is named
        first = written[0][0]
        errors.add(first, "id", "", t("import.duplicate_in_file", value="id", first=first))


def _same_person(session: Session, person: Person, cand: Candidate, errors: RowErrors) -> bool:
    """One person, one identity: a row matched by CCCD or id that names someone else is a
    conflict, and a row that would move the person to another unit is refused (a move is a
    dated act of its own, never a side effect of an import)."""
    name, birth = cand.person["full_name"], cand.person["birth_date"]
    if identity_conflict(person.full_name, person.birth_date, name, birth):
        column, value = _matched_by(cand, stored_id(person))
        errors.add(cand.line, column, value, identity_reason(person, name, birth))
        return False
    # the same name: a plain spelling never replaces one with diacritics
    cand.person["full_name"] = kept_spelling(person.full_name, name)
    new_unit = cand.person["unit_id"]
    if person.unit_id is not None and new_unit != person.unit_id:
        units: dict[int, str] = dict(
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
        errors.add(cand.line, "unit_code", units.get(new_unit, ""), reason)
        return False
    return True


def _matched_by(cand: Candidate, pid: int) -> tuple[str, Any]:
    """The column a row was matched to a stored person by, and the row's value in it."""
    if cand.explicit_id == pid:
        return "id", cand.explicit_id
    if cand.person["national_id"]:
        return "national_id", cand.person["national_id"]
    return "full_name", cand.person["full_name"]


def _national_id_free(
    session: Session,
    person: Person,
    cand: Candidate,
    errors: RowErrors,
    added_here: Callable[[int], bool],
) -> bool:
    """A row matched by id may give the person a national ID only if nobody else holds it:
    one number, one person (people.check_national_id_free, as `candidate add` asks)."""
    nid = cand.person["national_id"]
    if not nid or nid == person.national_id:
        return True  # the common case asks nothing of the database
    try:
        check_national_id_free(session, nid, person.id, name=cand.person["full_name"])
    except Conflict as exc:
        repeat = added_here(exc.params["other"])
        reason = t("import.repeats_earlier_row", value="CCCD") if repeat else exc.message()
        errors.add(cand.line, "national_id", nid, reason)
        return False
    return True


def _closed(stage: str | None, step: Step) -> bool:
    """A new step for someone whose road has ended: after an exit, or once official (but a
    mentor or a dossier document), as the step commands refuse it (pipeline.check_transition);
    a row that corrects a step already recorded is no new step."""
    return stage in LEFT or (stage == Stage.official.value and step not in AFTER_OFFICIAL)


def update(
    session: Session,
    pid: int,
    cand: Candidate,
    errors: RowErrors,
    absent: tuple[str, ...],
    added_here: Callable[[int], bool],
) -> str:
    """Bring a stored person in line with the file; history grows, it is never rewritten."""
    person = session.get(Person, pid)
    assert person is not None
    if not _same_person(session, person, cand, errors):
        return "unchanged"
    if not _national_id_free(session, person, cand, errors, added_here):
        return "unchanged"
    if person.stage is None and cand.steps:
        # on a roster only, admitted before dangvien knew them: no step makes them a
        # candidate again, here as in the step commands
        column, value = _matched_by(cand, pid)
        errors.add(cand.line, column, value, t("pipeline.not_candidate", id=pid))
        return "unchanged"
    before = {k: getattr(person, k) for k in PERSON_VALUES}
    changed = False
    for key in PERSON_VALUES:
        if key in absent:
            continue
        if getattr(person, key) != cand.person[key]:
            changed = True
            if not errors:
                setattr(person, key, cand.person[key])
    if changed and not errors:
        person.name_key = fold(person.full_name)
        person.given_key = given_first_key(person.full_name)
        person.sort_key = name_sort_key(person.full_name)
    current = {e.step: e for e in effective_events(session, pid)}
    for step, when, doc, issuer, detail in cand.steps:
        old = current.get(step.value)
        note = cand.exit_note if step in EXIT_STEPS else None
        if old is not None and checks.same_step(old, when, doc, issuer, detail, note, current):
            continue
        if old is None and _closed(person.stage, step):
            column = EXIT if step in EXIT_STEPS else FIELD_OF[step].date
            stage = t(f"stage.{person.stage}")
            errors.add(cand.line, column, fmt_date(when), t("pipeline.closed", id=pid, stage=stage))
            return "unchanged"
        changed = True
        if errors:
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
    if not errors:
        session.flush()
        refresh_projection(session, person)
        audit.record(
            session,
            "person",
            pid,
            "import-update",
            before=before,
            after={k: cand.person[k] for k in PERSON_VALUES},
        )
    return "updated"
