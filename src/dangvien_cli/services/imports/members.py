"""Import of a unit's member roster (danh sách đảng viên).

Each row is a person and their roster line. The file belongs to one unit (``--unit``);
a ``unit_code`` column may place a row in a cell below that unit. A person already on
file (national ID, or name + birth date within the unit) is updated, not duplicated.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from dangvien_cli.db import bulk_insert
from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import t
from dangvien_cli.models import Member, Person, Unit
from dangvien_cli.services import audit
from dangvien_cli.services.imports import FieldSpec, ImportResult, open_mapped, raise_if_errors
from dangvien_cli.services.imports.candidates import _education, _national_id
from dangvien_cli.services.people import given_first_key
from dangvien_cli.services.units import code_key, get_unit, subtree_ids
from dangvien_cli.values import parse_bool, parse_choice, parse_date
from dangvien_cli.vntext import fold, name_sort_key
from dangvien_cli.vocab import Gender, MemberStatus

FIELDS = [
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
]
STATUS = {
    "official": MemberStatus.official,
    "chinh-thuc": MemberStatus.official,
    "ct": MemberStatus.official,
    "probationary": MemberStatus.probationary,
    "du-bi": MemberStatus.probationary,
    "db": MemberStatus.probationary,
}


def import_members(
    session: Session,
    path: Path,
    *,
    unit_code: str,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    progress: Any = None,
) -> ImportResult:
    import re

    home = get_unit(session, unit_code)
    allowed = set(subtree_ids(session, home.id))
    units = {k: i for k, i in session.execute(select(Unit.code_key, Unit.id)).all() if i in allowed}
    mapping = open_mapped(path, FIELDS, encoding=encoding, delimiter=delimiter, sheet=sheet)
    result = ImportResult("members", str(path), mapping.table.encoding, dry_run=dry_run)
    result.warnings += [f"column ignored: {c}" for c in mapping.unknown]
    errors = RowErrors()
    rows: list[dict[str, Any]] = []
    for row in mapping.rows():
        result.rows += 1
        rec: dict[str, Any] = {"line": row.line, "full_name": row.text("full_name")}
        for key, parse in (
            ("birth_date", parse_date),
            ("admitted_on", parse_date),
            ("official_on", parse_date),
            ("gender", lambda v: parse_choice(v, Gender, "gender")),
            ("education", _education),
            ("key_position", lambda v: parse_bool(v, "key_position")),
        ):
            raw = row.raw(key)
            try:
                value = parse(raw) if raw is not None else None
                rec[key] = value.value if isinstance(value, Gender) else value
            except DangvienError as exc:
                errors.add(row.line, row.column(key), raw, exc.message())
        status_raw = row.text("status") or ("official" if rec.get("official_on") else "official")
        status = STATUS.get(re.sub(r"[^a-z0-9]+", "-", fold(status_raw)).strip("-"))
        if status is None:
            errors.add(
                row.line,
                row.column("status"),
                status_raw,
                t(
                    "error.invalid_choice",
                    value=status_raw,
                    field="status",
                    choices="official/chính thức, probationary/dự bị",
                ),
            )
        rec["status"] = status.value if status else None
        cell = row.text("unit_code")
        rec["unit_id"] = units.get(code_key(cell)) if cell else home.id
        if rec["unit_id"] is None:
            errors.add(
                row.line,
                row.column("unit_code"),
                cell,
                t("member.outside_unit", code=cell, unit=home.code),
            )
        if not rec["full_name"]:
            errors.add(
                row.line, row.column("full_name"), "", t("error.required", field="full_name")
            )
        nid = row.raw("national_id")
        rec["national_id"] = _national_id(nid) if nid is not None else None
        rec.update(
            ethnicity=row.text("ethnicity"),
            religion=row.text("religion"),
            phone=row.text("phone"),
            position=row.text("position"),
        )
        rows.append(rec)
    seen: dict[str, int] = {}
    for rec in rows:
        nid = rec["national_id"]
        if nid and nid in seen:
            errors.add(
                rec["line"],
                "national_id",
                nid,
                t("import.duplicate_in_file", value="CCCD", first=seen[nid]),
            )
        elif nid:
            seen[nid] = rec["line"]
    raise_if_errors(path, errors)

    now = datetime.now(UTC)
    by_nid = dict(
        session.execute(
            select(Person.national_id, Person.id).where(Person.national_id.in_(list(seen)))
        ).all()
    )
    by_name = {
        (n, b): pid
        for pid, n, b in session.execute(
            select(Person.id, Person.name_key, Person.birth_date).where(Person.unit_id.in_(allowed))
        )
    }
    members = dict(session.execute(select(Member.person_id, Member.id)).all())
    next_id = (
        session.execute(select(Person.id).order_by(Person.id.desc()).limit(1)).scalar() or 0
    ) + 1
    new_people, new_members = [], []
    for rec in rows:
        name = rec["full_name"]
        pid = by_nid.get(rec["national_id"]) or by_name.get((fold(name), rec.get("birth_date")))
        member_values = {
            "unit_id": rec["unit_id"],
            "status": rec["status"],
            "key_position": bool(rec.get("key_position")),
            "position": rec["position"],
            "admitted_on": rec.get("admitted_on"),
            "official_on": rec.get("official_on"),
        }
        if pid is None:
            pid, next_id = next_id, next_id + 1
            new_people.append(
                (
                    pid,
                    name,
                    fold(name),
                    given_first_key(name),
                    name_sort_key(name),
                    rec.get("birth_date"),
                    rec.get("gender"),
                    rec["ethnicity"],
                    rec["religion"],
                    rec.get("education"),
                    rec["national_id"],
                    rec["phone"],
                    rec["unit_id"],
                    False,
                    False,
                    now,
                    now,
                )
            )
            new_members.append((pid, *member_values.values(), now))
            result.new += 1
            continue
        if pid in members:
            old = session.get(Member, members[pid])
            if all(getattr(old, k) == v for k, v in member_values.items()):
                result.unchanged += 1
                continue
            session.execute(
                update(Member).where(Member.id == old.id).values(**member_values, updated_at=now)
            )
        else:
            new_members.append((pid, *member_values.values(), now))
        result.updated += 1
    bulk_insert(
        session,
        "person",
        [
            "id",
            "full_name",
            "name_key",
            "given_key",
            "sort_key",
            "birth_date",
            "gender",
            "ethnicity",
            "religion",
            "education",
            "national_id",
            "phone",
            "unit_id",
            "youth_union",
            "trade_union",
            "created_at",
            "updated_at",
        ],
        new_people,
    )
    bulk_insert(
        session,
        "member",
        [
            "person_id",
            "unit_id",
            "status",
            "key_position",
            "position",
            "admitted_on",
            "official_on",
            "updated_at",
        ],
        new_members,
    )
    audit.record(
        session, entity="import", entity_id=str(path), action="members", after=result.as_dict()
    )
    return result
