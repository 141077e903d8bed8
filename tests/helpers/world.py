"""A small Party organisation for the pipeline tests, and the helpers they share.

No tests here: the other ``test_pipeline*``/``test_classes``/``test_members`` modules import
these helpers. The world is built through the services a clerk's commands call (units, the
roster import from a real CSV file), in one transaction, so that each test starts fast from
a real migrated database; the step under test then runs through the real CLI.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select

from dangvien_cli.db import open_engine, resolve_url, session_scope
from dangvien_cli.models import metadata
from dangvien_cli.vocab import Block, Gender, Step, UnitKind
from helpers.templates import from_template

# Fictional people. Official since long ago unless said otherwise.
ROSTER = """\
full_name,birth_date,gender,unit_code,status,key_position,position,admitted_on,official_on
Nguyễn Văn Hùng,10/01/1970,nam,CB,chính thức,x,Bí thư chi bộ,01/03/1995,01/03/1996
Trần Thị Mai,20/05/1975,nu,CB,chính thức,x,Phó bí thư,01/05/2000,01/05/2001
Lê Văn Sơn,02/02/1980,nam,CB,chính thức,,Kỹ sư,01/01/2005,01/01/2006
Phạm Thị Hoa,06/06/1998,nu,CB,dự bị,,Công nhân,01/03/2025,
Đỗ Minh Tâm,08/08/1985,nam,CB,chính thức,,Kế toán,01/10/2020,01/10/2021
"""
HUNG, MAI, SON, HOA, TAM = (
    "Nguyễn Văn Hùng",
    "Trần Thị Mai",
    "Lê Văn Sơn",
    "Phạm Thị Hoa",
    "Đỗ Minh Tâm",
)


@contextmanager
def session() -> Iterator[Any]:
    engine = open_engine(resolve_url(None), create=True)
    try:
        with session_scope(engine, write=True) as s:
            yield s
    finally:
        engine.dispose()


def build_world(folder: Path) -> dict[str, int]:
    """TP (upper committee) > DB (grassroots committee) > CB (its cell); CS, a grassroots
    cell straight under TP. The roster of DB; returns member ids by name.

    Built once per run and copied, which saves the migrations and the import. ``folder`` is
    kept for the callers: the roster file is written beside the template."""
    return from_template("world", _build)


def _build(folder: Path) -> dict[str, int]:
    from dangvien_cli.services.imports import ImportFile
    from dangvien_cli.services.imports.members import import_members
    from dangvien_cli.services.units import add_unit

    roster = folder / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with session() as s:
        add_unit(s, code="TP", name="Đảng bộ Thành phố", kind=UnitKind.dang_bo_cap_tren)
        add_unit(
            s,
            code="DB",
            name="Đảng bộ Công ty Sao Mai",
            kind=UnitKind.dang_bo_co_so,
            parent="TP",
            block=Block.doanh_nghiep,
        )
        add_unit(s, code="CB", name="Chi bộ Sản xuất", kind=UnitKind.chi_bo_truc_thuoc, parent="DB")
        add_unit(
            s,
            code="CS",
            name="Chi bộ Trường Tiểu học Hòa Bình",
            kind=UnitKind.chi_bo_co_so,
            parent="TP",
            block=Block.hanh_chinh_su_nghiep,
        )
        import_members(s, ImportFile(roster), unit_code="DB")
    return member_ids()


def member_ids() -> dict[str, int]:
    from dangvien_cli.models import Member, Person

    with session() as s:
        rows = s.execute(select(Person.full_name, Person.id).join(Member)).all()
    return {name: mid for name, mid in rows}  # noqa: C416 (rows are Row objects)


def add_candidate(
    name: str,
    birth: date,
    *,
    unit: str = "CB",
    gender: str = "nam",
    education: str | None = "thpt",
    sourced: date = date(2021, 3, 1),
    youth_union: bool = False,
    trade_union: bool = False,
) -> int:
    from dangvien_cli.services.people import PersonInput
    from dangvien_cli.services.pipeline import register_candidate

    data = PersonInput(
        full_name=name,
        birth_date=birth,
        gender=Gender(gender),
        education=education,
        youth_union=youth_union,
        trade_union=trade_union,
    )
    with session() as s:
        person, _warnings, _similar = register_candidate(
            s, data, unit_code=unit, sourced_on=sourced, mentor={"mentor": HUNG}
        )
        return person.id


# A plan: the dates of each step; a candidate is walked through it up to a given step.
PLAN_2021 = {
    Step.class_passed: date(2021, 4, 15),
    Step.application: date(2021, 5, 10),
    "2-KNĐ": date(2021, 5, 12),
    Step.introducers: date(2021, 6, 1),
    Step.background_check: date(2021, 6, 10),
    "5-KNĐ": date(2021, 6, 15),
    Step.cell_vote: date(2021, 9, 6),
    Step.committee_resolution: date(2021, 9, 13),
    Step.decision: date(2021, 11, 8),
    Step.ceremony: date(2021, 11, 15),
}
PLAN_2025 = {
    Step.class_passed: date(2025, 3, 14),
    Step.application: date(2025, 4, 2),
    "2-KNĐ": date(2025, 4, 5),
    Step.introducers: date(2025, 6, 2),
    Step.background_check: date(2025, 6, 20),
    "5-KNĐ": date(2025, 7, 1),
    Step.cell_vote: date(2025, 9, 1),
    Step.committee_resolution: date(2025, 9, 8),
    Step.decision: date(2025, 9, 10),
    Step.ceremony: date(2025, 9, 15),
}
QD24 = "24-QĐ/TW (2021)"
QD294 = "294-QĐ/TW (2025)"


def cell_officials(s: Any, person_id: int, on: date) -> int | None:
    """The official members of the person's cell on `on` by its roster (None: no roster)."""
    from dangvien_cli.models import Person
    from dangvien_cli.services.members import official_count

    return official_count(s, s.get(Person, person_id).unit_id, on)


