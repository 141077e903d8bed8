"""Where a command's rows go: the terminal (a table), a pipe (JSON, NDJSON, CSV, TSV), or
an ``--output`` file (a workbook, JSON, CSV, TSV) written owner-only. Every command that
prints rows hands them to ``deliver`` with a ``View``; ``render.emit`` does the writing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO, Any, cast

from dangvien_cli.i18n import t
from dangvien_cli.render import Column, OutputFormat, emit, table_width

WIDE = 140  # terminal columns from which tables add their secondary columns
Rows = list[dict[str, Any]]
Footer = Mapping[str, Any] | None
# The formats an --output file's suffix chooses; .xlsx is the table, as a workbook.
OUTPUTS = {
    ".xlsx": OutputFormat.table,
    ".json": OutputFormat.json,
    ".csv": OutputFormat.csv,
    ".tsv": OutputFormat.tsv,
}


@dataclass(frozen=True)
class View:
    """How people see a command's rows. ``columns_for(wide)`` picks the table's columns;
    ``display`` adds the display-only keys (labels, bars) and the footer; ``fields`` are the
    keys a CSV header carries when there are no rows; ``chart`` draws the workbook's chart."""

    columns_for: Callable[[bool], list[Column]]
    display: Callable[[Rows], tuple[Rows, Footer]] | None
    fields: Sequence[str]
    title: str | None
    chart: Callable[[Rows], Any] | None = None

    @classmethod
    def table(cls, columns: Sequence[Column], title: str | None = None) -> View:
        """A list command's view: the same columns at every width, the rows as they are."""
        return cls(lambda wide: list(columns), None, (), title)


def deliver(
    rows: Iterable[Mapping[str, Any]], view: View, output: Path | None, *, fmt: OutputFormat
) -> None:
    """Scripts get the service's rows as they are; people get labelled rows in a table, or a
    workbook with ``--output FILE.xlsx``; ``--output`` FILE.json/.csv/.tsv writes what the
    script format would print. Rows that are an iterator (a list command's cursor) are
    written as they arrive."""
    fmt = OUTPUTS[output.suffix.lower()] if output else fmt
    if fmt is not OutputFormat.table:
        # The first row's keys; with no row, the report's documented ones, so that a script
        # reads the same CSV header either way (rows may be an iterator: looked at once).
        ahead = iter(rows)
        first = next(ahead, None)
        keys = list(first) if first is not None else list(view.fields) or None
        rows = [] if first is None else chain([first], ahead)

        def script(out: IO[str] | None = None) -> None:
            emit(rows, view.columns_for(True), fmt, keys=keys, out=out)

        if output:
            write_file(output, lambda _, out: script(out))
        else:
            script()
        return
    if view.display is None:  # a list command: its rows as they come, on the terminal
        emit(rows, view.columns_for(table_width() >= WIDE), fmt, title=view.title)
        return
    # A report: its rows are a list (the service's), labelled for people.
    shown, footer = view.display(cast(Rows, rows))
    if output is None:
        columns = view.columns_for(table_width() >= WIDE)
        emit(shown, columns, fmt, title=view.title, footer=footer)
        return
    from dangvien_cli.render_xlsx import write_workbook

    shown = list(shown)  # a workbook and its chart read the rows more than once
    figure = view.chart(shown) if view.chart else None
    title = view.title or ""
    write_file(
        output,
        lambda target, _: write_workbook(
            target, shown, view.columns_for(True), title=title, footer=footer, chart=figure
        ),
    )


def write_file(output: Path, write: Callable[[Path, IO[str] | None], None]) -> None:
    """Write an output file owner-only (a report can list people by name), then say so on
    stderr. ``write`` gets the path, and for a text file the open file."""
    from dangvien_cli.errors import DangvienError, os_reason
    from dangvien_cli.tabular_write import private_output

    try:
        with private_output(output) as target:
            if output.suffix.lower() == ".xlsx":
                write(target, None)
            else:
                # A BOM, so that Excel in Vietnam opens the CSV as UTF-8 (PEERS.md §3.11).
                encoding = "utf-8-sig" if output.suffix.lower() != ".json" else "utf-8"
                with target.open("w", encoding=encoding, newline="") as f:
                    write(target, f)
    except OSError as exc:
        raise DangvienError("report.cannot_write", path=output, reason=os_reason(exc)) from None
    notice(t("report.written", path=output))


def notice(text: str) -> None:
    """A line for the person on stderr (standard output stays the data's)."""
    from rich.console import Console

    Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True).print(text)
