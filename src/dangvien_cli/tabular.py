"""Reading the files units send: CSV in whatever encoding and delimiter, or .xlsx (writing
the files sent back is tabular_write).

Rows are streamed, never loaded whole. Every value comes out as text in NFC except the
real dates and numbers of an .xlsx file, which stay dates and numbers so that nothing has
to guess a day/month order.

Formula injection: a CSV cell written out (tabular_write, render) that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (as OWASP advises), so
Excel shows it as text instead of running it; a cell that already starts with ``'`` followed
by one of those (or by another ``'``) gets one too, which keeps the escaping reversible.
Reading a CSV removes that one ``'`` again, so an export imports back to identical records.
In .xlsx the text is written as an explicit string cell, which Excel never evaluates, so no
prefix is needed there.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import DangvienError
from dangvien_cli.vntext import fold

if TYPE_CHECKING:
    from dangvien_cli.textcodecs import EncodingError

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}
FORMULA_START = frozenset("=+-@\t\r")
_ESCAPED = FORMULA_START | {"'"}
XLSX_SUFFIXES = (".xlsx", ".xlsm")
XLSX_MAX_ROWS = 1_048_576  # Excel's sheet limit, header included

# Limits on what a file may make this process hold, so that a hostile or broken file is
# refused in seconds and within a flat amount of memory (docs/reliability.md, section 10).
CELL_MAX_CHARS = 32_767  # Excel's own limit on a cell: nothing a clerk saves is longer
HEADER_MAX_CHARS = 65_536  # a header line; 60 columns of long Vietnamese names take 3,000
HEADER_MAX_COLUMNS = 1_000
# .xlsx: what a part of the zip may decompress to. openpyxl loads the shared strings and
# the styles whole before the first row; worksheets are streamed, but a part that
# decompresses more than XLSX_MAX_RATIO times over is a bomb, not a sheet (real sheets
# compress 5 to 30 times).
XLSX_MAX_SHARED_STRINGS = 64 << 20
XLSX_MAX_OTHER_PART = 16 << 20
XLSX_MAX_SHEET = 2 << 30
XLSX_MAX_RATIO = 200
# A run of text between two XML tags longer than this cannot be one legal cell (32,767
# characters of at most 4 bytes, or 8 as a character reference like &#x1EA0;).
_XLSX_MAX_TEXT_RUN = CELL_MAX_CHARS * 8 + 64
csv.field_size_limit(CELL_MAX_CHARS)


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
    if path.is_dir():
        raise DangvienError("import.file_is_folder", path=str(path))
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


# Lines looked at for the header (a title and a blank line or two come first in a sheet
# saved as CSV); past them, the first line is the header.
TITLE_LINES_MAX = 10


def _next_header_line(stream: Any, path: Path, used: str) -> str:
    """The next line, "" at the end; refused when longer than a header may be."""
    from dangvien_cli.textcodecs import LineTooLong

    try:
        line = str(stream.readline(HEADER_MAX_CHARS + 1))
    except (UnicodeDecodeError, LineTooLong):
        line = "\0" * (HEADER_MAX_CHARS + 1)  # refused below, whichever it was
    except ValueError as exc:
        stream.close()
        raise DangvienError(
            "import.bad_encoding", path=str(path), encoding=used, reason=str(exc)
        ) from None
    if len(line) > HEADER_MAX_CHARS:
        stream.close()
        raise DangvienError("import.header_too_long", path=str(path), limit=_fmt(HEADER_MAX_CHARS))
    return line


def _names_columns(cells: Iterable[Any]) -> bool:
    """Whether a row is a header: it names two columns or more (a title names one)."""
    return sum(1 for c in cells if c is not None and str(c).strip()) >= 2


def _line_cells(line: str, delimiter: str | None) -> list[str]:
    """A line's cells, none for a line that does not parse."""
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else _sniff_delimiter(line)
    try:
        return next(csv.reader([line], delimiter=delim), []) if len(delim) == 1 else []
    except csv.Error:
        return []


