"""Reading the files units send and writing the files sent back: CSV in whatever encoding
and delimiter, or .xlsx.

Rows are streamed, never loaded whole. Every value comes out as text in NFC except the
real dates and numbers of an .xlsx file, which stay dates and numbers so that nothing has
to guess a day/month order.

Formula injection: a CSV cell written here that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return gets a leading ``'`` (as OWASP advises), so Excel shows it as text
instead of running it; a cell that already starts with ``'`` followed by one of those (or by
another ``'``) gets one too, which keeps the escaping reversible. Reading a CSV removes that
one ``'`` again, so an export imports back to identical records. In .xlsx the text is written
as an explicit string cell, which Excel never evaluates, so no prefix is needed there.
"""

from __future__ import annotations

import csv
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from dangvien_cli.errors import DangvienError
from dangvien_cli.vntext import fold

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}
FORMULA_START = frozenset("=+-@\t\r")
_ESCAPED = FORMULA_START | {"'"}
XLSX_SUFFIXES = (".xlsx", ".xlsm")
XLSX_MAX_ROWS = 1_048_576  # Excel's sheet limit, header included
csv.field_size_limit(1 << 24)


def header_key(header: str) -> str:
    """'Mã đơn vị', 'ma_don_vi', 'MÃ ĐƠN VỊ' and 'madonvi' are one header."""
    return re.sub(r"[^a-z0-9]", "", fold(str(header)))


def neutralise(value: str) -> str:
    """Make a CSV cell safe to open in a spreadsheet (reversed by ``unneutralise``)."""
    if value and (value[0] in FORMULA_START or (value[0] == "'" and value[1:2] in _ESCAPED)):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    if len(value) > 1 and value[0] == "'" and value[1] in _ESCAPED:
        return value[1:]
    return value


@dataclass
class Table:
    path: Path
    encoding: str
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line number in the file, cells)
    kind: str = "csv"  # "csv" cells are text that may carry the formula escape; "xlsx" not

    @property
    def width(self) -> int:
        """How many cells a row should have: up to the last named header."""
        named = [i for i, h in enumerate(self.headers) if h]
        return named[-1] + 1 if named else 0


def open_table(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    if not path.exists() or not path.is_file():
        raise DangvienError("import.file_not_found", path=str(path))
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path, sheet)
    if suffix in (".xls", ".ods", ".numbers"):
        raise DangvienError("import.old_spreadsheet", path=str(path))
    return _open_csv(path, encoding, delimiter)


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    from dangvien_cli.textcodecs import EncodingError, open_text

    try:
        stream, used = open_text(path, encoding)
    except (EncodingError, LookupError) as exc:
        raise DangvienError(
            "import.bad_encoding", path=str(path), encoding=encoding or "auto", reason=str(exc)
        ) from None
    try:
        first = stream.readline()
    except (UnicodeDecodeError, ValueError) as exc:
        stream.close()
        raise DangvienError(
            "import.bad_encoding", path=str(path), encoding=used, reason=str(exc)
        ) from None
    if not first.strip():
        stream.close()
        raise DangvienError("import.empty", path=str(path))
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else _sniff_delimiter(first)
    if len(delim) != 1:
        stream.close()
        raise DangvienError("import.bad_delimiter", value=delimiter)
    headers = next(csv.reader([first], delimiter=delim))
    headers = [h.lstrip("\ufeff").strip() for h in headers]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(stream, delimiter=delim)
        consumed = 0  # lines the reader has read; the header was line 1
        try:
            for record in reader:
                start, consumed = consumed + 2, reader.line_num
                if not any(record) or (not record[0].strip() and not "".join(record).strip()):
                    continue  # a blank line, or a row of empty cells as Excel saves them
                yield start, record
        except EncodingError as exc:  # a streamed file: bytes past the detection sample
            raise DangvienError(
                "import.bad_encoding", path=str(path), encoding=used, reason=str(exc)
            ) from None
        except (UnicodeDecodeError, ValueError, csv.Error) as exc:
            raise DangvienError(
                "import.bad_file", path=str(path), reason=f"{reader.line_num + 1}: {exc}"
            ) from None
        finally:
            stream.close()

    return Table(path, used, headers, rows())


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise DangvienError("import.bad_file", path=str(path), reason=type(exc).__name__) from None
    if sheet is not None:
        if sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            book.close()
            raise DangvienError("import.no_sheet", path=str(path), sheet=sheet, sheets=names)
        ws = book[sheet]
    else:
        ws = book.worksheets[0]
    it = ws.iter_rows(values_only=True)
    header_row: tuple[Any, ...] = ()
    line = 0
    # The header is the first row naming two columns or more: a sheet often opens with a
    # title ("DANH SÁCH ĐẢNG VIÊN …") in one cell and a blank row.
    for line, candidate in enumerate(it, start=1):  # noqa: B007 - line is used after the loop
        if sum(1 for c in candidate if c is not None and str(c).strip()) >= 2:
            header_row = candidate
            break
    headers = ["" if h is None else str(h).strip() for h in header_row]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        names = ", ".join(book.sheetnames)
        book.close()
        if len(names.split(", ")) > 1:
            raise DangvienError("import.no_header", path=str(path), sheet=ws.title, sheets=names)
        raise DangvienError("import.empty", path=str(path))

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for n, record in enumerate(it, start=line + 1):
                cells = [_xlsx_value(c) for c in record]
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                yield n, ["" if c is None else c for c in cells]
        finally:
            book.close()

    return Table(path, "xlsx", headers, rows(), kind="xlsx")


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- writing -------------------------------------------------------------------------------


