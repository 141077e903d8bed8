"""The example database: the files in examples/, loaded through the imports a clerk runs."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangvien_cli.db import examples_dir
from dangvien_cli.errors import DangvienError
from dangvien_cli.models import Person, Unit
from dangvien_cli.services.classes import add_class, attach_certified
from dangvien_cli.services.imports import ImportFile
from dangvien_cli.services.imports.candidates import import_candidates
from dangvien_cli.services.imports.members import import_members
from dangvien_cli.services.imports.quotas import import_quotas
from dangvien_cli.services.imports.units import import_units
from dangvien_cli.values import parse_date
from dangvien_cli.vocab import Block, UnitKind


class _Class(TypedDict):
    """The arguments of add_class, so that a type checker reads them."""

    code: str
    name: str
    organizer: str
    unit_code: str
    start_on: date
    end_on: date


DALAN_CLASS: _Class = {
    "code": "BDNT-DALAN-2021-11",
    "name": "Lớp bồi dưỡng nhận thức về Đảng",
    "organizer": "Trung tâm Chính trị thành phố Thanh Hóa",
    "unit_code": "DALAN",
    "start_on": date(2021, 11, 22),
    "end_on": date(2021, 11, 26),
}


def load_demo(session: Session) -> dict[str, int]:
    if session.execute(select(func.count()).select_from(Unit)).scalar_one():
        raise DangvienError("demo.not_empty", where="--db")
    folder = examples_dir()
    units = import_units(session, ImportFile(folder / "units.csv"))
    import_quotas(session, ImportFile(folder / "quotas.csv"), default_source="cap-tren")
    candidates = import_candidates(session, ImportFile(folder / "candidates.csv"))
    import_members(session, ImportFile(folder / "members_dalan.csv"), unit_code="DALAN")
    # The article: "in 11/2021 Dạ Lan had 5 candidates at the awareness class, all passed".
    # Their certificates came in with candidates.csv; the class itself is recorded here.
    add_class(session, **DALAN_CLASS)
    attach_certified(session, DALAN_CLASS["code"])
    restructure(session, folder / "restructuring_2025.csv")
    people = session.execute(select(func.count()).select_from(Person)).scalar_one()
    return {"units": units.new, "candidates": candidates.new, "people": people}


def restructure(session: Session, path: Path) -> None:
    """The map change of 1/7/2025 (examples/make_examples.py says which parts a source
    confirms), act by act through the services ``unit merge`` / ``unit move`` / ``unit edit``
    use, each act dated and audited as the clerk's would be."""
    from dangvien_cli.services.restructure import DAY, merge_units, move_unit
    from dangvien_cli.services.units import add_unit, edit_unit

    with path.open(encoding="utf-8", newline="") as fh:
        for act in csv.DictReader(fh):
            on = parse_date(act["on"])
            assert on is not None
            codes = act["units"].split()
            if act["act"] == "add":
                unit = add_unit(
                    session,
                    code=act["into"],
                    name=act["name"],
                    kind=UnitKind(act["kind"]),
                    founded_on=on,
                )
                unit.state_since = on
            elif act["act"] == "merge":
                merge_units(
                    session,
                    codes,
                    into=act["into"],
                    on=on,
                    name=act["name"] or None,
                    kind=UnitKind(act["kind"]) if act["kind"] else None,
                    parent=act["parent"] or None,
                    block=Block(act["block"]) if act["block"] else None,
                )
            elif act["act"] == "move":
                for code in codes:
                    move_unit(session, code, parent=act["into"], on=on)
            else:  # dissolve: the day before the act, no successor
                for code in codes:
                    edit_unit(session, code, dissolved_on=on - DAY)
