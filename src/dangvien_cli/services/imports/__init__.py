"""What every import shares: matching a file's headers to fields, collecting every bad
row before anything is written, and counting what changed.

An import runs inside the command's one transaction. Rows are validated as they stream
by; the first bad row stops the writing (the transaction is then rolled back), but the
rest of the file is still read so that every bad row is reported at once.

Choices every import follows:
- a column missing from the file leaves that field of stored records as it is; an empty
  cell in a column the file has clears an optional field;
- a row with more cells than the header names (other than empty ones), or a CSV row with
  fewer, is a bad row: its values may have slid into the wrong columns;
- a file with a header and no rows imports nothing and succeeds; an empty file is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangvien_cli.errors import DangvienError, InvalidFile, RowError, RowErrors
from dangvien_cli.i18n import t
from dangvien_cli.services.imports.cells import (
    Memo,
    education_code,
    national_id_cell,
    parse_date_cell,
    phone_cell,
)
from dangvien_cli.services.imports.columns import (
    UNIT_CODE_HEADERS,
    ColumnMap,
    FieldSpec,
    Row,
    open_mapped,
)
from dangvien_cli.tabular import open_table, unneutralise
from dangvien_cli.tabular_write import write_table


@dataclass
class ImportResult:
    kind: str
    path: str
    encoding: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "file": self.path,
            "encoding": self.encoding,
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "warnings": self.warnings,
        }


def reason_of(exc: DangvienError) -> str:
    return exc.message()


@dataclass(frozen=True)
class ImportFile:
    """What every import takes besides its own options: the file, how to read it when the
    clerk says so (--encoding, --delimiter, --sheet), whether to write, and who to tell of
    the rows read so far."""

    path: Path
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    dry_run: bool = False
    progress: Callable[[int], None] | None = None

    def open(self, fields: list[FieldSpec]) -> ColumnMap:
        return open_mapped(
            self.path, fields, encoding=self.encoding, delimiter=self.delimiter, sheet=self.sheet
        )


def start_import(
    kind: str, file: ImportFile, fields: list[FieldSpec]
) -> tuple[ColumnMap, ImportResult, RowErrors]:
    """Open a file for one kind of import: its column mapping, a result that already names
    the encoding used and the columns ignored, and the list its bad rows go to."""
    mapping = file.open(fields)
    result = ImportResult(kind, str(file.path), mapping.table.encoding, dry_run=file.dry_run)
    result.warnings += mapping.warnings()
    headers = {key: mapping.column(key) for key in mapping.index}
    return mapping, result, RowErrors(path=str(file.path), headers=headers)


def raise_if_errors(path: Path, errors: RowErrors) -> None:
    if errors:
        raise InvalidFile(str(path), sorted(errors.items, key=lambda e: e.line))


def write_error_file(target: Path, source: ImportFile, errors: list[RowError]) -> int:
    """Write the bad rows as the unit sent them, each led by its line number and what is
    wrong, so the unit can correct them in place and send the file back."""
    by_line: dict[int, list[RowError]] = {}
    for e in errors:
        by_line.setdefault(e.line, []).append(e)
    table = open_table(
        source.path, encoding=source.encoding, delimiter=source.delimiter, sheet=source.sheet
    )
    escaped = table.kind == "csv"

    def describe(line: int) -> str:
        return "; ".join(f"{e.column}: {e.reason}" for e in by_line[line])

    last = max(by_line, default=0)

    def rows() -> Iterator[list[Any]]:
        seen: set[int] = set()
        for line, cells in table.rows:
            if line > last:  # the rest of the file was not read either (MAX_ROW_ERRORS)
                break
            if line in by_line:
                seen.add(line)
                if escaped:
                    cells = [unneutralise(c) if isinstance(c, str) else c for c in cells]
                yield [line, describe(line), *cells]
        for line in sorted(set(by_line) - seen):
            yield [line, describe(line)]

    headers = [t("col.line"), t("col.errors"), *table.headers]
    return write_table(target, headers, rows())


__all__ = [
    "UNIT_CODE_HEADERS",
    "ColumnMap",
    "FieldSpec",
    "ImportFile",
    "ImportResult",
    "Memo",
    "Row",
    "RowError",
    "RowErrors",
    "education_code",
    "national_id_cell",
    "open_mapped",
    "parse_date_cell",
    "phone_cell",
    "raise_if_errors",
    "reason_of",
    "start_import",
    "write_error_file",
]