def write_table(
    path: Path | None,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    delimiter: str | None = None,
    sheet: str | None = None,
    labels: Sequence[str] | None = None,
    stream: TextIO | None = None,
) -> int:
    """Write rows to ``path`` as CSV (UTF-8 with BOM, for Excel), TSV or .xlsx, chosen by the
    file's extension, or as CSV to ``stream`` (``-`` on the command line: no BOM, for pipes);
    return how many rows were written.

    ``delimiter`` for CSV (``;`` for a Vietnamese-locale Excel); ``sheet`` names the .xlsx
    sheet and ``labels`` are its header row (the imports read either those or ``headers``).
    The file appears only when complete: it is written beside the target, then renamed; it
    is readable and writable by its owner only.
    """
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else None
    if delim is not None and len(delim) != 1:
        raise DangvienError("import.bad_delimiter", value=delimiter)
    if stream is not None or path is None:
        assert stream is not None
        return _write_rows(
            csv.writer(stream, delimiter=delim or ",", lineterminator="\n"), headers, rows
        )
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        writer = functools.partial(_write_xlsx, sheet=sheet, labels=labels)
    elif suffix in (".csv", ".tsv", ".txt"):
        writer = functools.partial(
            _write_csv, delimiter=delim or ("\t" if suffix == ".tsv" else ",")
        )
    else:
        raise DangvienError("export.bad_suffix", path=str(path))
    if path.is_dir():
        raise DangvienError("export.is_dir", path=str(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # Owner-only from the first byte: exports and error files can hold whole national IDs.
        os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
        count = writer(tmp, list(headers), rows)
        os.replace(tmp, path)
    except OSError as exc:
        raise DangvienError("export.cannot_write", path=str(path), reason=exc.strerror) from None
    finally:
        tmp.unlink(missing_ok=True)
    return count


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as the lists' --format csv writes them
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, date):
        return value.isoformat()  # ISO: no spreadsheet locale reads it month-first
    return value


def _write_rows(writer: Any, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
        count += 1
    return count


def _write_csv(
    path: Path, headers: list[str], rows: Iterable[Sequence[Any]], *, delimiter: str
) -> int:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        return _write_rows(
            csv.writer(fh, delimiter=delimiter, lineterminator="\r\n"), headers, rows
        )


def _write_xlsx(
    path: Path,
    headers: list[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str | None,
    labels: Sequence[str] | None,
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    ws = book.create_sheet((sheet or path.stem)[:31] or "data")
    ws.freeze_panes = "A2"  # the header stays in view while scrolling

    def cell(value: Any) -> Any:
        if isinstance(value, date):
            c = WriteOnlyCell(ws, value=value)
            c.number_format = "DD/MM/YYYY"
            return c
        if isinstance(value, str) and value[:1] == "=":
            c = WriteOnlyCell(ws, value=value)
            c.data_type = "s"  # text, never a formula
            return c
        return value

    ws.append(list(labels or headers))
    count = 0
    for row in rows:
        count += 1
        if count >= XLSX_MAX_ROWS:
            raise DangvienError("export.too_many_rows", limit=XLSX_MAX_ROWS - 1)
        ws.append([cell(v) for v in row])
    # A filter button on every header; a write-only sheet writes it after the rows.
    ws.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{count + 1}"
    book.save(path)
    return count
