"""Lists as people and scripts read them (issue #16): `unit list` over every unit of the data
set and the name search, as a table at an 80-column terminal and in every script format,
against the yardstick `python3 -c "import typer, sqlmodel, rich.table"`.

The outputs go to /dev/null, which is not a terminal: the table cases set TTY_COMPATIBLE=1
(and COLUMNS=80), so they measure the terminal's layout (widths, wrapping), not the pipe's
tab-separated lines, which are measured as their own case.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from bench_lib import Case, dangvien_argv, fmt_s, measure
from bench_report import Target, table

DV = dangvien_argv()
AT_TERMINAL = ["env", "TTY_COMPATIBLE=1", "COLUMNS=80"]
YARDSTICK = 'python3 -c "import typer, sqlmodel, rich.table"'
SCRIPT_FORMATS = ("csv", "tsv", "json", "ndjson")
TABLE_RATIO = 1.5  # ≤ 1.5× the yardstick as a table
EVERY_FORMAT = 1.0  # seconds, at 60,000 units


def bench_lists(units_db: Path, search_db: Path, search: str, runs: int) -> list[Case]:
    units = f"{count_units(units_db):,} units"
    people = f"{count_people(search_db):,} candidates"
    cases = [
        Case(YARDSTICK, [sys.executable, "-c", "import typer, sqlmodel, rich.table"]),
        Case(
            f"unit list, table at 80 columns ({units})",
            [*AT_TERMINAL, *DV, "unit", "list", "--db", str(units_db)],
        ),
        Case(f"unit list, piped table ({units})", [*DV, "unit", "list", "--db", str(units_db)]),
        *(
            Case(
                f"unit list --format {fmt} ({units})",
                [*DV, "unit", "list", "--db", str(units_db), "--format", fmt],
            )
            for fmt in SCRIPT_FORMATS
        ),
        Case(
            f'candidate list --search "{search}", table at 80 columns ({people})',
            [*AT_TERMINAL, *DV, "candidate", "list", "--search", search, "--db", str(search_db)],
        ),
    ]
    measure(cases, runs, "lists")
    return cases


def count_units(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM unit").fetchone()[0]


def count_people(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]


def lists_table(cases: list[Case]) -> str:
    base = cases[0].wall
    rows = [
        [f"`{c.name}`", fmt_s(c.wall), c.spread, f"{c.wall / base:.2f}×", f"{c.rss_mib:.1f} MiB"]
        for c in cases
    ]
    return table(["command", "median", "min–max", "÷ yardstick", "peak RSS"], rows)


def list_targets(cases: list[Case]) -> list[Target]:
    base, unit_table, *rest = cases
    search_table = rest[-1]
    out = [
        Target(
            f"`{c.name}` vs `{YARDSTICK}`",
            f"{fmt_s(c.wall)} vs {fmt_s(base.wall)} = {c.wall / base.wall:.2f}×",
            f"≤ {TABLE_RATIO}×",
            c.wall / base.wall <= TABLE_RATIO,
        )
        for c in (unit_table, search_table)
    ]
    slowest = max([unit_table, *rest[:-1]], key=lambda c: c.wall)
    out.append(
        Target(
            "`unit list` in every format (slowest: " + slowest.name.split(" (")[0] + ")",
            fmt_s(slowest.wall),
            f"< {EVERY_FORMAT} s",
            slowest.wall < EVERY_FORMAT,
        )
    )
    return out


def bench_unit_reports(db: Path, runs: int) -> list[Case]:
    """The reports a province's or a grassroots unit's clerk runs on a nation's database
    (`--unit`): they read that unit's people, not the nation's. As a table at 80 columns."""
    province, grassroots = pick_units(db)
    period = ["--period", "2024", "--as-of", "31/12/2024", "--db", str(db)]
    cases = [
        Case(
            f"report pipeline --unit {grassroots} (a grassroots unit)",
            [*AT_TERMINAL, *DV, "report", "pipeline", "--unit", grassroots, *period],
        ),
        Case(
            f"report deadlines --unit {grassroots}",
            [*AT_TERMINAL, *DV, "report", "deadlines", "--unit", grassroots, *period[2:]],
        ),
        Case(
            f"report document --unit {province} (a province's committee report, Markdown)",
            [*DV, "report", "document", "--unit", province, *period],
        ),
    ]
    measure(cases, runs, "unit reports")
    return cases


def pick_units(db: Path) -> tuple[str, str]:
    """The first province-level committee and the first grassroots unit by code."""
    with sqlite3.connect(db) as conn:
        codes = [c for (c,) in conn.execute("SELECT code FROM unit ORDER BY code")]
    return next(c for c in codes if "." not in c), next(c for c in codes if c.count(".") == 2)


def unit_reports_table(cases: list[Case]) -> str:
    rows = [[f"`{c.name}`", fmt_s(c.wall), c.spread, f"{c.rss_mib:.1f} MiB"] for c in cases]
    return table(["command", "median", "min–max", "peak RSS"], rows)
