"""The one place that turns records into output: tables for people (laid out by
``render_table``), JSON/NDJSON/CSV/TSV for scripts. Records arrive as plain dicts with
English snake_case keys, as a list or as an iterator that is read once: every format writes
while the rows arrive. The table view picks and labels columns (codes become words in the
user's language), the script formats carry every key and keep the codes.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from itertools import chain
from typing import IO, Any

from dangvien_cli.i18n import code_label, fmt_date, fmt_int, fmt_percent, t
from dangvien_cli.tabular import neutralise


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    ndjson = "ndjson"


@dataclass(frozen=True)
class Column:
    """A table column: the record key, the catalogue key of its header, and how to show it."""

    key: str
    header: str
    # text | int | id | number | date | percent | bool | bar | status | stage | step. An "id"
    # is a number to type back ("candidate show 83373"), written without a thousands mark.
    kind: str = "text"
    max_width: int | None = None
    min_width: int | None = None
    wrap: bool = True  # False: one token, kept on one line like a number or a date
    # The column that gives way first in a narrow terminal (a name): it wraps at spaces,
    # down to 24 cells before optional columns are left out (render_table.fit).
    flex: bool = False
    # A header that is data, not a catalogue key (a year above a per-year column).
    title: str | None = None
    # For a "bar": the record key of the share (0..1) to mark on it, e.g. the time elapsed.
    tick: str | None = None
    # An optional column: left out of a narrow terminal, lowest rank first, before text gets
    # narrower than readable (render_table.fit).
    drop: int | None = None
    # Catalogue prefix of a code's label: "unit_kind" shows "dang-bo-co-so" as
    # t("unit_kind.dang-bo-co-so") in a table; JSON and CSV keep the code.
    labels: str | None = None
    # A row of a one-record sheet that only means something at times (a dissolution, a
    # probation's end): left out of the sheet while empty; scripts still get the key.
    when_set: bool = False


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain)


def _cell_text(value: Any, kind: str, labels: str | None = None) -> str:
    if value is None:
        return ""
    if labels:
        return code_label(labels, value)
    if kind == "int":
        return fmt_int(value)
    if kind == "percent":
        return fmt_percent(value)
    if kind == "number":
        return fmt_number(value)
    if kind == "date":
        return fmt_date(value)
    if kind == "bool":
        return t("value.yes") if value else ""
    if kind in ("status", "stage", "step", "member"):
        return t(f"{kind}.{value}")
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)


def fmt_number(value: float | int) -> str:
    """A count as ``1.200``, a measure with one decimal as ``32,5`` (``32.5`` in English)."""
    if isinstance(value, int) or float(value).is_integer():
        return fmt_int(int(value))
    return fmt_percent(value)[:-1]


def progress_bar(fraction: float | None, width: int = 8, tick: float | None = None) -> str:
    """A bar made of characters, so it still reads with NO_COLOR and in a pipe; ``tick``
    marks where the bar should have reached (the pace), as ``│``, when it has not."""
    if fraction is None:
        return ""
    filled = max(0, min(width, round(fraction * width)))
    cells = ["█"] * filled + ["░"] * (width - filled)
    if tick is not None:
        # Only behind pace: the mark shows how far the bar should have come.
        at = max(0, min(width - 1, round(tick * width) - 1))
        if at >= filled:
            cells[at] = "│"
    return "".join(cells)


def _write_delimited(
    rows: Iterable[Mapping[str, Any]], keys: Sequence[str], out: IO[str], delimiter: str
) -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow([_csv_value(row.get(k)) for k in keys])


def _csv_value(value: Any) -> Any:
    kind = type(value)  # the common kinds first, by identity: a nation's list has 9M cells
    if kind is str:
        # A text that a spreadsheet would run as a formula gets the export's "'" (tabular).
        return neutralise(value)
    if kind is int:
        return value
    if kind is date:
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    if isinstance(value, str):  # a StrEnum
        return neutralise(value)
    return _plain(value)


def table_width() -> int:
    """The width a table on standard output gets: a pipe is never cut, so it is unbounded."""
    from dangvien_cli.render_table import stdout_width

    return stdout_width()


def data_console(out: IO[str] | None = None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    from dangvien_cli.render_table import output_is_terminal

    out = out or sys.stdout
    # No markup or highlighting: a name like "[Chi bộ 1]" must print as written. In a pipe
    # a line stays one line (soft_wrap), as the tables' rows do.
    return Console(
        file=out, markup=False, highlight=False, emoji=False, soft_wrap=not output_is_terminal(out)
    )


def emit_document(markdown: str, out: IO[str] | None = None) -> None:
    """A document written in Markdown: set out for a person at a terminal (headings, bold,
    the table, paragraphs wrapped at its width); the Markdown itself in a pipe or a file,
    for the scripts and editors that read it."""
    from dangvien_cli.render_table import output_is_terminal

    out = out or sys.stdout
    if not output_is_terminal(out):
        out.write(markdown)
        return
    from rich.markdown import Markdown

    data_console(out).print(Markdown(markdown))


def emit(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[Column],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    footer: Mapping[str, Any] | None = None,
    keys: Sequence[str] | None = None,
    out: IO[str] | None = None,
    section: bool = False,
) -> None:
    """Print records: all keys for scripts, the chosen columns for people. ``rows`` may be
    an iterator (a cursor): it is read once, and output starts with its first rows.
    ``section``: one of several tables of a sheet (``candidate show``), whose title is
    printed in a pipe too, after an empty line."""
    out = out or sys.stdout
    it = iter(rows)
    # The first row is read before anything is written: a query that fails (an unknown
    # unit) fails before half a document is out.
    first = next(it, None)
    rest: Iterator[Mapping[str, Any]] = chain([first], it) if first is not None else iter(())
    if fmt is OutputFormat.json:
        _write_json_array(rest, out)
        return
    if fmt is OutputFormat.ndjson:
        for row in rest:
            out.write(json.dumps(row, ensure_ascii=False, default=_plain) + "\n")
        return
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        keys = list(keys or (first.keys() if first is not None else [c.key for c in columns]))
        _write_delimited(rest, keys, out, "," if fmt is OutputFormat.csv else "\t")
        return
    if first is None:
        out.write(t("report.no_rows") + "\n")
        return
    from dangvien_cli import render_table

    readers = [_cell_reader(col) for col in columns]

    def cells(row: Mapping[str, Any]) -> list[str]:
        return [read(row) for read in readers]

    render_table.print_table(
        rest,
        columns,
        cells,
        headers=[col.title or t(col.header) for col in columns],
        title=title,
        footer=[read(footer) for read in readers] if footer else None,
        styles=render_table.status_style,
        out=out,
        section=section,
    )


def _write_json_array(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> None:
    """The same text as ``to_json(list(rows))``, written a record at a time."""
    opened = False
    for row in rows:
        out.write(",\n  " if opened else "[\n  ")
        out.write(_indented_record(row))
        opened = True
    out.write("\n]\n" if opened else "[]\n")


# json's C encoder only runs without ``indent``; a flat record's indented text is its
# compact text with each separator followed by the indentation, so the C encoder writes it.
_FLAT_RECORD = json.JSONEncoder(
    ensure_ascii=False, default=_plain, separators=(",\n    ", ": ")
).encode


def _indented_record(row: Mapping[str, Any]) -> str:
    if row and not any(isinstance(v, (dict, list, tuple)) for v in row.values()):
        return "{\n    " + _FLAT_RECORD(row)[1:-1] + "\n  }"
    return to_json(row).replace("\n", "\n  ")


def _cell_reader(col: Column) -> Callable[[Mapping[str, Any]], str]:
    """The text of ``col`` in a row, as a function made once per column: a table of
    60,000 rows asks 300,000 times."""
    key, kind, labels = col.key, col.kind, col.labels
    if kind == "bar":
        tick = col.tick
        return lambda row: progress_bar(row.get(key), tick=row.get(tick) if tick else None)
    if kind == "text" and not labels:

        def text(row: Mapping[str, Any]) -> str:
            value = row.get(key)
            return value if type(value) is str else _cell_text(value, kind)

        return text
    if labels or kind in ("status", "stage", "step", "member"):
        known: dict[Any, str] = {}  # a vocabulary has a handful of codes

        def label(row: Mapping[str, Any]) -> str:
            value = row.get(key)
            if value not in known:
                known[value] = _cell_text(value, kind, labels)
            return known[value]

        return label
    return lambda row: _cell_text(row.get(key), kind, labels)


def emit_object(
    obj: Mapping[str, Any],
    fields: Iterable[Column],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    out: IO[str] | None = None,
) -> None:
    """Print one record: a JSON object for scripts, a two-column sheet for people."""
    out = out or sys.stdout
    if fmt is OutputFormat.json:
        out.write(to_json(obj) + "\n")
        return
    if fmt is OutputFormat.ndjson:
        out.write(json.dumps(obj, ensure_ascii=False, default=_plain) + "\n")
        return
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        flat = {k: v for k, v in obj.items() if not isinstance(v, (list, dict))}
        _write_delimited([flat], list(flat), out, "," if fmt is OutputFormat.csv else "\t")
        return
    from dangvien_cli import render_table

    sheet = [
        {"label": t(col.header), "value": _cell_text(obj.get(col.key), col.kind, col.labels)}
        for col in fields
        if not (col.when_set and obj.get(col.key) is None)
    ]
    render_table.print_table(
        sheet,
        SHEET_COLUMNS,
        lambda row: [row["label"], row["value"]],
        headers=["", ""],
        title=title,
        footer=None,
        out=out,
        show_header=False,
    )


# The two columns of a one-record sheet (no header; both wrap at spaces).
SHEET_COLUMNS = (Column("label", ""), Column("value", ""))
