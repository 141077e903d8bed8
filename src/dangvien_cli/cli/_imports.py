"""The shared shape of every ``import`` command: options, the all-or-nothing run, the
list of bad rows, the ``--errors`` file and the summary."""

import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command, info, warn
from dangvien_cli.errors import DangvienError, InvalidFile
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.render import Column, OutputFormat, emit, to_json

if TYPE_CHECKING:
    from dangvien_cli.services.imports import ImportFile

# A terminal shows this many bad rows; --errors FILE and --format json give every one.
SHOWN_ERRORS = 200


def _encoding(value: str | None) -> str | None:
    if value is None or value.strip().lower() == "auto":
        return None
    from dangvien_cli.textcodecs import ENCODINGS, EncodingError, resolve_encoding

    try:
        return resolve_encoding(value)
    except EncodingError:
        choices = ", ".join(("auto", *ENCODINGS))
        raise typer.BadParameter(t("choice.not_one_of", value=value, choices=choices)) from None


def _delimiter(value: str | None) -> str | None:
    from dangvien_cli.tabular import DELIMITERS

    if value is None:
        return None
    delim = DELIMITERS.get(value.lower(), value)
    if len(delim) != 1 or delim in "\"'\r\n":
        raise typer.BadParameter(t("import.bad_delimiter", value=value))
    return delim


EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help=t("opt.encoding"), callback=_encoding)
]
DelimiterOpt = Annotated[
    str | None, typer.Option("--delimiter", help=t("opt.delimiter"), callback=_delimiter)
]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help=t("opt.sheet"))]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=t("opt.dry_run"))]
ErrorsOpt = Annotated[Path | None, typer.Option("--errors", help=t("opt.errors"))]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=t("opt.quiet"))]
FileArg = Annotated[Path, typer.Argument(help=t("arg.file"), show_default=False)]

ERROR_COLUMNS = [
    Column("line", "col.line", "int"),
    Column("column", "col.column"),
    Column("value", "col.value", max_width=30),
    Column("reason", "col.reason"),
]
SUMMARY_COLUMNS = [
    Column("kind", "col.kind"),
    Column("rows", "col.rows", "int"),
    Column("new", "col.new", "int"),
    Column("updated", "col.updated", "int"),
    Column("unchanged", "col.unchanged", "int"),
    Column("encoding", "col.encoding"),
]


def import_command(
    group: typer.Typer, *, help_key: str, runner: Callable[..., Any], **extra: Any
) -> None:
    """Declare ``<group> import FILE`` with the options every import shares.

    ``runner`` is the service's import function, or a wrapper that imports it when the
    command runs (to keep --help fast); ``extra`` maps further keyword-only parameters to
    (annotation, default).
    """

    def import_(
        path: FileArg,
        *,
        encoding: EncodingOpt = None,
        delimiter: DelimiterOpt = None,
        sheet: SheetOpt = None,
        dry_run: DryRunOpt = False,
        errors: ErrorsOpt = None,
        quiet: QuietOpt = False,
        **options: Any,
    ) -> None:
        from dangvien_cli.services.imports import ImportFile

        with from_stdin(path) as source, progress(source, quiet) as tick:
            file = ImportFile(source, encoding, delimiter, sheet, dry_run=dry_run, progress=tick)
            run_import(runner, file, errors_file=errors, shown_as=str(path), **options)

    signature = inspect.signature(import_)
    params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    params += [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
        for name, (ann, default) in extra.items()
    ]
    import_.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    command(group, "import", help_key=help_key)(import_)


def run_import(
    runner: Callable[..., Any],
    file: "ImportFile",
    *,
    errors_file: Path | None,
    shown_as: str,
    **kwargs: Any,
) -> None:
    """Run one import in one transaction; on any bad row, list them all and write nothing.
    ``shown_as``: the file as the user named it (``-`` for stdin, read from a spooled copy)."""
    ctx = app_ctx()
    if errors_file is not None and _same_file(errors_file, file.path):
        raise DangvienError("import.errors_is_input", path=str(errors_file))
    try:
        with ctx.session(write=True, dry_run=file.dry_run) as session:
            result = runner(session, file, **kwargs)
        if not file.dry_run:
            from dangvien_cli.dialect import refresh_statistics

            refresh_statistics(ctx.engine())
    except InvalidFile as exc:
        exc.path = exc.params["path"] = shown_as  # "-", not the spooled copy's temporary name
        show_file_errors(exc, ctx.fmt)
        if errors_file is not None:
            from dangvien_cli.services.imports import write_error_file

            count = write_error_file(errors_file, file, exc.errors)
            info(t("import.errors_written", count=fmt_int(count), path=errors_file))
        raise
    for w in result.warnings:
        warn(w)
    data = {**result.as_dict(), "file": shown_as}
    if ctx.fmt is OutputFormat.json:
        typer.echo(to_json(data))
    elif ctx.fmt in (OutputFormat.csv, OutputFormat.tsv):
        emit([{k: v for k, v in data.items() if k != "warnings"}], SUMMARY_COLUMNS, ctx.fmt)
    else:
        info(
            t(
                "import.summary",
                path=file.path.name,
                encoding=result.encoding,
                new=fmt_int(result.new),
                updated=fmt_int(result.updated),
                unchanged=fmt_int(result.unchanged),
            )
        )
        if file.dry_run:
            info(t("import.dry_run"))


def _same_file(a: Path, b: Path) -> bool:
    """Whether writing ``a`` would overwrite ``b`` (the same path, or a link to it)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def show_file_errors(exc: InvalidFile, fmt: OutputFormat) -> None:
    rows = [
        {"line": e.line, "column": e.column, "value": e.value, "reason": e.reason}
        for e in exc.errors
    ]
    if fmt is OutputFormat.json:
        typer.echo(to_json({"file": exc.path, "written": False, "errors": rows}))
        return
    from dangvien_cli.cli._context import stderr_console

    console = stderr_console()
    emit(rows[:SHOWN_ERRORS], ERROR_COLUMNS, OutputFormat.table, out=console.file)
    if len(rows) > SHOWN_ERRORS:
        console.print(t("import.more_errors", count=fmt_int(len(rows) - SHOWN_ERRORS)))


@contextmanager
def from_stdin(path: Path) -> Iterator[Path]:
    """``-`` is standard input: its bytes are copied to a private temporary file first, so
    that encoding detection, the .xlsx reader and the audit's SHA-256 see a file like any
    other (named stdin.csv, or stdin.xlsx when the bytes are a zip)."""
    if str(path) != "-":
        yield path
        return
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dangvien-stdin-") as folder:
        spool = Path(folder) / "stdin"
        with spool.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        with spool.open("rb") as head:
            is_zip = head.read(4) == b"PK\x03\x04"
        named = spool.rename(spool.with_suffix(".xlsx" if is_zip else ".csv"))
        yield named


@contextmanager
def progress(path: Path, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress line with rows/s when a person watches (stdout and stderr are a
    terminal); nothing in a pipe, in a script or with --quiet."""
    if quiet or not (sys.stderr.isatty() and sys.stdout.isatty()):
        yield None
        return
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dangvien_cli.cli._context import stderr_console

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.fields[rows]}"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=True,
    ) as bar:
        task = bar.add_task(path.name, total=None, rows="", rate="")
        start = time.monotonic()

        def tick(rows: int) -> None:
            elapsed = max(time.monotonic() - start, 1e-6)
            rate = t("import.rate", rate=fmt_int(round(rows / elapsed)))
            bar.update(task, completed=rows, rows=t("import.rows", rows=fmt_int(rows)), rate=rate)

        yield tick
