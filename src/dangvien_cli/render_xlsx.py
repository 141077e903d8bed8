"""Reports as Excel workbooks, to send up to the province: the same columns as the table a
clerk sees, with real numbers and dates (Excel shows them in the reader's own locale), a
bold header and totals line, status colours, and a bar chart where the report has one.

Called from the CLI, like render.py; imports openpyxl only when a workbook is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column, _cell_text
from dangvien_cli.tabular_write import keep_text, xlsx_string

_FORMATS = {"int": "#,##0", "id": "0", "number": "#,##0.0", "percent": "0.0%", "date": "dd/mm/yyyy"}
# Light fills that read on screen and in black-and-white print; the status word stays.
_STATUS_FILL = {
    "vuot": "C6EFCE",
    "dat": "E2EFDA",
    "dung-tien-do": "DDEBF7",
    "cham": "FFC7CE",
    "chua-giao": "EDEDED",
}
_HEADER_FILL = "D9E1F2"
_MAX_WIDTH = 60
_FIRST_ROW = 3  # the title on row 1, a blank row, then the header


@dataclass(frozen=True)
class Chart:
    """A clustered bar chart: one bar per series for each row, labelled by ``label_key``."""

    rows: Sequence[Mapping[str, Any]]
    label_key: str
    series: Sequence[tuple[str, str]]  # (record key, catalogue key of its name)
    title: str


def _value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "percent":
        return value / 100
    if kind in ("int", "id", "number", "date"):
        return value
    return _cell_text(value, kind)  # words, as the table shows them


def write_workbook(
    path: Path,
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    title: str,
    footer: Mapping[str, Any] | None = None,
    chart: Chart | None = None,
) -> None:
    """Write one sheet with the report (and one with the chart's figures, if any)."""
    from openpyxl import Workbook

    columns = [c for c in columns if c.kind != "bar"]  # Excel draws its own data bars
    book = Workbook()
    sheet = book.worksheets[0]  # the one a new book opens with (its active sheet)
    sheet.title = t("xlsx.sheet")
    _fill_sheet(sheet, rows, columns, title=title, footer=footer)
    if chart is not None and chart.rows:
        _add_chart(book, chart)
    book.save(path)


def _fill_sheet(sheet, rows, columns, *, title, footer) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    title_cell = keep_text(sheet.cell(row=1, column=1, value=xlsx_string(title)))
    title_cell.font = Font(bold=True, size=13)
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    widths = []
    for i, col in enumerate(columns, start=1):
        cell = sheet.cell(row=_FIRST_ROW, column=i, value=col.title or t(col.header))
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        widths.append(len(str(cell.value)))
    for r, row in enumerate(rows, start=_FIRST_ROW + 1):
        _write_row(sheet, r, row, columns, widths)
    last = _FIRST_ROW + len(rows)
    if footer:
        _write_row(sheet, last + 1, footer, columns, widths, bold=True)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, width + 2)
    sheet.freeze_panes = sheet.cell(row=_FIRST_ROW + 1, column=1)
    if rows:
        sheet.auto_filter.ref = f"A{_FIRST_ROW}:{get_column_letter(len(columns))}{last}"
        _data_bars(sheet, columns, last)


def _write_row(sheet, r, row, columns, widths, *, bold=False) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font, PatternFill

    status = row.get("status")
    for i, col in enumerate(columns, start=1):
        value = _value(row.get(col.key), col.kind)
        if isinstance(value, str):
            value = xlsx_string(value)
        cell = keep_text(sheet.cell(row=r, column=i, value=value))
        if col.kind in _FORMATS:
            cell.number_format = _FORMATS[col.kind]
        if bold:
            cell.font = Font(bold=True)
        if col.kind == "status" and status in _STATUS_FILL:
            cell.fill = PatternFill("solid", fgColor=_STATUS_FILL[status])
        shown = fmt_date(value) if isinstance(value, date) else str(value or "")
        widths[i - 1] = max(widths[i - 1], len(shown))


def _data_bars(sheet, columns, last: int) -> None:  # type: ignore[no-untyped-def]
    """The progress bars of the table, as Excel data bars on the percent column."""
    from openpyxl.formatting.rule import DataBarRule
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(columns, start=1):
        if col.key == "percent":
            letter = get_column_letter(i)
            rule = DataBarRule(
                start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"
            )
            sheet.conditional_formatting.add(f"{letter}{_FIRST_ROW + 1}:{letter}{last}", rule)


def _add_chart(book, chart: Chart) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.chart import BarChart, Reference

    data = book.create_sheet(t("xlsx.chart_sheet"))
    data.append([t("col.unit"), *(t(name) for _, name in chart.series)])
    for r, row in enumerate(chart.rows, start=2):
        label = xlsx_string(str(row.get(chart.label_key) or "").strip())
        data.append([label] + [row.get(key) or 0 for key, _ in chart.series])
        keep_text(data.cell(row=r, column=1))
    bars = BarChart()
    bars.type = "bar"  # horizontal: long Vietnamese unit names stay readable
    bars.title = chart.title
    bars.height = max(8, 0.5 * len(chart.rows))
    bars.width = 24
    count = len(chart.rows) + 1
    values = Reference(data, min_col=2, max_col=1 + len(chart.series), min_row=1, max_row=count)
    bars.add_data(values, titles_from_data=True)
    bars.set_categories(Reference(data, min_col=1, min_row=2, max_row=count))
    data.column_dimensions["A"].width = 40
    data.add_chart(bars, f"{chr(ord('A') + len(chart.series) + 2)}2")