def _open_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    from dangvien_cli.textcodecs import LINE_MAX_CHARS, EncodingError, LineTooLong, open_text

    try:
        stream, used = open_text(path, encoding)
    except EncodingError as exc:
        raise _encoding_refusal(path, exc) from None
    except LookupError as exc:
        raise DangvienError(
            "import.bad_encoding", path=str(path), encoding=encoding or "auto", reason=str(exc)
        ) from None
    # The header is the first line naming two columns or more, as in a sheet: a file saved
    # from Excel often opens with a title ("DANH SÁCH …,,,,") and a blank line. A file none
    # of whose first lines does so keeps its first line as the header.
    read: list[str] = []
    found = 0
    while len(read) < TITLE_LINES_MAX and (line := _next_header_line(stream, path, used)):
        read.append(line)
        if _names_columns(_line_cells(line, delimiter)):
            found = len(read) - 1
            break
    if not "".join(read).strip():
        stream.close()
        raise DangvienError("import.empty", path=str(path))
    first, header_line, rest = read[found], found + 1, read[found + 1 :]
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else _sniff_delimiter(first)
    if len(delim) != 1:
        stream.close()
        raise DangvienError("import.bad_delimiter", value=delimiter)
    try:
        headers = next(csv.reader([first], delimiter=delim))
    except csv.Error as exc:
        stream.close()
        raise _csv_refusal(path, exc, header_line) from None
    headers = [h.lstrip("\ufeff").strip() for h in headers]
    _check_header_width(path, headers)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(chain(rest, stream), delimiter=delim)
        consumed = 0  # lines the reader has read past the header
        try:
            for record in reader:
                start, consumed = consumed + header_line + 1, reader.line_num
                if not any(record) or (not record[0].strip() and not "".join(record).strip()):
                    continue  # a blank line, or a row of empty cells as Excel saves them
                yield start, record
        except EncodingError as exc:  # a streamed file: bytes past the detection sample
            raise _encoding_refusal(path, exc) from None
        except LineTooLong:
            raise DangvienError(
                "import.line_too_long",
                path=str(path),
                line=_fmt(consumed + header_line + 1),  # where the record began
                limit=_fmt(LINE_MAX_CHARS),
            ) from None
        except csv.Error as exc:
            at, began = reader.line_num + header_line, consumed + header_line + 1
            raise _csv_refusal(path, exc, at, began) from None
        except (UnicodeDecodeError, ValueError) as exc:
            at = reader.line_num + header_line
            raise DangvienError("import.bad_file", path=str(path), reason=f"{at}: {exc}") from None
        finally:
            stream.close()

    return Table(path, used, headers, rows())


def _encoding_refusal(path: Path, exc: EncodingError) -> DangvienError:
    """textcodecs says what it refused (bytes at a line, or no encoding recognised); the
    sentence is the catalogue's, in the clerk's language."""
    bad = exc.bad_bytes
    if not bad:
        return DangvienError("import.encoding_unknown", path=str(path))
    if exc.line:
        return DangvienError(
            "import.bad_bytes_at",
            path=str(path),
            encoding=exc.encoding,
            line=_fmt(exc.line),
            bytes=bad,
        )
    return DangvienError("import.bad_bytes", path=str(path), encoding=exc.encoding, bytes=bad)


def _csv_refusal(path: Path, exc: csv.Error, line: int, start: int | None = None) -> DangvienError:
    if "field limit" in str(exc):  # the csv module's only word for a cell over the limit
        return DangvienError(
            "import.cell_too_long",
            path=str(path),
            line=_fmt(line if start is None else start),  # the record's first line
            limit=_fmt(CELL_MAX_CHARS),
        )
    return DangvienError("import.bad_file", path=str(path), reason=f"{_fmt(line)}: {exc}")


def _check_header_width(path: Path, headers: list[str]) -> None:
    if len(headers) > HEADER_MAX_COLUMNS:
        raise DangvienError(
            "import.too_many_columns",
            path=str(path),
            count=_fmt(len(headers)),
            limit=_fmt(HEADER_MAX_COLUMNS),
        )


