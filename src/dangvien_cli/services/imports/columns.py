"""A file's columns matched to an import's fields, and its rows read by field.

Clerks name columns many ways ("Họ và tên", "Họ tên", "full_name"): a FieldSpec lists the
names a field goes by, and a ColumnMap finds which column of a file holds which field,
which columns it will ignore, and reads the data rows, refusing those of the wrong width or
holding control characters before any field is parsed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from dangvien_cli.errors import DangvienError, InvalidFile, RowErrors
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.services.imports.cells import Memo
from dangvien_cli.tabular import Table, header_key, open_table, unneutralise
from dangvien_cli.vntext import control_char, nfc, visible

# Row numbers and remarks clerks add, and the two columns an --errors file puts in front.
IGNORED_HEADERS = {
    "stt",
    "tt",
    "sott",
    "sothutu",
    "no",
    "notes",
    "note",
    "ghichu",
    "dong",
    "line",
    "loi",
    "errors",
}
PROGRESS_EVERY = 2000


@dataclass(frozen=True)
class FieldSpec:
    key: str
    aliases: tuple[str, ...] = ()
    required: bool = False


# A person's own columns, the same in a candidate file and a unit's roster: a header one
# import understands, the other does too (a roster's "Ngày tháng năm sinh" was ignored).
PERSON_FIELDS = (
    FieldSpec("id", ("Mã số", "ID", "person_id")),
    FieldSpec("full_name", ("Họ và tên", "Họ tên", "Tên", "name"), required=True),
    FieldSpec("birth_date", ("Ngày sinh", "Ngày tháng năm sinh", "birth")),
    FieldSpec("gender", ("Giới tính", "Nam/Nữ", "sex")),
    FieldSpec("ethnicity", ("Dân tộc",)),
    FieldSpec("religion", ("Tôn giáo",)),
    FieldSpec("education", ("Trình độ phổ thông", "Học vấn", "Văn hóa", "GDPT")),
    FieldSpec("national_id", ("Số CCCD", "CCCD", "Căn cước", "Số căn cước", "Số định danh")),
    FieldSpec("phone", ("Điện thoại", "Số điện thoại", "SĐT")),
)
UNIT_CODE_HEADERS = ("Mã đơn vị", "Đơn vị", "Chi bộ", "Mã chi bộ", "unit")


class Row:
    """One data row, read by field key; cells come out stripped and NFC, '' as None."""

    __slots__ = ("line", "_cells", "_map", "_plain", "_values")

    def __init__(self, line: int, cells: list[Any], columns: ColumnMap, plain: bool = False):
        self.line = line
        self._cells = cells
        self._map = columns
        # A CSV row with no "'" anywhere: every cell is text and none carries the formula
        # escape (tabular), so values() cleans the cells in one pass without _clean's tests.
        self._plain = plain
        self._values: dict[str, Any] | None = None

    def raw(self, key: str) -> Any:
        if self._values is not None:
            return self._values.get(key)
        i = self._map.index.get(key)
        if i is None or i >= len(self._cells):
            return None
        return _clean(self._cells[i], self._map.escaped)

    def values(self) -> dict[str, Any]:
        """Every mapped cell, cleaned as ``raw`` cleans one, read once: the form a hot loop
        over a million rows wants (``raw`` and ``text`` then answer from it)."""
        if self._values is None:
            self._values = self._map.values_of(self._cells, self._plain)
        return self._values

    def text(self, key: str) -> str | None:
        value = self.raw(key)
        return None if value is None else str(value)

    def column(self, key: str) -> str:
        return self._map.column(key)


def _picker(positions: tuple[int, ...]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """The cells at ``positions`` of a row, as a tuple, in one C call where there are two
    or more (itemgetter of one index returns the cell itself)."""
    if len(positions) >= 2:
        return itemgetter(*positions)
    return lambda cells: tuple(cells[i] for i in positions)


# Texts that repeat down a file (religions, occupations, issuers, many names) in NFC.
_nfc = Memo(nfc).__getitem__


def _clean(value: Any, escaped: bool) -> Any:
    """A cell as every import reads it: stripped, NFC, '' as None, Excel's escape undone."""
    if type(value) is not str:
        return value
    if not value:  # most cells of a wide file are empty: no strip for them
        return None
    value = value.strip()
    if not value:
        return None
    if value[0] == "'" and escaped:
        value = unneutralise(value)
    if not value.isascii():
        value = nfc(value)
    return value


