"""Import of the unit tree. A parent may come later in the same file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import t
from dangvien_cli.models import Unit
from dangvien_cli.services import audit
from dangvien_cli.services.imports import FieldSpec, ImportResult, open_mapped, raise_if_errors
from dangvien_cli.services.units import code_key
from dangvien_cli.values import parse_choice, parse_date
from dangvien_cli.vntext import fold
from dangvien_cli.vocab import Block, UnitKind

FIELDS = [
    FieldSpec("code", ("Mã đơn vị", "Mã", "Mã tổ chức", "unit_code", "Ký hiệu"), required=True),
    FieldSpec("name", ("Tên", "Tên đơn vị", "Tên tổ chức đảng", "Tên tổ chức"), required=True),
    FieldSpec("kind", ("Loại", "Loại hình", "Loại tổ chức", "Cấp")),
    FieldSpec("parent", ("Cấp trên", "Mã cấp trên", "Đơn vị cấp trên", "parent_code")),
    FieldSpec("block", ("Khối", "Khối đơn vị")),
    FieldSpec("founded_on", ("Ngày thành lập",)),
    FieldSpec("dissolved_on", ("Ngày giải thể",)),
]
COMPARED = ("name", "kind", "parent_key", "block", "founded_on", "dissolved_on")


def import_units(
    session: Session,
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    progress: Any = None,
) -> ImportResult:
    mapping = open_mapped(path, FIELDS, encoding=encoding, delimiter=delimiter, sheet=sheet)
    result = ImportResult("units", str(path), mapping.table.encoding, dry_run=dry_run)
    result.warnings += [f"column ignored: {c}" for c in mapping.unknown]
    errors = RowErrors()
    records: dict[str, dict[str, Any]] = {}
    for row in mapping.rows():
        result.rows += 1
        rec: dict[str, Any] = {"line": row.line}
        for key, parse in (
            ("kind", lambda v: parse_choice(v, UnitKind, "kind")),
            ("block", lambda v: parse_choice(v, Block, "block")),
            ("founded_on", parse_date),
            ("dissolved_on", parse_date),
        ):
            try:
                value = parse(row.raw(key))
                rec[key] = value.value if hasattr(value, "value") else value
            except DangvienError as exc:
                errors.add(row.line, row.column(key), row.raw(key), exc.message())
        code, name = row.text("code"), row.text("name")
        if not code:
            errors.add(row.line, row.column("code"), "", _required("code"))
            continue
        if not name:
            errors.add(row.line, row.column("name"), "", _required("name"))
        rec.update(code=code, name=name, parent_key=code_key(row.text("parent") or "") or None)
        rec["parent_raw"] = row.text("parent")
        rec["kind"] = rec.get("kind") or UnitKind.chi_bo_co_so.value
        if code_key(code) in records:
            first = records[code_key(code)]["line"]
            errors.add(row.line, row.column("code"), code, _dup(code, first))
            continue
        records[code_key(code)] = rec

    existing = {
        r.code_key: r
        for r in session.execute(
            select(
                Unit.id,
                Unit.code_key,
                Unit.name,
                Unit.kind,
                Unit.parent_id,
                Unit.block,
                Unit.founded_on,
                Unit.dissolved_on,
            )
        ).all()
    }
    key_by_id = {r.id: k for k, r in existing.items()}
    for key, rec in records.items():
        parent = rec["parent_key"]
        if parent and parent not in records and parent not in existing:
            errors.add(rec["line"], "parent", rec["parent_raw"], _parent_missing(rec["parent_raw"]))
        if parent == key:
            errors.add(rec["line"], "parent", rec["parent_raw"], _cycle(rec["code"]))
    _check_cycles(records, existing, key_by_id, errors)
    raise_if_errors(path, errors)

    new_rows, changed = [], []
    for key, rec in records.items():
        old = existing.get(key)
        if old is None:
            new_rows.append(rec)
            continue
        old_values = {
            "name": old.name,
            "kind": old.kind,
            "parent_key": key_by_id.get(old.parent_id),
            "block": old.block,
            "founded_on": old.founded_on,
            "dissolved_on": old.dissolved_on,
        }
        if rec.get("block") is None:
            rec["block"] = old.block
        if any(rec.get(f) != old_values[f] for f in COMPARED):
            changed.append((old.id, rec, old_values))
    result.new, result.updated = len(new_rows), len(changed)
    result.unchanged = len(records) - result.new - result.updated

    if new_rows:
        session.execute(
            insert(Unit),
            [
                {
                    "code": r["code"],
                    "code_key": code_key(r["code"]),
                    "name": r["name"],
                    "name_key": fold(r["name"]),
                    "kind": r["kind"],
                    "block": r.get("block"),
                    "founded_on": r.get("founded_on"),
                    "dissolved_on": r.get("dissolved_on"),
                }
                for r in new_rows
            ],
        )
    ids = dict(session.execute(select(Unit.code_key, Unit.id)).all())
    for unit_id, rec, _old in changed:
        session.execute(
            update(Unit)
            .where(Unit.id == unit_id)
            .values(
                name=rec["name"],
                name_key=fold(rec["name"]),
                kind=rec["kind"],
                block=rec.get("block"),
                founded_on=rec.get("founded_on"),
                dissolved_on=rec.get("dissolved_on"),
            )
        )
    parent_updates = [
        {"uid": ids[k], "pid": ids[r["parent_key"]] if r["parent_key"] else None}
        for k, r in records.items()
    ]
    if parent_updates:
        from sqlalchemy import bindparam

        unit = Unit.__table__
        session.connection().execute(
            update(unit).where(unit.c.id == bindparam("uid")).values(parent_id=bindparam("pid")),
            parent_updates,
        )
    _inherit_blocks(session)
    audit.record(
        session, entity="import", entity_id=str(path), action="units", after=result.as_dict()
    )
    return result


def _inherit_blocks(session: Session) -> None:
    """A unit with no block of its own takes its parent's (one statement per tree level)."""
    from sqlalchemy import text

    for _ in range(32):
        done = session.execute(
            text(
                "UPDATE unit SET block = (SELECT p.block FROM unit p WHERE p.id = unit.parent_id) "
                "WHERE block IS NULL AND parent_id IS NOT NULL AND "
                "(SELECT p.block FROM unit p WHERE p.id = unit.parent_id) IS NOT NULL"
            )
        ).rowcount
        if not done:
            break


def _check_cycles(records, existing, key_by_id, errors: RowErrors) -> None:  # type: ignore[no-untyped-def]
    parent_of = {k: key_by_id.get(r.parent_id) for k, r in existing.items()}
    parent_of.update({k: r["parent_key"] for k, r in records.items()})
    for key, rec in records.items():
        seen, cur = {key}, parent_of.get(key)
        while cur:
            if cur in seen:
                errors.add(rec["line"], "parent", rec["parent_raw"], _cycle(rec["code"]))
                break
            seen.add(cur)
            cur = parent_of.get(cur)


def _required(field: str) -> str:
    return t("error.required", field=field)


def _dup(code: str, first: int) -> str:
    return t("import.duplicate_in_file", value=code, first=first)


def _parent_missing(code: str | None) -> str:
    return t("unit.parent_not_found", code=code)


def _cycle(code: str) -> str:
    return t("unit.cycle", code=code)
