"""dangvien report …"""

from datetime import date
from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, opt, required
from dangvien_cli.errors import ThresholdNotMet
from dangvien_cli.i18n import t
from dangvien_cli.render import Column, OutputFormat, emit
from dangvien_cli.values import parse_date

QUOTA_COLUMNS = [
    Column("unit_label", "col.unit", min_width=16, flex=True),
    Column("source", "col.source", kind="code"),
    Column("target", "col.target", "int"),
    Column("admitted", "col.admitted", "int"),
    Column("percent", "col.percent", "percent"),
    Column("progress", "col.progress", "bar"),
    Column("remaining", "col.remaining", "int"),
    Column("status", "col.status", "status"),
]
BLOCK_COLUMNS = [Column("block_label", "col.block"), *QUOTA_COLUMNS[1:]]


def build() -> typer.Typer:
    group = typer.Typer(no_args_is_help=True)

    @command(group, "quota", help_key="help.report.quota")
    def quota(
        *,
        period: Annotated[str, required("--period", help_key="arg.period")],
        as_of: Annotated[str | None, opt("--as-of", help_key="opt.as_of")] = None,
        by: Annotated[str, opt("--by", help_key="opt.by")] = "unit",
        unit: Annotated[str | None, opt("--unit", help_key="opt.unit_filter")] = None,
        depth: Annotated[int | None, opt("--depth", help_key="opt.depth", min=1)] = None,
        fail_under: Annotated[float | None, opt("--fail-under", help_key="opt.fail_under")] = None,
    ) -> None:
        from dangvien_cli.services.reports.quota import report_quota

        if by not in ("unit", "block"):
            raise typer.BadParameter(
                t("error.invalid_choice", value=by, field="--by", choices="unit, block")
            )
        ctx = app_ctx()
        day = parse_date(as_of) or date.today()
        with ctx.session() as session:
            rows = report_quota(
                session, period_code=period, as_of=day, by=by, unit_code=unit, depth=depth
            )
        show_quota_table(rows, ctx.fmt, by=by, period=period, as_of=day)
        if fail_under is not None:
            below = [r for r in rows if r["target"] and (r["percent"] or 0) < fail_under]
            if below:
                raise ThresholdNotMet("report.fail_under", count=len(below), pct=fail_under)

    return group


def show_quota_table(rows: list, fmt: OutputFormat, *, by: str, period: str, as_of: date) -> None:  # type: ignore[type-arg]
    from dangvien_cli.i18n import fmt_date

    if fmt is not OutputFormat.table:
        emit([{k: v for k, v in r.items() if k != "progress"} for r in rows], QUOTA_COLUMNS, fmt)
        return
    for r in rows:
        r["unit_label"] = "  " * r.get("depth", 0) + f"{r.get('unit_name', '')}"
        r["block_label"] = t(f"block.{r['block']}") if r.get("block") else "—"
    title = t("title.quota", period=period, as_of=fmt_date(as_of))
    if by == "block":
        emit(rows, BLOCK_COLUMNS, fmt, title=title)
        return
    emit(rows, QUOTA_COLUMNS, fmt, title=title)
