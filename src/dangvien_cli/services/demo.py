"""The example database: the files in examples/, loaded through the imports a clerk runs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dangvien_cli.db import examples_dir
from dangvien_cli.errors import DangvienError
from dangvien_cli.models import Person, Unit
from dangvien_cli.services.classes import add_class, attach_certified
from dangvien_cli.services.imports.candidates import import_candidates
from dangvien_cli.services.imports.members import import_members
from dangvien_cli.services.imports.quotas import import_quotas
from dangvien_cli.services.imports.units import import_units

DALAN_CLASS = {
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
    units = import_units(session, folder / "units.csv")
    import_quotas(session, folder / "quotas.csv", default_source="cap-tren")
    candidates = import_candidates(session, folder / "candidates.csv")
    import_members(session, folder / "members_dalan.csv", unit_code="DALAN")
    # The article: "in 11/2021 Dạ Lan had 5 candidates at the awareness class, all passed".
    # Their certificates came in with candidates.csv; the class itself is recorded here.
    add_class(session, **DALAN_CLASS)
    attach_certified(session, DALAN_CLASS["code"])
    people = session.execute(select(func.count()).select_from(Person)).scalar_one()
    return {"units": units.new, "candidates": candidates.new, "people": people}
