"""Import of a unit's member roster (danh sách đảng viên).

Each row is a person and their roster line. The file belongs to one unit (``--unit``);
a ``unit_code`` column may place a row in a cell below that unit. A person already on
file is updated, not duplicated: matched by explicit id, else national ID, else name +
birth date among the people of the unit (only people stored without a national ID, or rows
without one, match by name). A row that names someone else than the person its id or CCCD
belongs to, or that would move a stored person to another unit, is refused: moving between
units is a dated act of its own. Reading and checking a row: member_rows.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.dialect import bulk_insert, bulk_update
from dangvien_cli.errors import RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import (
    Member,
    MemberHistory,
    Person,
    PersonHistory,
    Unit,
    pk,
    stored_id,
    table_of,
)
from dangvien_cli.services import audit
from dangvien_cli.services.imports import ImportFile, ImportResult, raise_if_errors, start_import
from dangvien_cli.services.imports.member_record import (
    check_against_record,
    check_not_stranded,
    chunked,
)
from dangvien_cli.services.imports.member_rows import FIELDS, check_duplicates, parse_member
from dangvien_cli.services.people import (
    given_first_key,
    identity_conflict,
    identity_reason,
    kept_spelling,
)
from dangvien_cli.services.unit_tree import subtree_ids
from dangvien_cli.services.units import get_unit
from dangvien_cli.vntext import fold, name_sort_key
from dangvien_cli.vocab import MemberStatus

PERSON_KEYS = tuple(
    "full_name birth_date gender ethnicity religion education national_id phone unit_id".split()
)
MEMBER_KEYS = (
    "unit_id",
    "status",
    "key_position",
    "position",
    "admitted_on",
    "official_on",
    "unit_since",
    "left_on",
    "exit_reason",
)


def import_members(session: Session, file: ImportFile, *, unit_code: str) -> ImportResult:
    home = get_unit(session, unit_code)
    allowed = set(subtree_ids(session, home.id))
    units = {
        k: i
        for k, i in session.execute(select(col(Unit.code_key), pk(Unit.id))).all()
        if i in allowed
    }
    mapping, result, errors = start_import("members", file, FIELDS)
    warned: Counter[str] = Counter()
    records = []
    for row in mapping.rows(errors, file.progress):
        result.rows += 1
        rec = parse_member(row, mapping, home, units, errors, warned)
        if rec is not None:
            records.append(rec)
    check_duplicates(records, errors)
    found = _match(session, records, allowed, errors)
    _check_identity(session, records, found, errors)
    check_against_record(session, records, found, errors)
    check_not_stranded(session, records, found, stored_id(home), errors)
    _check_exits_on_file(session, records, found, errors)
    raise_if_errors(file.path, errors)
    _write(session, records, found, result, stored_id(home))
    result.warnings += [t("import.rule_warnings", rule=r, count=n) for r, n in warned.items()]
    audit.record(session, "import", str(file.path), "members", after=result.as_dict())
    return result


def _check_exits_on_file(
    session: Session, records: list[dict[str, Any]], found: dict[int, int], errors: RowErrors
) -> None:
    """An exit row for a member on file: not before the admission stored."""
    leaving = {found[i]: rec for i, rec in enumerate(records) if rec.get("left_on") and i in found}
    if not leaving:
        return
    admitted = _load(session, Member, ("admitted_on",), Member.person_id, list(leaving))
    for pid, rec in leaving.items():
        day = admitted.get(pid, {}).get("admitted_on")
        if day and not rec.get("admitted_on") and rec["left_on"] < day:
            reason = t("member.before_admission", id=pid, day=fmt_date(day))
            errors.add(rec["line"], rec["left_col"], fmt_date(rec["left_on"]), reason)


def _match(
    session: Session, records: list[dict[str, Any]], allowed: set[int], errors: RowErrors
) -> dict[int, int]:
    """Record position → id of the person already stored, in a few set lookups."""
    ids = [r["id"] for r in records if r.get("id")]
    known: set[int] = set()
    for part in chunked(ids):
        known.update(
            session.execute(select(pk(Person.id)).where(col(Person.id).in_(part))).scalars()
        )
    nids = [r["national_id"] for r in records if r.get("national_id")]
    by_nid: dict[str | None, int] = {}
    for part in chunked(nids):
        q = select(col(Person.national_id), pk(Person.id)).where(col(Person.national_id).in_(part))
        by_nid.update((nid, pid) for nid, pid in session.execute(q))
    names = list({fold(r["full_name"]) for r in records})
    by_name: dict[tuple[str, Any, bool], int] = {}
    for part in chunked(names):
        same_name = select(
            pk(Person.id),
            col(Person.name_key),
            col(Person.birth_date),
            col(Person.unit_id),
            col(Person.national_id),
        ).where(col(Person.name_key).in_(part))
        for namesake, key, birth, unit_id, nid in session.execute(same_name):
            if unit_id in allowed:
                by_name.setdefault((key, birth, nid is None), namesake)
    found: dict[int, int] = {}
    for i, rec in enumerate(records):
        nid = rec.get("national_id")
        name = (fold(rec["full_name"]), rec.get("birth_date"))
        pid = rec.get("id") if rec.get("id") in known else by_nid.get(nid) if nid else None
        if pid is None:
            pid = by_name.get((*name, True)) or (None if nid else by_name.get((*name, False)))
        other = by_nid.get(nid) if nid else None
        if other is not None and pid is not None and other != pid:
            reason = t("person.duplicate_national_id", other=other)
            errors.add(rec["line"], "national_id", nid, reason)
        if pid is not None:
            found[i] = pid
    return found


def _check_identity(
    session: Session, records: list[dict[str, Any]], found: dict[int, int], errors: RowErrors
) -> None:
    """One person, one identity: a row matched by id or CCCD that names someone else, or
    that would move a stored person to another unit, is refused: a move is a dated act, a
    transfer row of the roster (its ``unit_since`` date) or ``member transfer``."""
    stored: dict[int, Any] = {}
    for part in chunked(list(set(found.values()))):
        q = select(Person).where(col(Person.id).in_(part))
        stored.update((stored_id(p), p) for p in session.execute(q).scalars())
    codes = dict(session.execute(select(pk(Unit.id), col(Unit.code))).all()) if found else {}
    for i, pid in found.items():
        rec, person = records[i], stored[pid]
        name, birth = rec["full_name"], rec.get("birth_date")
        if identity_conflict(person.full_name, person.birth_date, name, birth):
            column = "id" if rec.get("id") == pid else "national_id"
            errors.add(rec["line"], column, rec.get(column), identity_reason(person, name, birth))
            continue
        # the same name: a plain spelling never replaces one with diacritics
        rec["full_name"] = kept_spelling(person.full_name, name)
        if (
            "unit_id" in rec
            and person.unit_id is not None
            and rec["unit_id"] != person.unit_id
            and not rec.get("unit_since")  # a dated transfer row moves the member (map changes)
        ):
            new, old = codes.get(rec["unit_id"], "?"), codes.get(person.unit_id, "?")
            reason = t("person.unit_move", id=pid, name=person.full_name, unit=old, new=new)
            errors.add(rec["line"], "unit_code", new, reason)


def _write(
    session: Session,
    records: list[dict[str, Any]],
    found: dict[int, int],
    result: ImportResult,
    home_id: int,
) -> None:
    now = datetime.now(UTC)
    stored = _load(session, Person, PERSON_KEYS, Person.id, list(found.values()))
    on_roster = _load(session, Member, MEMBER_KEYS, Member.person_id, list(found.values()))
    next_id = (
        session.execute(select(pk(Person.id)).order_by(col(Person.id).desc()).limit(1)).scalar()
        or 0
    ) + 1
    next_id = max([next_id, *(r["id"] + 1 for r in records if r.get("id"))])
    new_people, new_members, person_updates, member_updates = [], [], [], []
    moves: list[tuple[int, dict[str, Any], date]] = []
    for i, rec in enumerate(records):
        pid = found.get(i)
        if pid is None:
            rec.setdefault("unit_id", home_id)
            pid = rec.get("id") or next_id
            next_id = max(next_id, pid + 1)
            person = {k: rec.get(k) for k in PERSON_KEYS}
            new_people.append(_person_row(pid, person, now))
            new_members.append(_member_row(pid, _member_values(rec, None), now))
            result.new += 1
            continue
        old = stored[pid]
        person = {**old, **{k: rec[k] for k in PERSON_KEYS if k in rec}}
        member_old = on_roster.get(pid)
        member = _member_values(rec, member_old)
        member["unit_id"] = member["unit_id"] or person["unit_id"]
        if person == old and member == member_old:
            result.unchanged += 1
            continue
        result.updated += 1
        if person != old:
            person_updates.append({**_person_values(person), "id": pid, "updated_at": now})
        if member_old is None:
            new_members.append(_member_row(pid, member, now))
        elif member != member_old:
            member_updates.append({**member, "person_id": pid, "updated_at": now})
            if member["unit_id"] != member_old["unit_id"] and rec.get("unit_since"):
                moves.append((pid, member_old, member["unit_since"]))
    bulk_insert(session, "person", PERSON_COLUMNS, new_people)
    bulk_insert(session, "member", MEMBER_COLUMNS, new_members)
    bulk_update(session, table_of(Person), "id", person_updates)
    _keep_history(session, moves)
    bulk_update(session, table_of(Member), "person_id", member_updates)


def _keep_history(session: Session, moves: list[tuple[int, dict[str, Any], date]]) -> None:
    """A transfer row (a new unit, with the day since): the member's and the person's earlier
    unit is kept up to the day before, as ``member transfer`` keeps it."""
    if not moves:
        return
    ids = dict(
        session.execute(
            select(col(Member.person_id), pk(Member.id)).where(
                col(Member.person_id).in_([p for p, _, _ in moves])
            )
        ).all()
    )
    day = timedelta(days=1)
    session.execute(
        insert(MemberHistory),
        [
            {
                "member_id": ids[pid],
                "unit_id": old["unit_id"],
                "valid_from": old["unit_since"],
                "valid_to": since - day,
                "temporary": False,
            }
            for pid, old, since in moves
        ],
    )
    session.execute(
        insert(PersonHistory),
        [
            {"person_id": pid, "unit_id": old["unit_id"], "valid_to": since - day}
            for pid, old, since in moves
        ],
    )


def _load(
    session: Session, model: Any, keys: tuple[str, ...], id_col: Any, ids: list[int]
) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    columns = [getattr(model, k) for k in keys]
    for part in chunked(ids):
        for row in session.execute(select(id_col, *columns).where(id_col.in_(part))):
            out[row[0]] = dict(zip(keys, row[1:], strict=True))
    return out


def _member_values(rec: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    """The roster line the file asks for; what it does not say stays as stored."""
    base = old or {
        "unit_id": None,
        "status": MemberStatus.official.value,
        "key_position": False,
        "position": None,
        "admitted_on": None,
        "official_on": None,
        "unit_since": None,
        "left_on": None,
        "exit_reason": None,
    }
    values = {**base, **{k: rec[k] for k in MEMBER_KEYS if k in rec}}
    values["key_position"] = bool(values["key_position"])
    return values


def _person_values(person: dict[str, Any]) -> dict[str, Any]:
    name = person["full_name"]
    return {
        **person,
        "name_key": fold(name),
        "given_key": given_first_key(name),
        "sort_key": name_sort_key(name),
    }


def _person_row(pid: int, person: dict[str, Any], now: datetime) -> tuple[Any, ...]:
    values = _person_values(person)
    return (pid, *(values[c] for c in PERSON_COLUMNS[1:-4]), False, False, now, now)


def _member_row(pid: int, member: dict[str, Any], now: datetime) -> tuple[Any, ...]:
    return (pid, *(member[k] for k in MEMBER_KEYS), now)


PERSON_COLUMNS = [
    "id",
    *PERSON_KEYS,
    *"name_key given_key sort_key youth_union trade_union created_at updated_at".split(),
]
MEMBER_COLUMNS = ["person_id", *MEMBER_KEYS, "updated_at"]
