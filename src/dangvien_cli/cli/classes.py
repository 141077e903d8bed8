"""dangvien class …: awareness classes, their attendees, results and certificates."""

from pathlib import Path
from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, info, new_group, show_added, show_list
from dangvien_cli.cli._options import arg, opt, required
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.render import Column, emit, emit_object
from dangvien_cli.render_output import View

# At 80 columns the name wraps first; then the end date and the organizer are left out
# (class show has them), so that a class reads in a line or two.
LIST_COLUMNS = [
    Column("code", "col.code"),
    Column("name", "col.name", max_width=40, flex=True),
    Column("organizer", "col.organizer", max_width=30, drop=1),
    Column("start_on", "col.start_on", "date"),
    Column("end_on", "col.end_on", "date", drop=2),
    Column("attendees", "col.attendees", "int"),
    Column("passed", "col.passed", "int"),
]
SHOW_FIELDS = [
    Column("code", "col.code"),
    Column("name", "col.name"),
    Column("organizer", "col.organizer"),
    Column("unit_code", "col.unit_code"),
    Column("start_on", "col.start_on", "date"),
    Column("end_on", "col.end_on", "date"),
    Column("attendee_count", "col.attendees", "int"),
    Column("passed", "col.passed", "int"),
    Column("failed", "col.failed", "int"),
]
ATTENDEE_COLUMNS = [
    Column("person_id", "col.id", "id"),
    Column("full_name", "col.full_name"),
    Column("unit_code", "col.unit_code"),
    Column("stage", "col.stage", "stage"),
    Column("result_label", "col.result"),
    Column("certificate_no", "col.certificate_no"),
    Column("certificate_date", "col.certificate_date", "date"),
]
CodeArg = Annotated[str, arg("arg.class_code")]


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "add", help_key="help.class.add")
def add(
    code: CodeArg,
    name: Annotated[str, arg("arg.class_name")],
    *,
    start: Annotated[str, required("--start", help_key="opt.start")],
    end: Annotated[str, required("--end", help_key="opt.end")],
    organizer: Annotated[str, required("--organizer", help_key="opt.organizer")],
    unit: Annotated[str | None, opt("--unit", help_key="opt.class_unit")] = None,
) -> None:
    from dangvien_cli.cli.candidate.steps import when
    from dangvien_cli.services.classes import add_class

    with app_ctx().session(write=True) as session:
        cls = add_class(
            session,
            code=code,
            name=name,
            start_on=when(start, "--start"),
            end_on=when(end, "--end"),
            organizer=organizer,
            unit_code=unit,
        )
        saved = cls.code
    info(t("class.added", code=saved))
    from dangvien_cli.services.classes import class_detail

    show_added(lambda s: class_detail(s, saved), SHOW_FIELDS)


@command(group, "list", help_key="help.class.list")
def list_() -> None:
    from dangvien_cli.services.classes import list_classes

    show_list(list_classes, View.table(LIST_COLUMNS, t("title.classes")))


@command(group, "show", help_key="help.class.show")
def show(code: CodeArg) -> None:
    from dangvien_cli.cli.candidate.sheet import result_label
    from dangvien_cli.services.classes import class_detail

    ctx = app_ctx()
    with ctx.session() as session:
        detail = class_detail(session, code)
    emit_object(detail, SHOW_FIELDS, ctx.fmt, title=detail["name"])
    if ctx.fmt.value == "table":
        rows = [{**a, "result_label": result_label(a["result"])} for a in detail["attendees"]]
        emit(rows, ATTENDEE_COLUMNS, ctx.fmt, title=t("title.attendees"), section=True)


@command(group, "enroll", help_key="help.class.enroll", records=False)
def enroll(code: CodeArg, person_ids: Annotated[list[int], arg("arg.person_ids")]) -> None:
    from dangvien_cli.services.classes import enroll as enroll_people

    with app_ctx().session(write=True) as session:
        count, saved = enroll_people(session, code, person_ids)
    info(t("class.enrolled", count=fmt_int(count), code=saved))


@command(group, "results", help_key="help.class.results", records=False)
def results(
    code: CodeArg,
    *,
    date: Annotated[str | None, opt("--date", help_key="opt.certificate_date")] = None,
    passed: Annotated[list[int] | None, opt("--passed", help_key="opt.passed")] = None,
    failed: Annotated[list[int] | None, opt("--failed", help_key="opt.failed")] = None,
    prefix: Annotated[
        str | None, opt("--certificate-prefix", help_key="opt.certificate_prefix")
    ] = None,
    first: Annotated[int, opt("--first-number", help_key="opt.first_number")] = 1,
    file: Annotated[Path | None, opt("--file", help_key="opt.results_file")] = None,
) -> None:
    from dangvien_cli.cli.candidate.steps import show_outcome, when
    from dangvien_cli.services import classes

    if file is not None and (passed or failed):
        raise typer.BadParameter(t("class.file_or_lists"), param_hint="--file")
    if file is None and not (passed or failed):
        raise typer.BadParameter(t("class.no_results"), param_hint="--passed")
    if file is not None:
        from dangvien_cli.cli._imports import from_stdin, show_file_errors
        from dangvien_cli.errors import InvalidFile

        with from_stdin(file) as path:
            try:
                rows, source = classes.results_from_file(path, when(date) if date else None)
                with app_ctx().session(write=True) as session:
                    outcomes = classes.record_results(session, code, rows, source=source)
            except InvalidFile as exc:  # every bad row, as an import lists them
                exc.path = exc.params["path"] = str(file)  # "-", not the spooled copy
                show_file_errors(exc, app_ctx().fmt)
                raise
    else:
        if date is None:  # a missing value, like a required option's
            raise typer.BadParameter(t("error.required", field="--date"), param_hint="--date")
        day = when(date)
        numbers = classes.certificate_numbers(prefix, first, len(passed or []))
        rows = [
            classes.Result(pid, classes.PASSED, number, day)
            for pid, number in zip(passed or [], numbers, strict=True)
        ] + [classes.Result(pid, classes.FAILED, None, day) for pid in failed or []]
        with app_ctx().session(write=True) as session:
            outcomes = classes.record_results(session, code, rows)
    for person_id, outcome in outcomes:
        show_outcome(person_id, outcome)
    passed_count = sum(1 for r in rows if r.result == classes.PASSED)
    info(t("class.results", code=code, passed=passed_count, failed=len(rows) - passed_count))


def build() -> typer.Typer:
    return group
