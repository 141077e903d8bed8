"""dangvien export: files Excel opens cleanly, private numbers masked unless asked for,
formula-like text neutralised, and filters."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from dangvien_cli.services.imports import candidates, members, quotas, units

KEYS = {
    "units": [f.key for f in units.FIELDS],
    "quotas": [f.key for f in quotas.FIELDS],
    "members": [f.key for f in members.FIELDS],
    "candidates": [f.key for f in candidates.FIELDS],
}


def read_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("kind", sorted(KEYS))
def test_csv_has_a_bom_crlf_and_the_import_keys_as_header(cli, demo_db, tmp_path, kind):
    path = tmp_path / f"{kind}.csv"
    result = cli("export", kind, path, "--show-private")
    assert result.exit_code == 0, result.output
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(",") == KEYS[kind]
    assert b"\n" not in data.replace(b"\r\n", b"")  # Excel's line ends, none bare


def test_counts_come_back_as_json(cli, demo_db, tmp_path):
    summary = cli.json("export", "admissions", tmp_path / "a.xlsx")
    admitted = cli.json("admission", "list")
    assert summary == {
        "kind": "admissions",
        "file": str(tmp_path / "a.xlsx"),
        "format": "xlsx",
        "rows": len(admitted),
        "masked": True,
    }


def test_national_ids_and_phones_are_masked_unless_asked(cli, demo_db, tmp_path, sql):
    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    result = cli("export", "members", masked)
    assert result.exit_code == 0
    assert "--show-private" in result.stderr
    assert cli("export", "members", full, "--show-private").exit_code == 0
    stored = dict(sql("SELECT id, national_id FROM person WHERE national_id IS NOT NULL"))
    shown = {int(r["id"]): r["national_id"] for r in read_csv(masked) if r["national_id"]}
    plain = {int(r["id"]): r["national_id"] for r in read_csv(full) if r["national_id"]}
    assert shown and plain == {pid: stored[pid] for pid in plain}
    for pid, value in shown.items():
        assert value != stored[pid] and value.endswith(stored[pid][-3:]) and "•" in value


DANGEROUS = ['=HYPERLINK("http://x")', "+84912345678", "-1+2", "@SUM(A1)", "'=A1", "''"]


def test_formula_like_text_is_neutralised_and_still_imports_back(cli, tmp_path):
    for i, name in enumerate(DANGEROUS):
        assert cli("unit", "add", "--kind", "chi-bo-co-so", "--", f"U{i}", name).exit_code == 0
    path = tmp_path / "units.csv"
    assert cli("export", "units", path).exit_code == 0
    cells = [r["name"] for r in read_csv(path)]
    assert cells == ["'" + name for name in DANGEROUS]  # Excel shows text, runs nothing
    again = cli.json("unit", "import", path)
    assert (again["updated"], again["unchanged"]) == (0, len(DANGEROUS))

    book = tmp_path / "units.xlsx"
    assert cli("export", "units", book).exit_code == 0
    sheet = load_workbook(book).active  # formulas as written, not computed values
    values = [row[1].value for row in sheet.iter_rows(min_row=2)]
    types = [row[1].data_type for row in sheet.iter_rows(min_row=2)]
    assert values == DANGEROUS and "f" not in types
    assert cli.json("unit", "import", book)["unchanged"] == len(DANGEROUS)


def test_xlsx_holds_real_dates_and_text_ids(cli, demo_db, tmp_path, sql):
    path = tmp_path / "members.xlsx"
    assert cli("export", "members", path, "--show-private", "--lang", "en").exit_code == 0
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]  # the keys in English
    row = next(
        r for r in sheet.iter_rows(min_row=2, values_only=True) if r[header.index("national_id")]
    )
    record = dict(zip(header, row, strict=True))
    assert isinstance(record["national_id"], str) and record["national_id"].startswith("0")
    stored = sql("SELECT birth_date FROM person WHERE id = :i", i=record["id"])[0][0]
    assert record["birth_date"].date().isoformat() == str(stored)
    assert sheet.cell(2, header.index("birth_date") + 1).number_format == "DD/MM/YYYY"


def test_filters_by_unit_and_period(cli, demo_db, tmp_path):
    path = tmp_path / "a.csv"
    summary = cli.json("export", "admissions", path, "--unit", "DALAN", "--period", "2021")
    listed = [
        a
        for a in cli.json("admission", "list", "--unit", "DALAN")
        if a["decision_date"].startswith("2021")
    ]
    rows = read_csv(path)
    assert summary["rows"] == len(rows) == len(listed) > 0
    assert {r["unit_code"] for r in rows} <= {"DALAN", *(f"DALAN.CB{i}" for i in range(1, 6))}
    units_path = tmp_path / "u.csv"
    assert cli.json("export", "units", units_path, "--unit", "DALAN")["rows"] == 6
    assert [r["code"] for r in read_csv(units_path)][0] == "DALAN"  # parents first


def test_a_file_type_it_cannot_write_is_refused(cli, demo_db, tmp_path):
    result = cli("export", "units", tmp_path / "units.pdf")
    assert result.exit_code == 1
    assert ".xlsx" in result.stderr
    assert not (tmp_path / "units.pdf").exists()
    folder = cli("export", "units", tmp_path)
    assert folder.exit_code == 1


def test_json_rows_match_the_file(cli, demo_db, tmp_path):
    path = tmp_path / "q.csv"
    summary = json.loads(cli("export", "quotas", path, "--format", "json").stdout)
    listed = cli.json("quota", "list")
    rows = read_csv(path)
    assert summary["rows"] == len(rows) == len(listed)
    assert [(r["unit_code"], r["period"], r["source"], int(r["target"])) for r in rows] == [
        (q["unit_code"], q["period"], q["source"], q["target"]) for q in listed
    ]
