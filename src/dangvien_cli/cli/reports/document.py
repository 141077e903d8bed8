"""dangvien report document (services/reports/document.py): the committee's report
written from the data. It writes files the other reports do not (Word, Markdown) and
checks for the optional ``[document]`` extra before any work is done.
"""

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, info
from dangvien_cli.cli._options import opt
from dangvien_cli.cli.reports._shared import DayOpt, PeriodOpt, UnitOpt, group, report_day
from dangvien_cli.errors import DangvienError, InvalidValue, os_reason
from dangvien_cli.i18n import t
from dangvien_cli.render import OutputFormat, emit_document, emit_object

DOCUMENT_SUFFIXES = (".docx", ".md", ".txt")


@command(group, "document", help_key="help.report.document")
def document(
    *,
    period: PeriodOpt,
    as_of: DayOpt = None,
    unit: UnitOpt = None,
    output: Annotated[Path | None, opt("--output", "-o", help_key="opt.document_output")] = None,
    annex: Annotated[Path | None, opt("--annex", help_key="opt.annex")] = None,
    template: Annotated[Path | None, opt("--template", help_key="opt.template")] = None,
) -> None:
    suffix = output.suffix.lower() if output else None
    if output is not None and suffix not in DOCUMENT_SUFFIXES:
        raise typer.BadParameter(t("doc.bad_output", path=output))
    if annex is not None and annex.suffix.lower() != ".xlsx":
        raise typer.BadParameter(t("doc.bad_annex", path=annex))
    fmt = app_ctx().fmt
    if output is None and fmt not in (OutputFormat.table, OutputFormat.json, OutputFormat.ndjson):
        # A document is prose: it has no rows for CSV. JSON gives its sentences and the
        # figures they state, for a script that checks or files them.
        raise InvalidValue("doc.bad_format", fmt=fmt.value)
    if suffix == ".docx" or template is not None:
        from dangvien_cli.render_docx import require_extra

        require_extra()  # one line and exit 1, before any work, when it is missing
    from dangvien_cli.services.reports.document import build_report, to_markdown

    day = report_day(as_of)
    with app_ctx().session() as session:
        report = build_report(session, period_code=period, as_of=day, unit_code=unit)
    if output is None:
        if fmt is OutputFormat.table:
            emit_document(to_markdown(report))
        else:
            emit_object(asdict(report), [], fmt)
        if annex is not None:
            _annex(annex, period=period, day=day, unit=unit)
        return
    from dangvien_cli.tabular_write import private_output

    try:
        # Owner-only from its first byte (it names units and figures), and all or nothing:
        # the document takes its name only once it and its annex are written.
        with private_output(output) as target:
            if suffix == ".docx":
                from dangvien_cli.render_docx import write_document

                write_document(report, target, template=template)
            else:
                target.write_text(to_markdown(report), encoding="utf-8")
            if annex is not None:
                _annex(annex, period=period, day=day, unit=unit)
    except OSError as exc:
        raise DangvienError("report.cannot_write", path=output, reason=os_reason(exc)) from None
    info(t("report.written", path=output))


def _annex(path: Path, *, period: str, day, unit: str | None) -> None:  # type: ignore[no-untyped-def]
    """The quota workbook of the same period and day, as ``report quota --output`` writes it."""
    from dangvien_cli.cli.reports.quota import show_quota_table
    from dangvien_cli.services.reports.quota import report_quota

    with app_ctx().reader() as reader:
        rows = report_quota(reader, period_code=period, as_of=day, unit_code=unit)
    show_quota_table(rows, OutputFormat.table, by="unit", period=period, as_of=day, output=path)
