"""dangvien report deadlines (services/reports/deadlines.py): the time limits of the
Party's rules that fall due soon or have passed, and candidates stalled at a stage."""

from typing import Annotated, Any, cast

from dangvien_cli.cli._context import app_ctx, command
from dangvien_cli.cli._options import opt
from dangvien_cli.cli.reports._shared import (
    DayOpt,
    OutputOpt,
    UnitOpt,
    checked_output,
    group,
    report_day,
)
from dangvien_cli.i18n import fmt_date, fmt_int, t
from dangvien_cli.render import Column
from dangvien_cli.render_output import Footer, Rows, View, deliver


@command(group, "deadlines", help_key="help.report.deadlines")
def deadlines(
    *,
    within: Annotated[int, opt("--within", help_key="opt.within", min=0)] = 30,
    stalled: Annotated[int, opt("--stalled", help_key="opt.stalled", min=1)] = 180,
    as_of: DayOpt = None,
    unit: UnitOpt = None,
    output: OutputOpt = None,
) -> None:
    from dangvien_cli.services.reports.deadlines import FIELDS, report_deadlines

    day, output = report_day(as_of), checked_output(output)
    with app_ctx().session() as session:
        rows = report_deadlines(session, as_of=day, within=within, stalled=stalled, unit_code=unit)
    title = t("title.deadlines", as_of=fmt_date(day), within=within)
    view = View(_deadline_columns, _deadline_display, FIELDS, title)
    deliver(rows, view, output, fmt=app_ctx().fmt)


def _deadline_columns(wide: bool) -> list[Column]:
    first = [
        Column("deadline", "col.deadline", "date"),
        Column("when", "col.when", kind="code"),
        Column("what", "col.kind", max_width=24),
    ]
    if not wide:
        name = Column("full_name", "col.full_name", min_width=12, flex=True)
        return [*first, name, Column("unit_code", "col.unit", kind="code")]
    return [
        *first,
        Column("rule_source", "col.rule_source", max_width=40),
        Column("since", "col.since", "date"),
        Column("person_id", "col.id", "id"),
        Column("full_name", "col.full_name"),
        Column("stage", "col.stage", "stage"),
        Column("unit_name", "col.unit", min_width=12, flex=True),
    ]


def _when(days: int) -> str:
    if days < 0:
        return t("deadline.overdue", days=fmt_int(-days))
    return t("deadline.left", days=fmt_int(days)) if days else t("deadline.today")


def _deadline_display(rows: Rows) -> tuple[Rows, Footer]:
    """The rows labelled as they stream by (a nation's are close to a million)."""
    return cast(Rows, map(_labelled, rows)), None


def _labelled(r: dict[str, Any]) -> dict[str, Any]:
    what = t(f"deadline.{r['kind']}")
    return {
        **r,
        "when": _when(r["days_left"]),
        "what": f"{r['rule']} {what}" if r["rule"] else what,
        "rule_source": r["source"] or "",
    }
