"""dangvien export …: records as CSV (UTF-8 with BOM, for Excel) or .xlsx files that the
imports read back. The file type follows the extension: .csv, .tsv or .xlsx; ``-`` writes
CSV to stdout for a pipe."""

from pathlib import Path
from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, info, new_group, warn
from dangvien_cli.cli._options import UnitFilterOpt, arg, opt
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.render import OutputFormat, to_json

FileArg = Annotated[Path, arg("arg.export_file", metavar="FILE")]
DelimiterOpt = Annotated[str | None, opt("--delimiter", help_key="opt.export_delimiter")]
PrivateOpt = Annotated[bool, opt("--show-private", help_key="opt.export_private")]
UnitOpt = UnitFilterOpt
PeriodOpt = Annotated[str | None, opt("--period", help_key="opt.period_filter")]


def run_export(
    kind: str,
    path: Path,
    *,
    show_private: bool = False,
    unit: str | None = None,
    period: str | None = None,
    delimiter: str | None = None,
) -> None:
    """Write one kind to ``path`` (``-``: CSV on stdout) in a read transaction and say what
    was written (on stderr when the records go to stdout)."""
    import sys

    from dangvien_cli.i18n import get_lang
    from dangvien_cli.services.exports import export

    ctx = app_ctx()
    to_stdout = str(path) == "-"
    with ctx.session() as session:
        result = export(
            session,
            kind,
            None if to_stdout else path,
            show_private=show_private,
            unit_code=unit,
            period_code=period,
            delimiter=delimiter,
            stream=sys.stdout if to_stdout else None,
            vietnamese_headers=get_lang() == "vi",
        )
    if ctx.fmt is OutputFormat.json and not to_stdout:
        typer.echo(to_json(result.as_dict()))
        return
    info(t("export.done", rows=fmt_int(result.rows), path="stdout" if to_stdout else path))
    if result.masked:
        warn(t("export.masked"))


def _declare(group: typer.Typer, kind: str, *, by_period: bool) -> None:
    """``export KIND FILE``: the same options for every kind, --period where it means one."""
    help_key = f"help.export.{kind}"
    if by_period:

        @command(group, kind, help_key=help_key)
        def export_in_period(
            path: FileArg,
            *,
            unit: UnitOpt = None,
            period: PeriodOpt = None,
            show_private: PrivateOpt = False,
            delimiter: DelimiterOpt = None,
        ) -> None:
            run_export(
                kind, path, unit=unit, period=period, show_private=show_private, delimiter=delimiter
            )

        return

    @command(group, kind, help_key=help_key)
    def export_all(
        path: FileArg,
        *,
        unit: UnitOpt = None,
        show_private: PrivateOpt = False,
        delimiter: DelimiterOpt = None,
    ) -> None:
        run_export(kind, path, unit=unit, show_private=show_private, delimiter=delimiter)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()

for kind in ("units", "quotas", "members", "candidates", "admissions"):
    _declare(group, kind, by_period=kind in ("quotas", "admissions"))


def build() -> typer.Typer:
    return group