def officials_on(person_id: int, on: date) -> int | None:
    with session() as s:
        return cell_officials(s, person_id, on)


def walk(person_id: int, plan: dict[Any, date], upto: Any, members: dict[str, int]) -> None:
    """Record every step of `plan` before `upto` through the pipeline service."""
    from dangvien_cli.services.members import Introducer, introducer_entries
    from dangvien_cli.services.pipeline import StepInput, record_step

    with session() as s:
        for key, on in plan.items():
            if key == upto:
                return
            if not isinstance(key, Step):
                item = StepInput(Step.dossier, on, detail={"item": key})
            elif key is Step.introducers:
                intro = [Introducer(members[HUNG], None, 60), Introducer(members[MAI], None, 48)]
                entries = introducer_entries(s, person_id, on, intro)
                item = StepInput(key, on, detail={"route": "two-members", "introducers": entries})
            elif key is Step.cell_vote:
                # R14: every official member of the cell agrees (its roster's count, if any)
                everyone = cell_officials(s, person_id, on) or 10
                item = StepInput(key, on, detail={"votes_for": everyone})
                if cell_officials(s, person_id, on) is None:
                    item.detail["official_members"] = everyone
            elif key is Step.decision:
                item = StepInput(key, on, document_no="1-QĐ/TU", issuer="BTV Thành ủy")
            elif key is Step.class_passed:
                item = StepInput(key, on, document_no="1/CN-TTCT")
            else:
                item = StepInput(key, on)
            record_step(s, person_id, item)


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: a refusal must leave all of them as they were."""
    engine = create_engine(resolve_url(None))
    try:
        with engine.connect() as conn:
            return {
                table.name: [
                    tuple(r)
                    for r in conn.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in metadata.sorted_tables
            }
    finally:
        engine.dispose()


def argv(args: tuple[object, ...]) -> tuple[object, ...]:
    """A command given as one shell-like string, or as separate arguments."""
    if len(args) == 1 and isinstance(args[0], str):
        return tuple(shlex.split(args[0]))
    return args


def refused(cli: Any, *args: object, code: int = 1) -> str:
    """Run a command that must be refused; assert it wrote nothing; return its stderr."""
    before = snapshot()
    result = cli(*argv(args))
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert snapshot() == before
    return result.stderr


def ok(cli: Any, *args: object) -> Any:
    result = cli(*argv(args))
    assert result.exit_code == 0, result.output
    return result


def show(cli: Any, person_id: int, *extra: object) -> dict[str, Any]:
    return cli.json("candidate", "show", person_id, *extra)
