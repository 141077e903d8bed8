"""Reading the files units send: CSV in whatever encoding and delimiter, or .xlsx.

Rows are streamed, never loaded whole. Every value comes out as text in NFC except the
real dates and numbers of an .xlsx file, which stay dates and numbers so that nothing has
to guess a day/month order.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dangvien_cli.errors import DangvienError
from dangvien_cli.vntext import fold

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}
csv.field_size_limit(1 << 24)


def header_key(header: str) -> str:
    """'Mã đơn vị', 'ma_don_vi', 'MÃ ĐƠN VỊ' and 'madonvi' are one header."""
    return re.sub(r"[^a-z0-9]", "", fold(str(header)))


@dataclass
class Table:
    path: Path
    encoding: str
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line number in the file, cells)


def open_table(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Table:
    if not path.exists() or not path.is_file():
        raise DangvienError("import.file_not_found", path=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _open_xlsx(path, sheet)
    return _open_csv(path, encoding, delimiter)


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    from dangvien_cli.textcodecs import EncodingError, open_text

    try:
        stream, used = open_text(path, encoding)
    except EncodingError as exc:
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
    headers = next(csv.reader([first], delimiter=delim))
    headers = [h.lstrip("\ufeff").strip() for h in headers]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(stream, delimiter=delim)
        try:
            for record in reader:
                if not record or (len(record) == 1 and not record[0].strip()):
                    continue
                yield reader.line_num + 1, record
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
    if isinstance(value, str):
        return value
    return value


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise DangvienError("import.bad_file", path=str(path), reason=type(exc).__name__) from None
    if sheet is not None:
        if sheet not in book.sheetnames:
            book.close()
            raise DangvienError(
                "import.bad_file", path=str(path), reason=f"sheet '{sheet}' ∉ {book.sheetnames}"
            )
        ws = book[sheet]
    else:
        ws = book.worksheets[0]
    it = ws.iter_rows(values_only=True)
    header_row: tuple[Any, ...] = ()
    line = 0
    for line, candidate in enumerate(it, start=1):  # noqa: B007 - line is used after the loop
        if any(c is not None and str(c).strip() for c in candidate):
            header_row = candidate
            break
    headers = ["" if h is None else str(h).strip() for h in header_row]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        book.close()
        raise DangvienError("import.empty", path=str(path))

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for n, record in enumerate(it, start=line + 1):
                cells = [_xlsx_value(c) for c in record[: len(headers)]]
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                yield n, ["" if c is None else c for c in cells]
        finally:
            book.close()

    return Table(path, "xlsx", headers, rows())


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
