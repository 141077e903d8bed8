"""Who was admitted: the rows of Biểu 2-BTCTW for the admissions decided in a period, next to
the same window one year earlier and the ratio the form prints (col2 × 100 / col3).

An admission counts exactly as in the quota report: its decision date lies in the period, up
to ``--as-of``, and its unit is the chosen unit or below it. Two grouped queries (this period,
the year before) return one line per distinct combination of the person's recorded values
and age at the decision; the mapping onto the form's rows (services.reports.bieu2) runs on
those few lines, never on people.

Row keys: ``section`` (general | occupation | age | education | professional), ``row``
(a code of bieu2), ``period``, ``start_on``, ``end_on``, ``previous_start_on``,
``previous_end_on``, ``current``, ``previous`` (counts; the row ``age-average`` holds the
average age in years, one decimal, or null) and ``ratio_percent`` (null when ``previous``
is 0 or null).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlmodel import col

from dangvien_cli.models import Admission, Person
from dangvien_cli.services.reports import bieu2
from dangvien_cli.services.reports.scope import window
from dangvien_cli.services.reports.sqlfuncs import age_years, held_subtree_select
from dangvien_cli.services.units import get_unit, require_alive

FIELDS = (
    "section",
    "row",
    "period",
    "start_on",
    "end_on",
    "previous_start_on",
    "previous_end_on",
    "current",
    "previous",
    "ratio_percent",
)


def _tally(
    session: Session, start: date, end: date, unit_id: int | None, on: date
) -> dict[str, Any]:
    """The admissions decided from ``start`` to ``end`` in the unit ``unit_id`` as the tree
    stood on ``on`` (the period's last day: a merged unit's count for its successor)."""
    age = age_years(Person.birth_date, Admission.decision_date)
    dims = (
        col(Person.gender),
        col(Person.ethnicity),
        col(Person.religion),
        col(Person.youth_union),
        col(Person.occupation),
        col(Person.education),
        col(Person.professional_education),
        age,
    )
    query = (
        select(*dims, func.count())
        .select_from(Admission)
        .join(Person, col(Person.id) == Admission.person_id)
        .where(col(Admission.decision_date).between(start, end))
        .group_by(*dims)
    )
    if unit_id is not None:
        query = query.where(col(Admission.unit_id).in_(held_subtree_select(unit_id, on)))
    counts: Counter[str] = Counter()
    ages = 0
    for gender, ethnicity, religion, youth, occupation, education, pro, years, n in session.execute(
        query
    ):
        rows = [
            "total",
            bieu2.occupation_row(occupation),
            bieu2.age_row(years),
            bieu2.education_row(education),
        ]
        rows += ["women"] if gender == "nu" else []
        rows += ["ethnic-minority"] if bieu2.is_ethnic_minority(ethnicity) else []
        rows += [] if bieu2.stated(ethnicity) else ["ethnicity-not-stated"]
        rows += ["religious"] if bieu2.is_religious(religion) else []
        rows += [] if bieu2.stated(religion) else ["religion-not-stated"]
        rows += ["youth-union"] if youth else []
        rows += ["private-owner"] if occupation == bieu2.PRIVATE_OWNER else []
        level = bieu2.professional_level(pro)
        rows += [f"pro-{level}"] if level else []
        for row in rows:
            counts[row] += n
        if years is not None:
            ages += years * n
    dated = counts["total"] - counts["age-not-stated"]
    return {"counts": counts, "average_age": round(ages / dated, 1) if dated else None}


def _value(tally: dict[str, Any], row: str) -> float | int | None:
    return tally["average_age"] if row == "age-average" else tally["counts"][row]


def report_composition(
    session: Session, *, period_code: str, as_of: date, unit_code: str | None = None
) -> list[dict[str, Any]]:
    win = window(session, period_code, as_of)
    unit_id = None
    if unit_code:
        unit = get_unit(session, unit_code)
        require_alive(unit, win.end)
        unit_id = unit.id
    prev_start, prev_end = win.previous_year()
    # One tree for both columns, the window's last day: the year before is counted for the
    # units of this year, so that the ratio compares like with like.
    now = _tally(session, win.start, win.end, unit_id, win.end)
    before = _tally(session, prev_start, prev_end, unit_id, win.end)
    base = {
        "period": win.period.code,
        "start_on": win.start,
        "end_on": win.end,
        "previous_start_on": prev_start,
        "previous_end_on": prev_end,
    }
    rows = []
    for section, codes in bieu2.SECTIONS:
        for code in codes:
            current, previous = _value(now, code), _value(before, code)
            ratio = round(current * 100 / previous, 1) if current is not None and previous else None
            rows.append(
                {
                    "section": section,
                    "row": code,
                    **base,
                    "current": current,
                    "previous": previous,
                    "ratio_percent": ratio,
                }
            )
    return rows
