"""dangvien report …: quota, behind, pipeline, composition, deadlines (and document).

Each command parses its options, opens one read session, calls one service and hands the
rows on. Script formats (json, csv, tsv) carry the service's keys unchanged, as documented
in each service module; the table and the workbook add display-only keys (labels, bars).
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command, info, new_group, opt, required
from dangvien_cli.errors import DangvienError, ThresholdNotMet
from dangvien_cli.i18n import fmt_date, fmt_percent, t
from dangvien_cli.render import Column, OutputFormat, emit, table_width

Rows = list[dict[str, Any]]
Footer = Mapping[str, Any] | None
WIDE = 140  # terminal columns from which tables add their secondary columns
OUTPUTS = {
    ".xlsx": OutputFormat.table,
    ".json": OutputFormat.json,
    ".csv": OutputFormat.csv,
    ".tsv": OutputFormat.tsv,
}

LABEL = Column("label", "col.unit", min_width=16, flex=True)
CODE = Column("unit_code", "col.code", kind="code")
SOURCE = Column("source", "col.source", labels="quota_source")
TARGET = Column("target", "col.target", "int")
ADMITTED = Column("admitted", "col.admitted", "int")
PERCENT = Column("percent", "col.percent", "percent")
BAR = Column("progress", "col.progress", "bar", tick="elapsed")
EXPECTED = Column("expected", "col.expected", "number")
REMAINING = Column("remaining", "col.remaining", "int")
STATUS = Column("status", "col.status", "status")
QUOTA_COLUMNS = [LABEL, SOURCE, TARGET, ADMITTED, PERCENT, BAR, REMAINING, STATUS]

PeriodOpt = Annotated[str, required("--period", help_key="arg.period")]
PaceDayOpt = Annotated[str | None, opt("--as-of", help_key="opt.as_of")]
DayOpt = Annotated[str | None, opt("--as-of", help_key="opt.as_of_day")]
UnitOpt = Annotated[str | None, opt("--unit", help_key="opt.unit_filter")]
DepthOpt = Annotated[int | None, opt("--depth", help_key="opt.depth", min=1)]
OutputOpt = Annotated[Path | None, opt("--output", "-o", help_key="opt.output")]


def build() -> typer.Typer:
    group = new_group()

    @command(group, "quota", help_key="help.report.quota")
    def quota(
        *,
        period: PeriodOpt,
        as_of: PaceDayOpt = None,
        by: Annotated[str, opt("--by", help_key="opt.by")] = "unit",
        unit: UnitOpt = None,
        depth: DepthOpt = None,
        fail_under: Annotated[float | None, opt("--fail-under", help_key="opt.fail_under")] = None,
        output: OutputOpt = None,
    ) -> None:
        from dangvien_cli.services.reports.quota import report_quota

        if by not in ("unit", "block"):
            raise typer.BadParameter(
                t("error.invalid_choice", value=by, field="--by", choices="unit, block")
            )
        day, output = _day(as_of), _checked(output)
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

        day, output = _day(as_of), _checked(output)
        with app_ctx().reader() as reader:
            rows = report_behind(reader, period_code=period, as_of=day, unit_code=unit, depth=depth)
        title = t("title.behind", period=period, as_of=fmt_date(day))
        deliver(rows, _behind_columns, _behind_display, fields=FIELDS, title=title, output=output)

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

        day, output = _day(as_of), _checked(output)
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
        deliver(
            rows, _pipeline_columns, _pipeline_display, fields=FIELDS, title=title, output=output
        )

    @command(group, "composition", help_key="help.report.composition")
    def composition(
        *,
        period: PeriodOpt,
        as_of: DayOpt = None,
        unit: UnitOpt = None,
        output: OutputOpt = None,
    ) -> None:
        from dangvien_cli.services.reports.composition import FIELDS, report_composition

        day, output = _day(as_of), _checked(output)
        with app_ctx().session() as session:
            rows = report_composition(session, period_code=period, as_of=day, unit_code=unit)
        head = rows[0]
        title = t(
            "title.composition",
            period=head["period"],
            start=fmt_date(head["start_on"]),
            end=fmt_date(head["end_on"]),
        )
        deliver(
            rows,
            _composition_columns,
            _composition_display,
            fields=FIELDS,
            title=title,
            output=output,
        )

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

        day, output = _day(as_of), _checked(output)
        with app_ctx().session() as session:
            rows = report_deadlines(
                session, as_of=day, within=within, stalled=stalled, unit_code=unit
            )
        title = t("title.deadlines", as_of=fmt_date(day), within=within)
        deliver(
            rows, _deadline_columns, _deadline_display, fields=FIELDS, title=title, output=output
        )

    from dangvien_cli.cli.report_document import add_document_command

    add_document_command(group)
    return group


def _day(as_of: str | None) -> date:
    from dangvien_cli.values import parse_date

    return parse_date(as_of) or date.today()


def _checked(output: Path | None) -> Path | None:
    """Refuse an --output the reports cannot write before any work is done (exit 2)."""
    if output is not None and output.suffix.lower() not in OUTPUTS:
        raise typer.BadParameter(t("report.bad_output", path=output))
    return output


def deliver(
    rows: Rows,
    columns_for: Callable[[bool], list[Column]],
    display: Callable[[Rows], tuple[Rows, Footer]],
    *,
    fields: Sequence[str],
    title: str,
    output: Path | None = None,
    chart: Callable[[Rows], Any] | None = None,
    fmt: OutputFormat | None = None,
) -> None:
    """Scripts get the service's rows as they are; people get labelled rows in a table, or a
    workbook with ``--output FILE.xlsx``. ``columns_for(wide)`` picks the table's columns;
    ``fields`` are the keys a CSV header carries when there are no rows."""
    fmt = OUTPUTS[output.suffix.lower()] if output else (fmt or app_ctx().fmt)
    if fmt is not OutputFormat.table:
        keys = list(rows[0]) if rows else list(fields)

        def script(out: IO[str] | None = None) -> None:
            emit(rows, columns_for(True), fmt, keys=keys, out=out)

        if output:
            _to_file(output, lambda _, out: script(out))
        else:
            script()
        return
    shown, footer = display(rows)
    if output is None:
        emit(shown, columns_for(table_width() >= WIDE), fmt, title=title, footer=footer)
        return
    from dangvien_cli.render_xlsx import write_workbook

    figure = chart(shown) if chart else None
    _to_file(
        output,
        lambda target, _: write_workbook(
            target, shown, columns_for(True), title=title, footer=footer, chart=figure
        ),
    )


def _to_file(output: Path, write: Callable[[Path, IO[str] | None], None]) -> None:
    from dangvien_cli.tabular_write import private_output

    try:
        # Owner-only, like the database: a report can list people by name.
        with private_output(output) as target:
            if output.suffix.lower() == ".xlsx":
                write(target, None)
            else:
                # A BOM, so that Excel in Vietnam opens the CSV as UTF-8 (PEERS.md §3.11).
                encoding = "utf-8-sig" if output.suffix.lower() != ".json" else "utf-8"
                with target.open("w", encoding=encoding, newline="") as f:
                    write(target, f)
    except OSError as exc:
        raise DangvienError("report.cannot_write", path=output, reason=exc.strerror) from None
    info(t("report.written", path=output))


# --- quota and behind ---------------------------------------------------------------------


def show_quota_table(
    rows: Rows,
    fmt: OutputFormat,
    *,
    by: str,
    period: str,
    as_of: date,
    output: Path | None = None,
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
    deliver(
        rows,
        full,
        _quota_display,
        fields=fields,
        title=title,
        output=output,
        chart=_quota_chart,
        fmt=fmt,
    )


def _bar(row: Mapping[str, Any]) -> dict[str, Any]:
    target = row.get("target")
    return {
        "progress": row["admitted"] / target if target else None,
        "elapsed": row["elapsed_percent"] / 100 if "elapsed_percent" in row else None,
    }


def _labels(row: Mapping[str, Any]) -> dict[str, str]:
    """The first cell of a row, in full and (``short_label``) for a narrow terminal."""
    if row.get("row_type") == "total":
        label = t("report.total_row")
    elif row.get("row_type") == "block":
        label = t(f"block.{row['block']}") if row["block"] else t("report.no_block")
    else:
        indent = "  " * row.get("depth", 0)
        label = indent + row["unit_name"]
        return {"label": label, "short_label": f"{indent}{row['unit_code']} {row['unit_name']}"}
    return {"label": label, "short_label": label}


def _quota_display(rows: Rows) -> tuple[Rows, Footer]:
    from dangvien_cli.services.reports.quota import footer

    shown = [{**r, **_labels(r), **_bar(r)} for r in rows]
    total = footer(rows) if rows and rows[0]["row_type"] == "unit" else None
    if total is None:
        return shown, None
    label = t("report.total", units=total["units"])
    tick = {"elapsed": rows[0]["elapsed_percent"] / 100}
    return shown, {**total, "label": label, "short_label": label, **_bar(total), **tick}


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
    shown = [{**r, **_labels({**r, "depth": 0})} for r in rows]
    return shown, None


# --- pipeline, composition, deadlines -----------------------------------------------------


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
        Column("person_id", "col.id", "int"),
        Column("full_name", "col.full_name"),
        Column("stage", "col.stage", "stage"),
        Column("unit_name", "col.unit", min_width=12, flex=True),
    ]


def _when(days: int) -> str:
    if days < 0:
        return t("deadline.overdue", days=-days)
    return t("deadline.left", days=days) if days else t("deadline.today")


def _deadline_display(rows: Rows) -> tuple[Rows, Footer]:
    shown = []
    for r in rows:
        what = t(f"deadline.{r['kind']}")
        shown.append(
            {
                **r,
                "when": _when(r["days_left"]),
                "what": f"{r['rule']} {what}" if r["rule"] else what,
                "rule_source": r["source"] or "",
            }
        )
    return shown, None
