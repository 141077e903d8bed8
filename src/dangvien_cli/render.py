"""The one place that turns records into output: Rich tables for people, JSON/CSV/TSV for
scripts. Records arrive as plain dicts with English snake_case keys; the table view picks
and labels columns, the script formats carry every key.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import IO, Any

from dangvien_cli.i18n import fmt_date, fmt_int, fmt_percent, t
from dangvien_cli.tabular import neutralise


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


@dataclass(frozen=True)
class Column:
    """A table column: the record key, the catalogue key of its header, and how to show it."""

    key: str
    header: str
    kind: str = "text"  # text | int | number | date | percent | bool | bar | status | stage | step
    max_width: int | None = None
    min_width: int | None = None
    wrap: bool = True
    # The one column that gives way in a narrow terminal: one line, cut with an ellipsis.
    flex: bool = False
    # A header that is data, not a catalogue key (a year above a per-year column).
    title: str | None = None
    # For a "bar": the record key of the share (0..1) to mark on it, e.g. the time elapsed.
    tick: str | None = None


STATUS_STYLE = {
    "vuot": "bold green",
    "dat": "green",
    "dung-tien-do": "cyan",
    "cham": "bold red",
    "chua-giao": "dim",
}


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


def _cell_text(value: Any, kind: str) -> str:
    if value is None:
        return ""
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
    rows: Sequence[Mapping[str, Any]], keys: Sequence[str], out: IO[str], delimiter: str
) -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow([_csv_value(row.get(k)) for k in keys])


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    if isinstance(value, str):
        # A text that a spreadsheet would run as a formula gets the export's "'" (tabular).
        return neutralise(value)
    return _plain(value)


def data_console(out: IO[str] | None = None):  # type: ignore[no-untyped-def]
    from rich.console import Console

    # No markup or highlighting: a name like "[Chi bộ 1]" must print as written.
    return Console(file=out or sys.stdout, markup=False, highlight=False, emoji=False)


def emit(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    footer: Mapping[str, Any] | None = None,
    keys: Sequence[str] | None = None,
    out: IO[str] | None = None,
) -> None:
    """Print records: all keys for scripts, the chosen columns for people."""
    out = out or sys.stdout
    if fmt is OutputFormat.json:
        out.write(to_json(list(rows)) + "\n")
        return
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        keys = list(keys or (rows[0].keys() if rows else [c.key for c in columns]))
        _write_delimited(rows, keys, out, "," if fmt is OutputFormat.csv else "\t")
        return
    _print_table(rows, columns, title=title, footer=footer, out=out)


def _print_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None,
    footer: Mapping[str, Any] | None,
    out: IO[str],
) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = data_console(out)
    if not rows:
        console.print(t("report.no_rows"))
        return
    table = Table(
        title=title, box=box.SIMPLE_HEAD, show_footer=footer is not None, collapse_padding=True
    )
    for col in columns:
        numeric = col.kind in ("int", "percent", "number")
        header = col.title or t(col.header)
        fixed = col.kind in ("int", "percent", "number", "date", "bar", "status", "code")
        table.add_column(
            header,
            justify="right" if numeric else "left",
            footer=_footer_text(footer, col) if footer else "",
            max_width=col.max_width,
            min_width=col.min_width or (len(header) if fixed else None),
            overflow="ellipsis" if col.flex else "fold",
            no_wrap=col.flex or fixed,
        )
    for row in rows:
        cells: list[Text | str] = []
        status = row.get("status")
        style = STATUS_STYLE.get(status, "") if isinstance(status, str) else ""
        for col in columns:
            value = row.get(col.key)
            if col.kind == "bar":
                tick = row.get(col.tick) if col.tick else None
                cells.append(Text(progress_bar(value, tick=tick), style=style))
            elif col.kind == "status":
                cells.append(Text(_cell_text(value, col.kind), style=style))
            else:
                cells.append(_cell_text(value, col.kind))
        table.add_row(*cells)
    flex = [i for i, col in enumerate(columns) if col.flex]
    # Measuring a table costs as much as printing it: only a table with a flex column asks.
    if flex and _natural_width(console, table) > console.width:
        table.expand = True
        table.columns[flex[0]].ratio = 1
    console.print(table)


def _natural_width(console: Any, table: Any) -> int:
    return console.measure(table, options=console.options.update(max_width=100_000)).maximum


def _footer_text(footer: Mapping[str, Any], col: Column) -> str:
    if col.kind == "bar":
        return progress_bar(footer.get(col.key), tick=footer.get(col.tick) if col.tick else None)
    return _cell_text(footer.get(col.key), col.kind)


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
    if fmt in (OutputFormat.csv, OutputFormat.tsv):
        flat = {k: v for k, v in obj.items() if not isinstance(v, (list, dict))}
        _write_delimited([flat], list(flat), out, "," if fmt is OutputFormat.csv else "\t")
        return
    from rich import box
    from rich.table import Table

    console = data_console(out)
    sheet = Table(title=title, box=box.SIMPLE, show_header=False)
    sheet.add_column(style="bold")
    sheet.add_column(overflow="fold")
    for col in fields:
        sheet.add_row(t(col.header), _cell_text(obj.get(col.key), col.kind))
    console.print(sheet)
