"""What every import shares: matching a file's headers to fields, collecting every bad
row before anything is written, and counting what changed.

An import runs inside the command's one transaction. Rows are validated as they stream
by; the first bad row stops the writing (the transaction is then rolled back), but the
rest of the file is still read so that every bad row is reported at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dangvien_cli.errors import DangvienError, InvalidFile, RowError, RowErrors
from dangvien_cli.tabular import Table, header_key, open_table
from dangvien_cli.vntext import nfc

IGNORED_HEADERS = {"stt", "tt", "sott", "sothutu", "no", "notes", "ghichu"}


@dataclass(frozen=True)
class FieldSpec:
    key: str
    aliases: tuple[str, ...] = ()
    required: bool = False


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


class Row:
    """One data row, read by field key; cells come out stripped and NFC, '' as None."""

    __slots__ = ("line", "_cells", "_index", "_headers")

    def __init__(self, line: int, cells: list[Any], index: dict[str, int], headers: list[str]):
        self.line = line
        self._cells = cells
        self._index = index
        self._headers = headers

    def raw(self, key: str) -> Any:
        i = self._index.get(key)
        if i is None or i >= len(self._cells):
            return None
        value = self._cells[i]
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not value.isascii():
                value = nfc(value)
        return value

    def text(self, key: str) -> str | None:
        value = self.raw(key)
        return None if value is None else str(value)

    def column(self, key: str) -> str:
        i = self._index.get(key)
        return self._headers[i] if i is not None else key


class Mapping:
    """Which column of the file holds which field."""

    def __init__(self, table: Table, fields: list[FieldSpec]):
        lookup: dict[str, str] = {}
        for spec in fields:
            for name in (spec.key, *spec.aliases):
                lookup[header_key(name)] = spec.key
        self.index: dict[str, int] = {}
        self.unknown: list[str] = []
        for i, header in enumerate(table.headers):
            key = lookup.get(header_key(header))
            if key is not None and key not in self.index:
                self.index[key] = i
            elif header and header_key(header) not in IGNORED_HEADERS:
                self.unknown.append(header)
        missing = [s.key for s in fields if s.required and s.key not in self.index]
        if missing:
            raise DangvienError(
                "import.missing_columns", path=str(table.path), columns=", ".join(missing)
            )
        self.table = table

    def rows(self) -> Iterator[Row]:
        headers = self.table.headers
        for line, cells in self.table.rows:
            yield Row(line, cells, self.index, headers)


def open_mapped(
    path: Path,
    fields: list[FieldSpec],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> Mapping:
    return Mapping(open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet), fields)


def reason_of(exc: DangvienError) -> str:
    return exc.message()


def raise_if_errors(path: Path, errors: RowErrors) -> None:
    if errors:
        raise InvalidFile(str(path), sorted(errors.items, key=lambda e: e.line))


__all__ = [
    "FieldSpec",
    "ImportResult",
    "Mapping",
    "Row",
    "RowError",
    "RowErrors",
    "open_mapped",
    "raise_if_errors",
    "reason_of",
]
