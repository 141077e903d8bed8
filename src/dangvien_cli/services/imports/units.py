"""Import of the unit tree, matched by unit code. A parent may come later in the same file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.dialect import bulk_update
from dangvien_cli.errors import DangvienError, RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.models import Unit, pk, rowcount, table_of
from dangvien_cli.services import audit
from dangvien_cli.services.imports import (
    ColumnMap,
    FieldSpec,
    ImportFile,
    ImportResult,
    Row,
    parse_date_cell,
    raise_if_errors,
    start_import,
)
from dangvien_cli.services.unit_life import (
    DateBounds,
    contradicting_dates,
    date_bounds,
    refuse_dissolving_the_living,
)
from dangvien_cli.services.units import check_code, check_name, check_parent_outlives, code_key
from dangvien_cli.values import parse_choice
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
    # The unit that took over a dissolved one (unit merge): its facts count there later.
    FieldSpec("successor", ("Đơn vị kế thừa", "Mã đơn vị kế thừa", "successor_code")),
]
OPTIONAL = ("kind", "parent_key", "block", "founded_on", "dissolved_on", "successor_key")


def import_units(session: Session, file: ImportFile) -> ImportResult:
    mapping, result, errors = start_import("units", file, FIELDS)
    records: dict[str, dict[str, Any]] = {}
    for row in mapping.rows(errors, file.progress):
        result.rows += 1
        rec = _parse(row, mapping, errors)
        if rec is None:
            continue
        key = code_key(rec["code"])
        if key in records:
            first = records[key]["line"]
            errors.add(row.line, row.column("code"), rec["code"], _dup(rec["code"], first))
            continue
        records[key] = rec

    existing = {
        r.code_key: r
        for r in session.execute(
            select(
                col(Unit.id),
                col(Unit.code_key),
                col(Unit.name),
                col(Unit.kind),
                col(Unit.parent_id),
                col(Unit.block),
                col(Unit.founded_on),
                col(Unit.dissolved_on),
                col(Unit.merged_into_id),
            )
        ).all()
    }
    key_by_id = {r.id: k for k, r in existing.items()}
    bounds = date_bounds(session, [r.id for k, r in existing.items() if k in records])
    for key, rec in records.items():
        old = existing.get(key)
        _merge_with_stored(rec, old, key_by_id)
        _check_dates(rec, bounds.get(old.id) if old is not None else None, errors)
        if old is not None and rec["dissolved_on"] not in (None, old.dissolved_on):
            _check_nothing_stranded(session, old.id, rec, errors)
        parent = rec["parent_key"]
        if parent and parent not in records and parent not in existing:
            errors.add(rec["line"], rec["parent_col"], rec["parent_raw"], _parent_missing(rec))
        elif parent:
            _check_parent_outlives(rec, records, existing, errors)
        _check_successor(rec, records, existing, errors)
    _check_cycles(records, existing, key_by_id, errors)
    raise_if_errors(file.path, errors)
    _write(session, records, existing, key_by_id, result)
    audit.record(session, "import", str(file.path), "units", after=result.as_dict())
    return result


def _parse(row: Row, mapping: ColumnMap, errors: RowErrors) -> dict[str, Any] | None:
    before = len(errors.items)
    rec: dict[str, Any] = {"line": row.line}
    for key, parse in (
        ("kind", lambda v: parse_choice(v, UnitKind, "kind", labels="kind")),
        ("block", lambda v: parse_choice(v, Block, "block", labels="block")),
        ("founded_on", parse_date_cell),
        ("dissolved_on", parse_date_cell),
    ):
        if not mapping.has(key):
            continue
        try:
            value = parse(row.raw(key))
            rec[key] = value.value if isinstance(value, UnitKind | Block) else value
        except DangvienError as exc:
            errors.add(row.line, row.column(key), row.raw(key), exc.message())
    code, name = row.text("code"), row.text("name")
    try:
        code = check_code(code or "")
    except DangvienError as exc:
        errors.add(row.line, row.column("code"), code, exc.message())
    try:
        name = check_name(name or "")
    except DangvienError as exc:
        errors.add(row.line, row.column("name"), name, exc.message())
    if len(errors.items) > before:
        return None
    assert code is not None  # check_code passed
    rec.update(
        code=code, name=name, parent_col=row.column("parent"), successor_col=row.column("successor")
    )
    if mapping.has("successor"):
        rec["successor_raw"] = row.text("successor")
        rec["successor_key"] = code_key(rec["successor_raw"] or "") or None
    rec["columns"] = {k: row.column(k) for k in ("founded_on", "dissolved_on") if mapping.has(k)}
    if mapping.has("parent"):
        rec["parent_raw"] = row.text("parent")
        rec["parent_key"] = code_key(rec["parent_raw"] or "") or None
        if rec["parent_key"] == code_key(code):
            errors.add(row.line, rec["parent_col"], rec["parent_raw"], _cycle(code))
            return None
    return rec


def _check_dates(rec: dict[str, Any], bounds: DateBounds | None, errors: RowErrors) -> None:
    """The dates as they will be (the file's, else the stored ones) against each other and
    the unit's own admissions and quotas (units.contradicting_dates)."""
    wrong = contradicting_dates(rec["founded_on"], rec["dissolved_on"], bounds)
    if wrong is not None:
        field = "founded_on" if wrong[0].startswith("unit.founded_after") else "dissolved_on"
        value = rec[field]
        errors.add(
            rec["line"],
            rec["columns"].get(field, field),
            fmt_date(value) if value else "",
            t(wrong[0], code=rec["code"], **wrong[1]),
        )


def _check_parent_outlives(
    rec: dict[str, Any], records: dict[str, Any], existing: dict[str, Any], errors: RowErrors
) -> None:
    """No unit under a parent dissolved before it ends (units.check_parent_outlives): the
    parent's date from the file where it gives one (its record may not be merged yet)."""
    parent = rec["parent_key"]
    stored = existing.get(parent)
    gone = records.get(parent, {}).get("dissolved_on") or (stored.dissolved_on if stored else None)
    try:
        check_parent_outlives(rec["parent_raw"], gone, rec["dissolved_on"])
    except DangvienError as exc:
        errors.add(rec["line"], rec["parent_col"], rec["parent_raw"], exc.message())


def _check_nothing_stranded(
    session: Session, unit_id: int, rec: dict[str, Any], errors: RowErrors
) -> None:
    """A unit the file dissolves holds nothing alive after that day (unit_life)."""
    try:
        refuse_dissolving_the_living(session, {unit_id: rec["code"]}, rec["dissolved_on"])
    except DangvienError as exc:
        column = rec["columns"].get("dissolved_on", "dissolved_on")
        errors.add(rec["line"], column, fmt_date(rec["dissolved_on"]), exc.message())


def _merge_with_stored(rec: dict[str, Any], old: Any, key_by_id: dict[int, str]) -> None:
    """Fill what the file does not say: from the stored unit, else the defaults."""
    stored = (
        {
            "kind": old.kind,
            "parent_key": key_by_id.get(old.parent_id),
            "block": old.block,
            "founded_on": old.founded_on,
            "dissolved_on": old.dissolved_on,
            "successor_key": key_by_id.get(old.merged_into_id),
        }
        if old is not None
        else {"kind": UnitKind.chi_bo_co_so.value}
    )
    for key in OPTIONAL:
        # An empty kind or block keeps what is stored: a unit always has a kind, and an
        # empty block means "as the parent's".
        if key not in rec or (key in ("kind", "block") and rec[key] is None):
            rec[key] = stored.get(key)
    rec.setdefault("parent_raw", rec["parent_key"])
    rec.setdefault("successor_raw", rec["successor_key"])


def _check_successor(
    rec: dict[str, Any],
    records: dict[str, dict[str, Any]],
    existing: dict[str, Any],
    errors: RowErrors,
) -> None:
    """A successor is another unit, known, of a unit the file (or the database) dissolves."""
    successor = rec["successor_key"]
    if not successor:
        return
    where = (rec["line"], rec["successor_col"], rec["successor_raw"])
    if successor == code_key(rec["code"]):
        errors.add(*where, t("unit.merge_self", code=rec["code"]))
    elif successor not in records and successor not in existing:
        errors.add(*where, t("unit.not_found", code=rec["successor_raw"]))
    elif rec["dissolved_on"] is None:
        errors.add(*where, t("import.successor_without_dissolved", code=rec["code"]))


def _write(
    session: Session,
    records: dict[str, dict[str, Any]],
    existing: dict[str, Any],
    key_by_id: dict[int, str],
    result: ImportResult,
) -> None:
    new_rows, changed = [], []
    for key, rec in records.items():
        old = existing.get(key)
        if old is None:
            new_rows.append(rec)
        elif (rec["name"], *(rec[f] for f in OPTIONAL)) != (
            old.name,
            old.kind,
            key_by_id.get(old.parent_id),
            old.block,
            old.founded_on,
            old.dissolved_on,
            key_by_id.get(old.merged_into_id),
        ):
            changed.append((old.id, rec))
    result.new, result.updated = len(new_rows), len(changed)
    result.unchanged = len(records) - result.new - result.updated
    if new_rows:
        session.execute(insert(Unit), [{**_values(r), "code": r["code"]} for r in new_rows])
    for unit_id, rec in changed:
        session.execute(update(Unit).where(col(Unit.id) == unit_id).values(**_values(rec)))
    ids = dict(session.execute(select(col(Unit.code_key), pk(Unit.id))).all())
    moved = [
        {
            "id": ids[code_key(r["code"])],
            "parent_id": ids[r["parent_key"]] if r["parent_key"] else None,
            "merged_into_id": ids[r["successor_key"]] if r["successor_key"] else None,
        }
        for r in [*new_rows, *(rec for _id, rec in changed)]
    ]
    bulk_update(session, table_of(Unit), "id", moved)
    _inherit_blocks(session)


def _values(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "code_key": code_key(rec["code"]),
        "name": rec["name"],
        "name_key": fold(rec["name"]),
        "kind": rec["kind"],
        "block": rec["block"],
        "founded_on": rec["founded_on"],
        "dissolved_on": rec["dissolved_on"],
    }


def _inherit_blocks(session: Session) -> None:
    """A unit with no block of its own takes its parent's (one statement per tree level)."""
    for _ in range(32):
        done = session.execute(
            text(
                "UPDATE unit SET block = (SELECT p.block FROM unit p WHERE p.id = unit.parent_id) "
                "WHERE block IS NULL AND parent_id IS NOT NULL AND "
                "(SELECT p.block FROM unit p WHERE p.id = unit.parent_id) IS NOT NULL"
            )
        )
        if not rowcount(done):
            break


def _check_cycles(
    records: dict[str, dict[str, Any]],
    existing: dict[str, Any],
    key_by_id: dict[int, str],
    errors: RowErrors,
) -> None:
    parent_of = {k: key_by_id.get(r.parent_id) for k, r in existing.items()}
    parent_of.update({k: r["parent_key"] for k, r in records.items()})
    for key, rec in records.items():
        seen, cur = {key}, parent_of.get(key)
        while cur:
            if cur in seen:
                errors.add(rec["line"], rec["parent_col"], rec["parent_raw"], _cycle(rec["code"]))
                break
            seen.add(cur)
            cur = parent_of.get(cur)


def _dup(code: str, first: int) -> str:
    return t("import.duplicate_in_file", value=code, first=first)


def _parent_missing(rec: dict[str, Any]) -> str:
    return t("unit.parent_not_found", code=rec["parent_raw"])


def _cycle(code: str) -> str:
    return t("unit.cycle", code=code)
