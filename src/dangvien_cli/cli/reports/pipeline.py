"""dangvien report pipeline (services/reports/pipeline.py): the candidates at each stage
of each unit, and how many entered, advanced and dropped in the window."""

from typing import Annotated

from dangvien_cli.cli._context import app_ctx, command
from dangvien_cli.cli._options import opt
from dangvien_cli.cli.reports._shared import (
    DayOpt,
    DepthOpt,
    OutputOpt,
    UnitOpt,
    checked_output,
    group,
    report_day,
)
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column
from dangvien_cli.render_output import Footer, Rows, View, deliver


@command(group, "pipeline", help_key="help.report.pipeline")
def pipeline(
    *,
    period: Annotated[str | None, opt("--period", help_key="opt.period_this_year")] = None,
    as_of: DayOpt = None,
    unit: UnitOpt = None,
    depth: DepthOpt = None,
    output: OutputOpt = None,
) -> None:
    from dangvien_cli.services.reports.pipeline import FIELDS, report_pipeline
    from dangvien_cli.services.reports.scope import window

    day, output = report_day(as_of), checked_output(output)
    with app_ctx().session() as session:
        win = window(session, period or str(day.year), day)
        title = t(
            "title.pipeline",
            period=win.period.code,
            start=fmt_date(win.start),
            end=fmt_date(win.end),
        )
        rows = report_pipeline(
            session, period_code=win.period.code, as_of=day, unit_code=unit, depth=depth
        )
    view = View(_pipeline_columns, _pipeline_display, FIELDS, title)
    deliver(rows, view, output, fmt=app_ctx().fmt)


def _pipeline_columns(wide: bool) -> list[Column]:
    return [
        Column("label", "col.unit_stage", min_width=20, flex=True),
        *([Column("unit_code", "col.code", kind="code")] if wide else []),
        Column("now", "col.now", "int"),
        Column("entered", "col.entered", "int"),
        Column("advanced", "col.advanced", "int"),
        Column("dropped", "col.dropped", "int"),
        Column("conversion_percent", "col.conversion", "percent"),
        Column("median_days", "col.median_days", "number"),
    ]


def _pipeline_display(rows: Rows) -> tuple[Rows, Footer]:
    """One heading line per unit, then its stages, so the names need no column of their own."""
    shown: Rows = []
    for r in rows:
        indent = "  " * r["depth"]
        if r["stage"] == rows[0]["stage"]:  # the first stage opens each unit's block
            heading = f"{indent}{r['unit_code']} {r['unit_name']}"
            shown.append({"label": heading, "unit_code": r["unit_code"]})
        shown.append({**r, "label": f"{indent}  {t('stage.' + r['stage'])}", "unit_code": ""})
    return shown, None
