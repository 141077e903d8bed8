"""Every report, on the demo database and on an empty one, in both languages and every format;
the JSON shapes scripts rely on; 80-column tables; workbooks; the year-end rollup script."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

REPORTS = {
    "quota": ("quota", "--period", "2021", "--as-of", "2021-12-31"),
    "quota-block": ("quota", "--period", "2021", "--as-of", "2021-06-30", "--by", "block"),
    "behind": ("behind", "--period", "2021", "--as-of", "2021-06-30"),
    "pipeline": ("pipeline", "--period", "2021", "--as-of", "2021-12-31"),
    "composition": ("composition", "--period", "2021"),
    "deadlines": ("deadlines", "--as-of", "2022-01-10"),
}
WORDS = {  # a header each table prints, per language
    "quota": ("Chỉ tiêu", "Target"),
    "quota-block": ("Khối", "Block"),
    "behind": ("Cần/tháng", "Per month"),
    "pipeline": ("Hiện có", "Now"),
    "composition": ("Cùng kỳ năm trước", "Same period last year"),
    "deadlines": ("Còn lại", "Time left"),
}


def run(cli, name, *extra):
    return cli("report", *REPORTS[name], *extra)


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "tsv"])
@pytest.mark.parametrize("data", ["demo", "empty"])
def test_every_report_runs_everywhere(cli, request, name, lang, fmt, data):
    if data == "demo":
        request.getfixturevalue("demo_db")
    result = run(cli, name, "--lang", lang, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and result.stderr == ""
    empty = data == "empty" and name != "composition"  # the form's rows are always there
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert isinstance(rows, list) and (rows == []) == empty
    elif fmt in ("csv", "tsv"):
        delimiter = "," if fmt == "csv" else "\t"
        table = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
        assert len(table[0]) > 3 and all(len(r) == len(table[0]) for r in table)
        assert (len(table) == 1) == empty
    else:
        vi, en = WORDS[name]
        if empty:
            assert result.stdout.strip() == ("Không có dữ liệu." if lang == "vi" else "No data.")
        else:
            assert (vi if lang == "vi" else en) in result.stdout
            assert (en if lang == "vi" else vi) not in result.stdout


# --- the JSON shapes ------------------------------------------------------------------------

TEXT, INT, NUM, DATE, BOOL = str, int, float, date, bool
QUOTA_MEASURES = {
    "period": TEXT,
    "as_of": DATE,
    "source": (TEXT, None),
    "target": (INT, None),
    "admitted": INT,
    "percent": (NUM, None),
    "remaining": (INT, None),
    "expected": (NUM, None),
    "elapsed_percent": NUM,
    "status": TEXT,
}
QUOTA_UNIT = {
    "row_type": TEXT,
    "unit_code": TEXT,
    "unit_name": TEXT,
    "parent_code": (TEXT, None),
    "depth": INT,
    "block": (TEXT, None),
    **QUOTA_MEASURES,
}
SHAPES = {
    "quota": QUOTA_UNIT,
    "quota-block": {
        "row_type": TEXT,
        "block": (TEXT, None),
        "units": INT,
        "units_without_quota": INT,
        **QUOTA_MEASURES,
    },
    "behind": {**QUOTA_UNIT, "shortfall": INT, "months_left": INT, "needed_per_month": (NUM, None)},
    "pipeline": {
        "unit_code": TEXT,
        "unit_name": TEXT,
        "parent_code": (TEXT, None),
        "depth": INT,
        "period": TEXT,
        "start_on": DATE,
        "end_on": DATE,
        "stage": TEXT,
        "now": INT,
        "entered": INT,
        "advanced": INT,
        "dropped": INT,
        "conversion_percent": (NUM, None),
        "median_days": (NUM, None),
    },
    "composition": {
        "section": TEXT,
        "row": TEXT,
        "period": TEXT,
        "start_on": DATE,
        "end_on": DATE,
        "previous_start_on": DATE,
        "previous_end_on": DATE,
        "current": (INT, NUM, None),
        "previous": (INT, NUM, None),
        "ratio_percent": (NUM, None),
    },
    "deadlines": {
        "kind": TEXT,
        "rule": (TEXT, None),
        "source": (TEXT, None),
        "person_id": INT,
        "full_name": TEXT,
        "unit_code": TEXT,
        "unit_name": TEXT,
        "stage": TEXT,
        "since": DATE,
        "deadline": DATE,
        "days_left": INT,
        "overdue": BOOL,
    },
}


def conforms(value, expected) -> bool:
    kinds = expected if isinstance(expected, tuple) else (expected,)
    for kind in kinds:
        if kind is None and value is None:
            return True
        if kind is DATE and isinstance(value, str) and date.fromisoformat(value):
            return True
        if kind is NUM and isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if kind is INT and isinstance(value, int) and not isinstance(value, bool):
            return True
        if kind in (TEXT, BOOL) and type(value) is kind:
            return True
    return False


@pytest.mark.parametrize("name", SHAPES)
def test_json_shape_is_pinned(cli, demo_db, name):
    rows = cli.json("report", *REPORTS[name])
    assert rows, name
    shape = SHAPES[name]
    for row in rows:
        assert list(row) == list(shape), name
        bad = {k: v for k, v in row.items() if not conforms(v, shape[k])}
        assert not bad, (name, row)


def test_a_term_adds_one_admitted_key_per_year(cli, demo_db):
    # The city's last day: from 1/7/2025 its wards are the province's (examples/restructuring).
    rows = cli.json("report", "quota", "--period", "2020-2025", "--as-of", "2025-06-30")
    years = [f"admitted_{y}" for y in range(2020, 2026)]
    assert all(list(r)[len(QUOTA_UNIT) :] == years for r in rows)
    city = rows[0]
    assert city["admitted_2021"] == city["admitted"] == 256
    assert sum(city[k] for k in years) == city["admitted"]


def test_statuses_and_stages_are_closed_lists(cli, demo_db):
    quota = cli.json("report", *REPORTS["quota-block"]) + cli.json("report", *REPORTS["quota"])
    assert {r["status"] for r in quota} <= {"vuot", "dat", "dung-tien-do", "cham", "chua-giao"}
    stages = [r["stage"] for r in cli.json("report", *REPORTS["pipeline"], "--depth", "1")]
    assert stages == [
        "sourced",
        "trained",
        "applied",
        "voted",
        "recommended",
        "admitted",
        "probationary",
    ]


# --- the source's figures ------------------------------------------------------------------


def test_the_2021_table_shows_128_percent_for_the_city(cli, demo_db):
    result = run(cli, "quota", "--depth", "1")
    assert result.exit_code == 0, result.output
    city = next(line for line in result.stdout.splitlines() if "Thanh Hóa" in line)
    assert "128%" in city and "256" in city and "200" in city and "vượt" in city
    assert "Tổng cộng (1 đơn vị)" in result.stdout  # the totals footer
    en = run(cli, "quota", "--depth", "1", "--lang", "en")
    assert "128%" in en.stdout and "exceeded" in en.stdout
    assert "Total (1 unit)" in en.stdout  # not "1 unit(s)"
    assert "Total (111 units)" in run(cli, "quota", "--depth", "2", "--lang", "en").stdout


def test_vietnamese_number_formats_in_tables_plain_numbers_in_json(cli, demo_db):
    args = ("report", "quota", "--period", "2020-2025", "--as-of", "2025-06-30", "--depth", "1")
    table = cli(*args).stdout
    assert "1.200" in table and "21,3%" in table
    assert "1,200" in cli(*args, "--lang", "en").stdout
    assert cli.json(*args)[0]["target"] == 1200


# --- tables for people ----------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_tables_fit_80_columns_and_keep_the_status_word(cli, demo_db, monkeypatch, name):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # as at a terminal (a pipe is never cut)
    result = run(cli, name)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "\x1b[" not in result.stdout  # NO_COLOR: no escape codes, the words carry it
    if name.startswith("quota"):
        assert "đúng tiến độ" in result.stdout or "vượt" in result.stdout
        assert "█" in result.stdout


def test_narrow_quota_table_keeps_codes_wide_one_adds_columns(cli, demo_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    narrow = run(cli, "quota", "--depth", "2").stdout
    assert "TP " in narrow and "DALAN" in narrow
    monkeypatch.setenv("COLUMNS", "200")
    wide = run(cli, "quota", "--depth", "2").stdout
    assert "Đảng bộ thành phố Thanh Hóa" in wide and "Cần đạt" in wide and "Còn" in wide


def test_behind_pace_bar_marks_where_it_should_be(cli, demo_db):
    out = cli("report", "quota", "--period", "2021", "--as-of", "2021-06-30", "--depth", "2")
    behind = [line for line in out.stdout.splitlines() if "chậm" in line]
    assert behind and all("│" in line for line in behind)
    ahead = [line for line in out.stdout.splitlines() if "vượt" in line]
    assert ahead and not any("│" in line for line in ahead)


# --- scripts --------------------------------------------------------------------------------


def test_fail_under_exits_3_and_still_prints(cli, demo_db):
    result = run(cli, "quota", "--format", "json", "--fail-under", "100")
    assert result.exit_code == 3
    rows = json.loads(result.stdout)
    below = [r for r in rows if r["target"] and r["percent"] < 100]
    assert below and str(len(below)) in result.stderr
    assert run(cli, "quota", "--unit", "DALAN", "--fail-under", "100").exit_code == 0


def test_usage_errors_exit_2(cli, demo_db, tmp_path):
    assert cli("report", "composition").exit_code == 2
    assert run(cli, "quota", "--by", "nowhere").exit_code == 2
    assert run(cli, "quota", "--output", tmp_path / "x.pdf").exit_code == 2
    assert not (tmp_path / "x.pdf").exists()


def test_refusals_exit_1_with_one_line(cli, demo_db):
    for args in (
        ("report", "quota", "--period", "khong-co"),
        ("report", "pipeline", "--unit", "KHONGCO"),
    ):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert len(result.stderr.strip().splitlines()) == 1
    unreadable = cli("report", "deadlines", "--as-of", "31/02/2022")  # a usage error
    assert unreadable.exit_code == 2
    assert len(unreadable.stderr.strip().splitlines()) == 1


# A subprocess cannot reach the PostgreSQL harness's per-test databases (they are mapped by
# an event inside this process), so the script runs on the SQLite file only.
@pytest.mark.sqlite_only
def test_rollup_script_uses_only_the_csv_output(demo_db, cli, tmp_path):
    env = {
        **os.environ,
        "DANGVIEN": f"{sys.executable} -m dangvien_cli",
        "DANGVIEN_DB": str(demo_db),
    }
    script = REPO / "examples" / "rollup.sh"
    done = subprocess.run(
        ["bash", str(script), "2021"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    got = dict(csv.reader(io.StringIO(done.stdout)))
    rows = cli.json("report", "quota", "--period", "2021", "--as-of", "2021-12-31")
    children: dict[str, set[str]] = {}
    for r in rows:
        if r["parent_code"] == "TP":
            children.setdefault(r["unit_code"], set()).add(r["status"])
    assert (got["unit"], got["admitted"], got["target_tinh"]) == ("TP", "256", "200")
    assert float(got["percent_tinh"]) == 128
    assert int(got["units_below"]) == len(children) == 110
    exceeded = sum(1 for s in children.values() if s == {"vuot"})
    assert int(got["units_exceeded"]) == exceeded
    assert int(got["new_total"]) == 256
    assert got["new_total_previous_year"] == "0"


# --- files ----------------------------------------------------------------------------------


def test_quota_workbook_has_real_numbers_and_a_chart(cli, demo_db, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "quota.xlsx"
    result = run(cli, "quota", "--depth", "2", "--output", path)
    assert result.exit_code == 0, result.output
    assert str(path) in result.stderr and result.stdout == ""
    book = load_workbook(path)
    sheet = book["Báo cáo"]
    header = [c.value for c in sheet[3]]
    assert header[:3] == ["Đơn vị", "Mã", "Nguồn"]
    city = [c.value for c in sheet[4]]
    percent = city[header.index("Tỷ lệ")]
    assert city[1] == "TP" and percent == 1.28
    assert sheet.cell(row=4, column=header.index("Tỷ lệ") + 1).number_format == "0.0%"
    assert city[header.index("Đánh giá")] == "vượt"
    chart_sheet = book["Biểu đồ"]
    assert len(chart_sheet._charts) == 1
    assert chart_sheet.max_row == 1 + 110  # the units under the city, one bar pair each


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_writes_a_workbook(cli, demo_db, tmp_path, name):
    from openpyxl import load_workbook

    path = tmp_path / f"{name}.xlsx"
    result = run(cli, name, "--output", path, "--lang", "en")
    assert result.exit_code == 0, result.output
    sheet = load_workbook(path)["Report"]
    assert sheet.max_row > 3 and sheet["A1"].value


def test_csv_output_file_opens_in_excel_and_json_file_parses(cli, demo_db, tmp_path):
    run(cli, "deadlines", "--output", tmp_path / "d.csv")
    raw = (tmp_path / "d.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"kind,rule,source" in raw
    run(cli, "deadlines", "--output", tmp_path / "d.json")
    rows = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert rows == cli.json("report", *REPORTS["deadlines"])
