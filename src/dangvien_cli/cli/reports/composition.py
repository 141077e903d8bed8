"""dangvien report composition (services/reports/composition.py): Biểu 2, who was
admitted in the period, by section, beside the previous period."""

from dangvien_cli.cli._context import app_ctx, command
from dangvien_cli.cli.reports._shared import (
    DayOpt,
    OutputOpt,
    PeriodOpt,
    UnitOpt,
    checked_output,
    group,
    report_day,
)
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column
from dangvien_cli.render_output import Footer, Rows, View, deliver


@command(group, "composition", help_key="help.report.composition")
def composition(
    *, period: PeriodOpt, as_of: DayOpt = None, unit: UnitOpt = None, output: OutputOpt = None
) -> None:
    from dangvien_cli.services.reports.composition import FIELDS, report_composition

    day, output = report_day(as_of), checked_output(output)
    with app_ctx().session() as session:
        rows = report_composition(session, period_code=period, as_of=day, unit_code=unit)
    head = rows[0]
    title = t(
        "title.composition",
        period=head["period"],
        start=fmt_date(head["start_on"]),
        end=fmt_date(head["end_on"]),
    )
    view = View(_composition_columns, _composition_display, FIELDS, title)
    deliver(rows, view, output, fmt=app_ctx().fmt)


def _composition_columns(wide: bool) -> list[Column]:
    return [
        Column("label", "col.item", min_width=24, flex=True),
        *([Column("row", "col.code", kind="code")] if wide else []),
        Column("current", "col.current", "number"),
        Column("previous", "col.previous", "number"),
        Column("ratio_percent", "col.ratio", "percent"),
    ]


def _composition_display(rows: Rows) -> tuple[Rows, Footer]:
    shown, section = [], None
    for r in rows:
        if r["section"] != section:
            section = r["section"]
            shown.append({"label": t(f"bieu2.section.{section}")})
        shown.append({**r, "label": "  " + t(f"bieu2.{r['row']}")})
    return shown, None