class ColumnMap:
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
        missing = [s for s in fields if s.required and s.key not in self.index]
        if missing:  # by the header a clerk would write, and the key a script would
            named = ", ".join(f"{s.aliases[0]} ({s.key})" if s.aliases else s.key for s in missing)
            raise DangvienError("import.missing_columns", path=str(table.path), columns=named)
        self.table = table
        self.escaped = table.kind == "csv"  # CSV text may carry the formula escape (tabular)
        self._keys = tuple(self.index)
        positions = tuple(self.index.values())
        self._reach = max(positions, default=-1) + 1  # a row shorter than this is padded
        self._pick = _picker(positions)

    def column(self, key: str) -> str:
        """The file's own header of a field (the key where the file has no such column)."""
        i = self.index.get(key)
        return self.table.headers[i] if i is not None else key

    def values_of(self, cells: list[Any], plain: bool) -> dict[str, Any]:
        """The mapped cells of a row by field key, cleaned as _clean cleans one."""
        if len(cells) < self._reach:
            cells = [*cells, *[None] * (self._reach - len(cells))]
            plain = False
        picked = self._pick(cells)
        if plain:
            cleaned = [
                None if not (c := cell.strip()) else c if c.isascii() else _nfc(c)
                for cell in picked
            ]
        else:
            escaped = self.escaped
            cleaned = [_clean(cell, escaped) for cell in picked]
        return dict(zip(self._keys, cleaned, strict=True))

    def has(self, key: str) -> bool:
        """Whether the file has a column for ``key`` (absent columns change nothing)."""
        return key in self.index

    def warnings(self) -> list[str]:
        return [t("import.column_ignored", column=c) for c in self.unknown]

    def rows(
        self, errors: RowErrors | None = None, progress: Callable[[int], None] | None = None
    ) -> Iterator[Row]:
        """The data rows; with ``errors``, rows of the wrong width are reported there instead."""
        for line, cells, plain in self.sound_rows(errors, progress):
            yield Row(line, cells, self, plain)

    def sound_rows(
        self, errors: RowErrors | None = None, progress: Callable[[int], None] | None = None
    ) -> Iterator[tuple[int, list[Any], bool]]:
        """``rows`` as (line, cells, plain), the arguments of a Row: the form a worker
        process is sent (candidate_workers)."""
        width, escaped = self.table.width, self.escaped
        count = 0
        for line, cells in self.table.rows:
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
            if len(cells) != width and errors is not None and self._bad_width(line, cells, errors):
                continue
            # One test over the whole row: isprintable (1.5 µs for a 23-column row, 2 % of an
            # import) clears the common row; only a row with a tab or an odd space is searched.
            text = "".join(cells) if escaped else "".join(c for c in cells if type(c) is str)
            if (
                not text.isprintable()
                and control_char(text) is not None
                and self._control_chars(line, cells, errors)
            ):
                continue
            yield line, cells, escaped and "'" not in text
        if progress is not None:
            progress(count)

    def _control_chars(self, line: int, cells: list[Any], errors: RowErrors | None) -> bool:
        """Note every mapped cell holding a control character; cells of ignored columns
        (a clerk's notes) are never stored and may hold anything."""
        found = RowErrors(path=str(self.table.path)) if errors is None else errors
        bad = False
        for key, i in self.index.items():
            cell = cells[i] if i < len(cells) else None
            char = control_char(cell) if type(cell) is str else None
            if char is not None:
                bad = True
                shown = visible(cell or "")
                found.add(
                    line,
                    self._headers_of(i, key),
                    shown,
                    t("text.control_char", char=char, field=key),
                )
        if bad and errors is None:
            raise InvalidFile(found.path, found.items)
        return bad

    def _headers_of(self, i: int, key: str) -> str:
        return self.table.headers[i] if i < len(self.table.headers) else key

    def _bad_width(self, line: int, cells: list[Any], errors: RowErrors) -> bool:
        """A CSV row must have a cell per header (trailing unnamed ones may be left out);
        an .xlsx row may stop early but hold nothing outside the named columns."""
        width, named = len(self.table.headers), self.table.width
        extra = [c for c in cells[named:] if c is not None and str(c).strip()]
        if self.table.kind == "csv":
            if named <= len(cells) <= width:
                return False
        elif not extra:
            return False
        value = " | ".join(str(c) for c in extra)
        errors.add(
            line,
            "*",
            value,
            t("import.row_width", found=fmt_int(len(cells)), expected=fmt_int(width)),
        )
        return True


def open_mapped(
    path: Path,
    fields: list[FieldSpec],
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> ColumnMap:
    return ColumnMap(open_table(path, encoding=encoding, delimiter=delimiter, sheet=sheet), fields)
