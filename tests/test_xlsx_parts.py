"""An .xlsx whose parts say other than what they hold: a stale used range (<dimension>),
XML entities that expand a thousandfold, a cell at the sheet's far corner. Each file is
written by openpyxl and one part rewritten, as a program with other habits would write it."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

UNITS = "code,name,kind,parent\nTP,Thành phố,dang-bo-cap-tren,\nC1,Chi bộ 1,chi-bo-co-so,TP\n"
HEADER = ["full_name", "birth_date", "gender", "unit_code", "source_date"]
UNEXPECTED = ("Traceback", "Lỗi ngoài dự kiến", "Unexpected error")


@pytest.fixture
def units(cli, tmp_path):
    (tmp_path / "units.csv").write_text(UNITS, encoding="utf-8")
    assert cli("unit", "import", tmp_path / "units.csv").exit_code == 0


def sheet_file(path: Path, rows: int, rewrite: Callable[[bytes], bytes]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append([f"Nguyễn Văn {chr(65 + i)}", "01/02/1995", "nam", "C1", "01/02/2021"])
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part in src.infolist():
            data = src.read(part.filename)
            out.writestr(part, rewrite(data) if part.filename.endswith("sheet1.xml") else data)
    return path


def names(cli) -> list[str]:
    return sorted(row["full_name"] for row in cli.json("candidate", "list"))


@pytest.mark.parametrize("declared", ["A1:D2", "A1", "A1:XFD1048576"])
def test_every_row_and_column_is_read_whatever_used_range_the_file_declares(
    cli, units, tmp_path, declared
):
    def stale(xml: bytes) -> bytes:
        return re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{declared}"/>'.encode(), xml)

    path = sheet_file(tmp_path / "stale.xlsx", 3, stale)
    result = cli("candidate", "import", path)
    assert result.exit_code == 0, result.output
    assert names(cli) == ["Nguyễn Văn A", "Nguyễn Văn B", "Nguyễn Văn C"]
    # source_date stands in column E, past the stale range's D: it is read too.
    assert {row["stage_on"] for row in cli.json("candidate", "list")} == {"2021-02-01"}


def test_entities_that_expand_are_a_damaged_file_in_one_line(cli, units, tmp_path):
    entities = "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "a" * 10}">' for i in range(8)
    )

    def bomb(xml: bytes) -> bytes:
        laughs = b'<row r="3"><c r="A3" t="inlineStr"><is><t>&e7;</t></is></c></row>'
        xml = xml.replace(b"</sheetData>", laughs + b"</sheetData>")
        return f'<?xml version="1.0"?><!DOCTYPE x [{entities}]>'.encode() + xml

    path = sheet_file(tmp_path / "entities.xlsx", 1, bomb)
    result = cli("candidate", "import", path)
    assert result.exit_code == 1
    assert not any(u in result.output for u in UNEXPECTED), result.output
    assert "không phải tệp Excel .xlsx hợp lệ" in result.stderr.splitlines()[-1]
    assert names(cli) == []


def test_a_cell_at_the_far_corner_is_refused_naming_its_line(cli, units, tmp_path):
    def far(xml: bytes) -> bytes:
        corner = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        return xml.replace(b"</sheetData>", corner + b"</sheetData>")

    path = sheet_file(tmp_path / "far.xlsx", 1, far)
    result = cli("candidate", "import", path)
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert "1.048.576" in last and "16.384" in last
    assert names(cli) == []
