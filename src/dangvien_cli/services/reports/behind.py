"""Units behind plan: the quota rows below pace, with what each still needs per month.

Row keys: those of the quota report (``row_type`` … ``status``, ``admitted_YYYY``) plus
``shortfall`` (admissions missing against the pace today), ``months_left`` (calendar months
with days left in the period after ``as_of``) and ``needed_per_month`` (remaining ÷
months_left, one decimal; null once the period is over). Worst shortfall first.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dangvien_cli.reader import Reader
from dangvien_cli.services.reports.quota import UNIT_FIELDS, report_quota
from dangvien_cli.services.reports.scope import read_window

FIELDS = (*UNIT_FIELDS, "shortfall", "months_left", "needed_per_month")


def months_left(as_of: date, start: date, end: date) -> int:
    """Calendar months that still hold days of the period after ``as_of``."""
    first = max(as_of + timedelta(days=1), start)
    if first > end:
        return 0
    return (end.year - first.year) * 12 + end.month - first.month + 1


def report_behind(
    reader: Reader,
    *,
    period_code: str,
    as_of: date,
    unit_code: str | None = None,
    depth: int | None = None,
) -> list[dict[str, Any]]:
    win = read_window(reader, period_code, as_of)
    left = months_left(as_of, win.period.start_on, win.period.end_on)
    rows = []
    for row in report_quota(
        reader, period_code=period_code, as_of=as_of, unit_code=unit_code, depth=depth
    ):
        if row["status"] != "cham":
            continue
        due_now = row["target"] * win.gone // win.days
        rows.append(
            {
                **row,
                "shortfall": due_now - row["admitted"],
                "months_left": left,
                "needed_per_month": round(row["remaining"] / left, 1) if left else None,
            }
        )
    rows.sort(key=lambda r: (-r["shortfall"], r["unit_code"].casefold(), r["source"]))
    return rows