def _fmt(number: int) -> str:
    from dangvien_cli.i18n import fmt_int

    return fmt_int(number)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _check_xlsx_parts(path: Path) -> None:
    """Refuse a zip bomb before openpyxl opens it: each part's declared size against the
    limits above, and each worksheet streamed once to find a text run no cell can hold.

    The declared sizes can be trusted: zipfile stops a part at its declared size and then
    fails its CRC, so a part that lies about its size is a damaged file.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            for part in parts:
                name = part.filename.lower()
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    limit = XLSX_MAX_SHEET
                elif name.endswith("sharedstrings.xml"):
                    limit = XLSX_MAX_SHARED_STRINGS
                else:
                    limit = XLSX_MAX_OTHER_PART
                ratio = part.file_size / max(part.compress_size, 1)
                if part.file_size > limit or (
                    part.file_size > XLSX_MAX_OTHER_PART and ratio > XLSX_MAX_RATIO
                ):
                    raise DangvienError(
                        "import.xlsx_too_big",
                        path=str(path),
                        part=part.filename,
                        size=_fmt(part.file_size // (1 << 20)),
                        packed=_fmt(max(1, part.compress_size // 1024)),
                    )
            for part in parts:
                if part.filename.lower().startswith("xl/worksheets/"):
                    with archive.open(part) as stream:
                        _check_text_runs(path, stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise DangvienError("import.not_xlsx", path=str(path)) from None


# Anchored at the start of a run (after "<"), so each run is scanned once, not once per byte.
_TEXT_RUN = re.compile(rb"(?<![^<])[^<]{%d}" % _XLSX_MAX_TEXT_RUN)


def _check_text_runs(path: Path, stream: Any) -> None:
    """Stream one worksheet's XML and refuse it if any text between tags is longer than a
    cell may be: openpyxl would build that text in memory many times over."""
    carry = b""
    while chunk := stream.read(1 << 20):
        data = carry + chunk
        if _TEXT_RUN.search(data):
            raise DangvienError(
                "import.xlsx_cell_too_long", path=str(path), limit=_fmt(CELL_MAX_CHARS)
            )
        cut = data.rfind(b"<")
        carry = data[cut:] if cut >= 0 else data


def _sheet_rows(ws: Any, path: Path) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows as openpyxl parses them, lazily; XML it cannot parse (a damaged
    part, entities that expand a thousandfold) is the file's fault, said as such."""
    rows = ws.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception:  # ParseError, or lxml's, or openpyxl's own on a malformed cell
            raise DangvienError("import.not_xlsx", path=str(path)) from None
        yield row


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    _check_xlsx_parts(path)
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise DangvienError("import.not_xlsx", path=str(path)) from None
    ws: Any  # the stubs type book[name] as any kind of sheet, worksheets[0] as a worksheet
    if sheet is not None:
        if sheet not in book.sheetnames:
            names = ", ".join(book.sheetnames)
            book.close()
            raise DangvienError("import.no_sheet", path=str(path), sheet=sheet, sheets=names)
        ws = book[sheet]
    else:
        ws = book.worksheets[0]
    # Read-only sheets stop at the used range the file declares (<dimension>), and some
    # programs that write .xlsx declare a stale one: rows and columns past it were dropped
    # in silence. Forgetting it makes openpyxl read every row the sheet holds.
    ws.reset_dimensions()
    it = _sheet_rows(ws, path)
    header_row: tuple[Any, ...] = ()
    line = 0
    # The header is the first row naming two columns or more: a sheet often opens with a
    # title ("DANH SÁCH ĐẢNG VIÊN …") in one cell and a blank row.
    for line, candidate in enumerate(it, start=1):  # noqa: B007 - line is used after the loop
        if _names_columns(candidate):
            header_row = candidate
            break
    headers = ["" if h is None else str(h).strip() for h in header_row]
    while headers and not headers[-1]:
        headers.pop()
    if sum(len(h) for h in headers) > HEADER_MAX_CHARS:
        book.close()
        raise DangvienError("import.header_too_long", path=str(path), limit=_fmt(HEADER_MAX_CHARS))
    try:
        _check_header_width(path, headers)
    except DangvienError:
        book.close()
        raise
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
                if any(type(c) is str and len(c) > CELL_MAX_CHARS for c in cells):
                    raise DangvienError(
                        "import.cell_too_long",
                        path=str(path),
                        line=_fmt(n),
                        limit=_fmt(CELL_MAX_CHARS),
                    )
                while cells and (cells[-1] is None or cells[-1] == ""):
                    cells.pop()
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                yield n, ["" if c is None else c for c in cells]
        finally:
            book.close()

    return Table(path, "xlsx", headers, rows(), kind="xlsx")
