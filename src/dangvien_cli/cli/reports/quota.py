"""dangvien report quota and report behind (services/reports/quota.py, behind.py): the
quota table also printed by ``dangvien demo`` and written as the document's annex."""

import math
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command
from dangvien_cli.cli._options import opt
from dangvien_cli.cli.reports._shared import (
    ADMITTED,
    BAR,
    CODE,
    EXPECTED,
    LABEL,
    PERCENT,
    QUOTA_COLUMNS,
    REMAINING,
    SOURCE,
    STATUS,
    TARGET,
    DepthOpt,
    OutputOpt,
    PaceDayOpt,
    PeriodOpt,
    UnitOpt,
    checked_output,
    group,
    labels,
    progress,
    report_day,
)
from dangvien_cli.errors import ThresholdNotMet
from dangvien_cli.i18n import fmt_date, fmt_int, fmt_percent, t
from dangvien_cli.render import Column, OutputFormat
from dangvien_cli.render_output import Footer, Rows, View, deliver


def _finite(ctx: typer.Context, param: Any, value: float | None) -> float | None:
    """A threshold of infinity would fail every unit and print "inf%"."""
    if value is not None and not math.isfinite(value):
        message = t("error.not_finite", value=value)
        raise typer.BadParameter(message, ctx=ctx, param=param)
    return value


@command(group, "quota", help_key="help.report.quota")
def quota(
    *,
    period: PeriodOpt,
    as_of: PaceDayOpt = None,
    by: Annotated[str, opt("--by", help_key="opt.by")] = "unit",
    unit: UnitOpt = None,
    depth: DepthOpt = None,
    fail_under: Annotated[
        float | None, opt("--fail-under", help_key="opt.fail_under", min=0, callback=_finite)
    ] = None,
    output: OutputOpt = None,
) -> None:
    from dangvien_cli.services.reports.quota import report_quota

    if by not in ("unit", "block"):
        raise typer.BadParameter(
            t("error.invalid_choice", value=by, field="--by", choices="unit, block")
        )
    day, output = report_day(as_of), checked_output(output)
    with app_ctx().reader() as reader:
        rows = report_quota(
            reader, period_code=period, as_of=day, by=by, unit_code=unit, depth=depth
        )
    show_quota_table(rows, app_ctx().fmt, by=by, period=period, as_of=day, output=output)
    if fail_under is not None:
        below = [
            r
            for r in rows
            if r["row_type"] != "total" and r["target"] and (r["percent"] or 0) < fail_under
        ]
        if below:
            raise ThresholdNotMet(
                "report.fail_under", count=len(below), pct=fmt_percent(fail_under)
            )


@command(group, "behind", help_key="help.report.behind")
def behind(
    *,
    period: PeriodOpt,
    as_of: PaceDayOpt = None,
    unit: UnitOpt = None,
    depth: DepthOpt = None,
    output: OutputOpt = None,
) -> None:
    from dangvien_cli.services.reports.behind import FIELDS, report_behind

    day, output = report_day(as_of), checked_output(output)
    with app_ctx().reader() as reader:
        rows = report_behind(reader, period_code=period, as_of=day, unit_code=unit, depth=depth)
    title = t("title.behind", period=period, as_of=fmt_date(day))
    view = View(_behind_columns, _behind_display, FIELDS, title)
    deliver(rows, view, output, fmt=app_ctx().fmt)


def show_quota_table(
    rows: Rows, fmt: OutputFormat, *, by: str, period: str, as_of: date, output: Path | None = None
) -> None:
    """The quota report for people and scripts (also printed by ``dangvien demo``)."""
    from dangvien_cli.i18n import fmt_percent

    elapsed = fmt_percent(rows[0]["elapsed_percent"]) if rows else "—"
    title = t("title.quota_pace", period=period, as_of=fmt_date(as_of), elapsed=elapsed)
    years = [k for k in (rows[0] if rows else {}) if k.startswith("admitted_")]

    def columns(wide: bool) -> list[Column]:
        header = "col.block" if by == "block" else "col.unit"
        if not wide:
            # 80 columns: the code keeps a unit recognisable when its name is cut short.
            return [Column("short_label", header, flex=True), *QUOTA_COLUMNS[1:5], BAR, STATUS]
        first = Column("label", header, flex=True)
        extra = [CODE] if by == "unit" else [Column("units", "col.units", "int")]
        per_year = [Column(k, "col.admitted", "int", title=k[-4:]) for k in years]
        return [first, *extra, SOURCE, TARGET, ADMITTED, *per_year, PERCENT, BAR, EXPECTED]

    def full(wide: bool) -> list[Column]:
        return [*columns(wide), REMAINING, STATUS] if wide else columns(False)

    from dangvien_cli.services.reports.quota import BLOCK_FIELDS, UNIT_FIELDS

    fields = BLOCK_FIELDS if by == "block" else UNIT_FIELDS
    deliver(rows, View(full, _quota_display, fields, title, _quota_chart), output, fmt=fmt)


def _quota_display(rows: Rows) -> tuple[Rows, Footer]:
    from dangvien_cli.services.reports.quota import footer

    shown = [{**r, **labels(r), **progress(r)} for r in rows]
    total = footer(rows) if rows and rows[0]["row_type"] == "unit" else None
    if total is None:
        return shown, None
    label = t("report.total", count=fmt_int(total["units"]))
    tick = {"elapsed": rows[0]["elapsed_percent"] / 100}
    return shown, {**total, "label": label, "short_label": label, **progress(total), **tick}


def _quota_chart(shown: Rows) -> Any:
    from dangvien_cli.render_xlsx import Chart

    level = [r for r in shown if r["row_type"] == "block"]
    if not level:
        depth = 1 if sum(1 for r in shown if r.get("depth") == 0) == 1 else 0
        seen: set[str] = set()
        for r in shown:
            if r.get("depth") == depth and r["unit_code"] not in seen:
                seen.add(r["unit_code"])
                level.append(r)
    series = [("target", "col.target"), ("admitted", "col.admitted")]
    return Chart(level or shown, "label", series, t("title.quotas"))


def _behind_columns(wide: bool) -> list[Column]:
    shortfall = Column("shortfall", "col.shortfall", "int")
    needed = Column("needed_per_month", "col.needed_per_month", "number")
    months = Column("months_left", "col.months_left", "int")
    if not wide:
        return [
            Column("short_label", "col.unit", flex=True),
            SOURCE,
            TARGET,
            ADMITTED,
            shortfall,
            needed,
        ]
    return [
        LABEL,
        CODE,
        SOURCE,
        TARGET,
        ADMITTED,
        PERCENT,
        EXPECTED,
        shortfall,
        REMAINING,
        months,
        needed,
        STATUS,
    ]


def _behind_display(rows: Rows) -> tuple[Rows, Footer]:
    shown = [{**r, **labels({**r, "depth": 0})} for r in rows]
    return shown, None
