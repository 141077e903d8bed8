"""The shared shape of every ``import`` command: options, the all-or-nothing run, the
list of bad rows, the ``--errors`` file and the summary."""

import csv
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command, info, warn
from dangvien_cli.errors import InvalidFile
from dangvien_cli.i18n import t
from dangvien_cli.render import Column, OutputFormat, emit, to_json

EncodingOpt = Annotated[str | None, typer.Option("--encoding", help=t("opt.encoding"))]
DelimiterOpt = Annotated[str | None, typer.Option("--delimiter", help=t("opt.delimiter"))]
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


def import_command(group: typer.Typer, *, help_key: str, runner: str, **extra: Any) -> None:
    """Declare ``<group> import FILE`` with the options every import shares.

    ``runner`` is "module:function" (imported only when the command runs, to keep --help
    fast); ``extra`` maps further keyword-only parameters to (annotation, default).
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
        import importlib

        module, name = runner.split(":")
        function = getattr(importlib.import_module(module), name)
        with progress(path, quiet) as tick:
            run_import(
                function,
                path,
                encoding=encoding,
                delimiter=delimiter,
                sheet=sheet,
                dry_run=dry_run,
                errors_file=errors,
                progress=tick,
                **options,
            )

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
    path: Path,
    *,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    dry_run: bool,
    errors_file: Path | None,
    **kwargs: Any,
) -> None:
    """Run one import in one transaction; on any bad row, list them all and write nothing."""
    ctx = app_ctx()
    try:
        with ctx.session(write=True, dry_run=dry_run) as session:
            result = runner(
                session,
                path,
                encoding=encoding,
                delimiter=delimiter,
                sheet=sheet,
                dry_run=dry_run,
                **kwargs,
            )
    except InvalidFile as exc:
        _show_errors(exc, ctx.fmt, errors_file)
        raise
    for w in result.warnings:
        warn(w)
    data = result.as_dict()
    if ctx.fmt is OutputFormat.json:
        typer.echo(to_json(data))
    elif ctx.fmt in (OutputFormat.csv, OutputFormat.tsv):
        emit([{k: v for k, v in data.items() if k != "warnings"}], SUMMARY_COLUMNS, ctx.fmt)
    else:
        info(
            t(
                "import.summary",
                path=path.name,
                encoding=result.encoding,
                new=result.new,
                updated=result.updated,
                unchanged=result.unchanged,
            )
        )
        if dry_run:
            info(t("import.dry_run"))


def _show_errors(exc: InvalidFile, fmt: OutputFormat, errors_file: Path | None) -> None:
    rows = [
        {"line": e.line, "column": e.column, "value": e.value, "reason": e.reason}
        for e in exc.errors
    ]
    if errors_file is not None:
        with errors_file.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["line", "column", "value", "reason"])
            writer.writeheader()
            writer.writerows(rows)
    if fmt is OutputFormat.json:
        typer.echo(to_json({"file": exc.path, "written": False, "errors": rows}))
    else:
        from dangvien_cli.cli._context import stderr_console

        emit(rows, ERROR_COLUMNS, OutputFormat.table, out=stderr_console().file)


@contextmanager
def progress(path: Path, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    """A Rich progress line with rows/s on a terminal; nothing in a pipe or with --quiet."""
    import sys

    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dangvien_cli.cli._context import stderr_console

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed:,} rows"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=stderr_console(),
        transient=True,
    ) as bar:
        task = bar.add_task(path.name, total=None, rate="")
        import time

        start = time.monotonic()

        def tick(rows: int) -> None:
            elapsed = max(time.monotonic() - start, 1e-6)
            bar.update(task, completed=rows, rate=f"{rows / elapsed:,.0f} rows/s")

        yield tick
