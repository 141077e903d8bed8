"""Import of a unit's member roster (danh sách đảng viên).

Each row is a person and their roster line. The file belongs to one unit (``--unit``);
a ``unit_code`` column may place a row in a cell below that unit. A person already on
file is updated, not duplicated: matched by explicit id, else national ID, else name +
birth date among the people of the unit (only people stored without a national ID, or rows
without one, match by name). A row that names someone else than the person its id or CCCD
belongs to, or that would move a stored person to another unit, is refused: moving between
units is a dated act of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Unpack

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.db import bulk_insert
from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import fmt_date, get_lang, t
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
from dangvien_cli.services import audit, rules
from dangvien_cli.services.imports import (
    FieldSpec,
    ImportResult,
    Mapping,
    Row,
    Source,
    national_id_cell,
    parse_date_cell,
    phone_cell,
    raise_if_errors,
    start_import,
)
from dangvien_cli.services.imports.candidate_rows import education_code
from dangvien_cli.services.people import (
    clean_name,
    given_first_key,
    identity_conflict,
    identity_reason,
    kept_spelling,
)
from dangvien_cli.services.units import code_key, get_unit, subtree_ids
from dangvien_cli.values import parse_bool, parse_choice, parse_int
from dangvien_cli.vntext import fold, name_sort_key
from dangvien_cli.vocab import ExitReason, Gender, MemberStatus

FIELDS = [
    FieldSpec("id", ("Mã số", "ID", "person_id")),
    FieldSpec("full_name", ("Họ và tên", "Họ tên", "Tên"), required=True),
    FieldSpec("birth_date", ("Ngày sinh",)),
    FieldSpec("gender", ("Giới tính",)),
    FieldSpec("ethnicity", ("Dân tộc",)),
    FieldSpec("religion", ("Tôn giáo",)),
    FieldSpec("education", ("Trình độ phổ thông", "Học vấn", "Văn hóa")),
    FieldSpec("national_id", ("Số CCCD", "CCCD", "Căn cước")),
    FieldSpec("phone", ("Điện thoại", "Số điện thoại")),
    FieldSpec("unit_code", ("Mã đơn vị", "Chi bộ", "Mã chi bộ")),
    FieldSpec("status", ("Trạng thái", "Loại đảng viên", "Chính thức/dự bị")),
    FieldSpec("key_position", ("Chủ chốt", "Giữ vị trí chủ chốt", "Cán bộ chủ chốt")),
    FieldSpec("position", ("Chức vụ",)),
    FieldSpec("admitted_on", ("Ngày vào Đảng", "Ngày kết nạp")),
    FieldSpec("official_on", ("Ngày chính thức",)),
    # Dated moves (issue 17): in ``unit_code`` since this day (a transfer row when the unit
    # differs from the stored one: the earlier unit is kept in the member's history) ...
    FieldSpec("unit_since", ("Ngày chuyển đến", "Sinh hoạt từ ngày")),
    # ... and an exit row: off the roster from this day, for this reason.
    FieldSpec("left_on", ("Ngày ra khỏi danh sách", "Ngày ra khỏi Đảng")),
    FieldSpec("exit_reason", ("Lý do ra khỏi danh sách",)),
]
STATUS = {
    "official": MemberStatus.official,
    "chinh-thuc": MemberStatus.official,
    "ct": MemberStatus.official,
    "probationary": MemberStatus.probationary,
    "du-bi": MemberStatus.probationary,
    "db": MemberStatus.probationary,
}
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
CHUNK = 5000
_PARSERS: dict[str, Any] = {
    "id": lambda v: parse_int(v, "id"),
    "birth_date": parse_date_cell,
    "admitted_on": parse_date_cell,
    "official_on": parse_date_cell,
    "unit_since": parse_date_cell,
    "left_on": parse_date_cell,
    "exit_reason": lambda v: parse_choice(v, ExitReason, "exit_reason"),
    "gender": lambda v: parse_choice(v, Gender, "gender"),
    "education": education_code,
    "key_position": lambda v: parse_bool(v, "key_position"),
    "national_id": national_id_cell,
    "phone": phone_cell,
    "full_name": clean_name,
}


def import_members(
    session: Session,
    path: Path,
    *,
    unit_code: str,
    dry_run: bool = False,
    progress: Any = None,
    **source: Unpack[Source],
) -> ImportResult:
    home = get_unit(session, unit_code)
    allowed = set(subtree_ids(session, home.id))
    units = {
        k: i
        for k, i in session.execute(select(col(Unit.code_key), pk(Unit.id))).all()
        if i in allowed
    }
    mapping, result = start_import(
        "members",
        path,
        FIELDS,
        dry_run=dry_run,
        **source,
    )
    errors = RowErrors(path=str(path))
    warned: Counter[str] = Counter()
    records = []
    for row in mapping.rows(errors, progress):
        result.rows += 1
        rec = _parse(row, mapping, home, units, errors, warned)
        if rec is not None:
            records.append(rec)
    _check_duplicates(records, errors)
    found = _match(session, records, allowed, errors)
    _check_identity(session, records, found, errors)
    _check_exits_on_file(session, records, found, errors)
    raise_if_errors(path, errors)
    _write(session, records, found, result, stored_id(home))
    result.warnings += [t("import.rule_warnings", rule=r, count=n) for r, n in warned.items()]
    audit.record(
        session, entity="import", entity_id=str(path), action="members", after=result.as_dict()
    )
    return result


def _parse(
    row: Row,
    mapping: Mapping,
    home: Unit,
    units: dict[str, int],
    errors: RowErrors,
    warned: Counter[str],
) -> dict[str, Any] | None:
    """The row as {field: value}, holding only the fields the file has columns for."""
    before = len(errors.items)
    rec: dict[str, Any] = {"line": row.line, "full_name": None}
    for key in (f.key for f in FIELDS):
        if not mapping.has(key) or key in ("unit_code", "status"):
            continue
        raw = row.raw(key)
        try:
            value = _PARSERS[key](raw) if key in _PARSERS and raw is not None else raw
        except DangvienError as exc:
            errors.add(row.line, row.column(key), raw, exc.message())
            continue
        rec[key] = value.value if isinstance(value, Gender | ExitReason) else value
    for key in ("admitted_on", "official_on"):  # an act is a fact: nothing after today
        when = rec.get(key)
        if when is not None and when > date.today():
            reason = t("act.in_future", field=row.column(key), date=fmt_date(when))
            errors.add(row.line, row.column(key), row.raw(key), reason)
    if row.raw("full_name") is None:
        errors.add(row.line, row.column("full_name"), "", t("error.required", field="full_name"))
    status = _status(row, rec, errors)
    if status is not None:
        rec["status"] = status
    if mapping.has("unit_code"):  # else a new person joins --unit, one on file stays put
        cell = row.text("unit_code")
        rec["unit_id"] = units.get(code_key(cell)) if cell else home.id
        if rec["unit_id"] is None:
            reason = t("member.outside_unit", code=cell, unit=home.code)
            errors.add(row.line, row.column("unit_code"), cell, reason)
    if rec.get("national_id"):
        _check_cccd(row, rec, errors, warned)
    _check_exit(row, rec, errors)
    if rec.get("left_on"):
        rec["left_col"] = row.column("left_on")  # for _check_exits_on_file
    return rec if len(errors.items) == before else None


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


def _check_exit(row: Row, rec: dict[str, Any], errors: RowErrors) -> None:
    """An exit row says when and why; it cannot come before the admission."""
    left, reason, admitted = rec.get("left_on"), rec.get("exit_reason"), rec.get("admitted_on")
    if reason and not left:
        errors.add(row.line, row.column("left_on"), "", t("error.required", field="left_on"))
    if left and admitted and left < admitted:
        errors.add(
            row.line,
            row.column("left_on"),
            row.raw("left_on"),
            t("member.before_admission", id=row.line, day=fmt_date(admitted)),
        )


def _status(row: Row, rec: dict[str, Any], errors: RowErrors) -> str | None:
    raw = row.text("status")
    if raw is None:  # no status given: an official date says official, else as stored
        return MemberStatus.official.value if rec.get("official_on") else None
    status = STATUS.get(re.sub(r"[^a-z0-9]+", "-", fold(raw)).strip("-"))
    if status is None:
        choices = "official/chính thức, probationary/dự bị"
        reason = t("error.invalid_choice", value=raw, field="status", choices=choices)
        errors.add(row.line, row.column("status"), raw, reason)
        return None
    if status is MemberStatus.probationary and rec.get("official_on"):
        errors.add(row.line, row.column("status"), raw, t("import.probationary_with_official"))
    return status.value


def _check_cccd(row: Row, rec: dict[str, Any], errors: RowErrors, warned: Counter[str]) -> None:
    """R29, as `candidate add` checks it: the number agrees with birth year and sex."""
    for v in rules.check_cccd(rec["national_id"], rec.get("birth_date"), rec.get("gender")):
        if v.severity == "error":
            text = v.message_en if get_lang() == "en" else v.message_vi
            reason = f"{v.rule} ({v.source}): {text}"
            errors.add(row.line, row.column("national_id"), rec["national_id"], reason)
        else:
            warned[v.rule] += 1


def _check_duplicates(records: list[dict[str, Any]], errors: RowErrors) -> None:
    """One person, one row: the same id, national ID or unnamed-ID name+birth date twice."""
    seen: dict[tuple[str, Any], int] = {}
    for rec in records:
        keys = [("id", rec.get("id")), ("national_id", rec.get("national_id"))]
        if not rec.get("id") and not rec.get("national_id"):
            keys.append(("full_name", (fold(rec["full_name"]), rec.get("birth_date"))))
        for column, value in keys:
            if value is None:
                continue
            first = seen.setdefault((column, value), rec["line"])
            if first != rec["line"]:
                shown = value if column != "full_name" else rec["full_name"]
                errors.add(
                    rec["line"],
                    column,
                    shown,
                    t("import.duplicate_in_file", value=shown, first=first),
                )


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def _match(
    session: Session, records: list[dict[str, Any]], allowed: set[int], errors: RowErrors
) -> dict[int, int]:
    """Record position → id of the person already stored, in a few set lookups."""
    ids = [r["id"] for r in records if r.get("id")]
    known: set[int] = set()
    for part in _chunks(ids):
        known.update(
            session.execute(select(pk(Person.id)).where(col(Person.id).in_(part))).scalars()
        )
    nids = [r["national_id"] for r in records if r.get("national_id")]
    by_nid: dict[str | None, int] = {}
    for part in _chunks(nids):
        q = select(col(Person.national_id), pk(Person.id)).where(col(Person.national_id).in_(part))
        by_nid.update((nid, pid) for nid, pid in session.execute(q))
    names = list({fold(r["full_name"]) for r in records})
    by_name: dict[tuple[str, Any, bool], int] = {}
    for part in _chunks(names):
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
    for part in _chunks(list(set(found.values()))):
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
            person_updates.append({**_person_values(person), "pid": pid, "updated_at": now})
        if member_old is None:
            new_members.append(_member_row(pid, member, now))
        elif member != member_old:
            member_updates.append({**member, "pid": pid, "updated_at": now})
            if member["unit_id"] != member_old["unit_id"] and rec.get("unit_since"):
                moves.append((pid, member_old, member["unit_since"]))
    bulk_insert(session, "person", PERSON_COLUMNS, new_people)
    bulk_insert(session, "member", MEMBER_COLUMNS, new_members)
    _update_many(session, table_of(Person), "id", person_updates)
    _keep_history(session, moves)
    _update_many(session, table_of(Member), "person_id", member_updates)


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
    for part in _chunks(ids):
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


def _update_many(session: Session, table: Any, key: str, rows: list[dict[str, Any]]) -> None:
    """One executemany UPDATE; bind names differ from column names, as SQLAlchemy requires."""
    if not rows:
        return
    columns = [c for c in rows[0] if c != "pid"]
    statement = (
        update(table)
        .where(table.c[key] == bindparam("b_pid"))
        .values({c: bindparam(f"b_{c}") for c in columns})
    )
    session.connection().execute(statement, [{f"b_{k}": v for k, v in r.items()} for r in rows])


PERSON_COLUMNS = [
    "id",
    *PERSON_KEYS,
    *"name_key given_key sort_key youth_union trade_union created_at updated_at".split(),
]
MEMBER_COLUMNS = ["person_id", *MEMBER_KEYS, "updated_at"]
