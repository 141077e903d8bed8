# ruff: noqa: E501 - the OOXML boilerplate reads best one part per line
"""Hostile import files, built small on disk whatever size they claim to be: an .xlsx of a
few KB holding a 20 MB cell, a shared-strings bomb, a CSV with a huge field or line, a file of
a million bad rows. ``scale`` shrinks them for the default run (tests/test_hostile_input.py);
run as a script it writes the full-size set for measuring (docs/reliability.md).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HEADER = "full_name,birth_date,gender,unit_code,source_date"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _xlsx(path: Path, sheet_rows: list[str], shared: list[str] | None = None) -> Path:
    """A minimal .xlsx written by hand: openpyxl cannot be made to write what Excel refuses."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f"<worksheet {_NS}><sheetData>".encode())
            for row in sheet_rows:
                fh.write(row.encode())
            fh.write(b"</sheetData></worksheet>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            items = shared or []
            fh.write(f'<sst {_NS} count="{len(items)}">'.encode())
            for text in items:
                fh.write(f"<si><t>{text}</t></si>".encode())
            fh.write(b"</sst>")
    return path


def _header_row() -> str:
    cells = [_inline(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER.split(","))]
    return f'<row r="1">{"".join(cells)}</row>'


def huge_cell_xlsx(path: Path, cell_chars: int = 20_000_000, *, noise: bool = False) -> Path:
    """A small .xlsx whose one name cell holds ``cell_chars`` characters (random letters with
    ``noise``: then the file is as big as the cell, and no compression ratio gives it away)."""
    if noise:
        import random

        text = "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=cell_chars))
    else:
        text = "A" * cell_chars
    row = '<row r="2">' + _inline("A2", text)
    row += _inline("B2", "01/01/1990") + _inline("C2", "nam") + _inline("D2", "C1")
    row += _inline("E2", "01/01/2024") + "</row>"
    return _xlsx(path, [_header_row(), row])


def shared_strings_bomb(path: Path, strings: int = 200_000, chars: int = 5_000) -> Path:
    """A small .xlsx whose sharedStrings.xml decompresses to ``strings * chars`` characters:
    openpyxl loads every shared string before the first row is read."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f"<worksheet {_NS}><sheetData>{_header_row()}</sheetData></worksheet>",
        )
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(f'<sst {_NS} count="{strings}">'.encode())
            item = f"<si><t>{'B' * chars}</t></si>".encode()
            for _ in range(strings):
                fh.write(item)
            fh.write(b"</sst>")
    return path


def huge_field_csv(path: Path, field_chars: int = 15_000_000) -> Path:
    """A CSV whose one quoted name spans ``field_chars`` characters over many short lines."""
    chunk = ("x" * 99 + "\n") * 1000
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + '\n"')
        for _ in range(field_chars // len(chunk)):
            fh.write(chunk)
        fh.write('",01/01/1990,nam,C1,01/01/2024\n')
    return path


def huge_line_csv(path: Path, line_chars: int = 48_000_000) -> Path:
    """A CSV whose second line is ``line_chars`` characters long."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + "\n")
        block = "y" * 1_000_000
        for _ in range(line_chars // len(block)):
            fh.write(block)
        fh.write(",01/01/1990,nam,C1,01/01/2024\n")
    return path


def huge_header_csv(path: Path, header_chars: int = 50_000_000) -> Path:
    """A CSV whose header line alone is ``header_chars`` characters (a million columns)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        block = "h," * 500_000
        for _ in range(header_chars // len(block)):
            fh.write(block)
        fh.write("full_name\nA,B\n")
    return path


def bad_rows_csv(path: Path, rows: int = 1_000_000) -> Path:
    """A CSV of ``rows`` candidates, every one with a birth date that does not exist."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER + "\n")
        line = "Nguyễn Văn An {0},31/02/1990,nam,C1,01/01/2024\n"
        for i in range(rows):
            fh.write(line.format(i))
    return path


FULL_SIZE = {
    "huge_cell.xlsx": huge_cell_xlsx,
    "huge_noisy_cell.xlsx": lambda path: huge_cell_xlsx(path, noise=True),
    "shared_strings_bomb.xlsx": shared_strings_bomb,
    "huge_field.csv": huge_field_csv,
    "huge_line.csv": huge_line_csv,
    "huge_header.csv": huge_header_csv,
    "bad_rows.csv": bad_rows_csv,
}

if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in FULL_SIZE.items():
        target = make(folder / name)
        sys.stdout.write(f"{target}: {target.stat().st_size:,} bytes\n")
