"""Writing the files sent back (exports, reports, import error files): CSV with a BOM for
Excel, TSV or .xlsx, each appearing only when complete and readable by its owner only
(``private_output``); cells escaped so that no spreadsheet runs them as formulas (CSV:
tabular.neutralise; .xlsx: ``keep_text``). Apart from tabular, which reads, because reading
guards against hostile files and writing against leaking or half-written ones.
"""

from __future__ import annotations

import csv
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from dangvien_cli.errors import DangvienError, os_reason
from dangvien_cli.tabular import DELIMITERS, XLSX_MAX_ROWS, XLSX_SUFFIXES, neutralise


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
    try:
        with private_output(path) as tmp:
            return writer(tmp, list(headers), rows)
    except OSError as exc:
        raise DangvienError("export.cannot_write", path=str(path), reason=os_reason(exc)) from None


@contextmanager
def private_output(path: Path) -> Iterator[Path]:
    """A path to write in place of ``path``, moved there only when the block ends well.

    Exports, reports and error files can hold whole national IDs: the file is the owner's
    only from its first byte. ``tempfile.mkstemp`` creates it with O_EXCL and mode 0600
    under a random name in the target folder, so a file planted there beforehand (or a
    link) can neither be written through nor lend its mode; the rename then replaces the
    target itself, never what a link there points to.
    """
    import tempfile  # not at the top: kept off the start-up path

    if path.is_dir():
        raise DangvienError("export.is_dir", path=str(path))
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# openpyxl refuses these characters in a cell (XML 1.0 cannot carry them).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_string(value: str) -> str:
    """A text as an .xlsx cell can hold it: without the control characters XML cannot carry
    (openpyxl would refuse the whole workbook; input refuses them, old records may hold them)."""
    return _XML_ILLEGAL.sub("\ufffd", value) if _XML_ILLEGAL.search(value) else value


def keep_text(cell: Any) -> Any:
    """An openpyxl cell given a text is never a formula: openpyxl makes a formula of a text
    starting with "="; Excel never evaluates a string cell, so "+", "-", "@" are safe there.
    The .xlsx side of ``neutralise``, for exports and report workbooks alike."""
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


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
            # openpyxl writes a date as it does a datetime; its stubs name datetime only
            c = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
            c.number_format = "DD/MM/YYYY"
            return c
        if isinstance(value, str):
            value = xlsx_string(value)
            return keep_text(WriteOnlyCell(ws, value=value)) if value[:1] == "=" else value
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
