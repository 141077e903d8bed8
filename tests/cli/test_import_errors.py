"""All or nothing: a file with bad rows writes nothing and names every bad row; files
that cannot be read are refused in one line, never with a traceback."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

MESSY = Path(__file__).resolve().parents[2] / "examples" / "messy"
TABLES = ("unit", "period", "quota", "person", "pipeline_event", "admission", "member", "audit_log")


def bad_lines() -> dict[int, str]:
    """The bad lines examples/messy/make_messy.py wrote into candidates_bad_rows.csv."""
    spec = importlib.util.spec_from_file_location("make_messy", MESSY / "make_messy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BAD_LINES


def snapshot(sql) -> dict[str, list[tuple]]:
    return {t: sorted(map(repr, sql(f"SELECT * FROM {t}"))) for t in TABLES}


@pytest.fixture
def units(cli):
    result = cli("unit", "import", MESSY / "units_bom_semicolon.csv")
    assert result.exit_code == 0, result.output
    return cli


def test_bad_rows_write_nothing_and_every_bad_line_is_named(units, sql):
    before = snapshot(sql)
    result = units("candidate", "import", MESSY / "candidates_bad_rows.csv", "--format", "json")
    assert result.exit_code == 1
    assert snapshot(sql) == before  # not even the two good rows
    report = json.loads(result.stdout)
    assert report["written"] is False
    assert {e["line"] for e in report["errors"]} == set(bad_lines())
    by_line = {e["line"]: e for e in report["errors"]}
    assert (by_line[3]["column"], by_line[3]["value"]) == ("birth_date", "31/02/1990")
    assert by_line[4]["value"] == "XYZ"
    assert by_line[5]["reason"].startswith("R1 ")
    assert by_line[6]["column"] == "national_id"
    assert [e["line"] for e in report["errors"]].count(7) == 1  # one width error, no cascade
    assert "13" in by_line[7]["reason"] and "14" in by_line[7]["reason"]
    assert by_line[10]["column"] == "full_name"
    assert len(result.stderr.strip().splitlines()) == 1  # plus one line for people


def test_bad_rows_as_a_table_on_stderr(units):
    result = units("candidate", "import", MESSY / "candidates_bad_rows.csv")
    assert result.exit_code == 1
    assert result.stdout == ""
    table_lines = [line.split()[0] for line in result.stderr.splitlines() if line.strip()]
    for line in bad_lines():
        assert str(line) in table_lines
    assert "2" not in table_lines and "11" not in table_lines  # the good rows
    assert result.stderr.strip().splitlines()[-1].startswith("Lỗi: ")


def test_errors_file_holds_the_bad_rows_to_fix_and_send_back(units, tmp_path, sql):
    errors = tmp_path / "loi.csv"
    result = units("candidate", "import", MESSY / "candidates_bad_rows.csv", "--errors", errors)
    assert result.exit_code == 1
    data = errors.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: Excel shows the Vietnamese
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["Dòng", "Lỗi", "full_name", "birth_date"]
    assert [int(r[0]) for r in rows[1:]] == sorted(bad_lines())
    mai = rows[1]
    assert mai[2:4] == ["Mai Văn Tiến", "31/02/1990"] and "birth_date" in mai[1]

    # The unit corrects every row in the file it got back; it then imports as is.
    fixed = []
    for row in rows[1:]:
        cells = row[2:]
        if row[0] == "7":  # the unquoted comma split the name over two cells
            cells = [f"{cells[0]},{cells[1]}", *cells[2:]]
        name, gender = cells[0] or "Ẩn Danh", cells[2]
        fixed.append([row[0], "", name, "01/01/1990", gender, "", "PHR.CB1", "01/02/2024"])
        fixed[-1] += [""] * 7
    with errors.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([rows[0], *fixed])
    again = units.json("candidate", "import", errors)
    assert again["new"] == len(bad_lines()) and again["warnings"] == []
    assert ("Nguyễn Văn An, Jr",) in sql("SELECT full_name FROM person")


def test_the_terminal_shows_the_first_rows_and_says_how_many_more(units, tmp_path):
    path = tmp_path / "many.csv"
    lines = ["full_name,unit_code"] + [f"Người {i},NOPE" for i in range(250)]
    path.write_text("\n".join(lines), encoding="utf-8")
    result = units("candidate", "import", path)
    assert result.exit_code == 1
    assert "50 lỗi nữa" in result.stderr
    full = units("candidate", "import", path, "--format", "json")
    assert len(json.loads(full.stdout)["errors"]) == 250


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("code,name,kind\nA1,Chi bộ A1\n", "too few cells"),
        ("code,name,kind\nA1,Chi bộ A1,chi-bo-co-so,x\n", "one cell too many"),
        ("code,name,kind\nA1,Chi bộ A1,chi-bo-co-so,,\n", "even empty extra cells"),
    ],
)
def test_rows_of_the_wrong_width_are_bad_rows(cli, tmp_path, sql, text, why):
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    result = cli("unit", "import", path, "--format", "json")
    assert result.exit_code == 1, why
    assert [e["line"] for e in json.loads(result.stdout)["errors"]] == [2]
    assert sql("SELECT count(*) FROM unit") == [(0,)]


def test_unnamed_trailing_columns_as_excel_saves_them_are_fine(cli, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("code;name;kind;;\nA1;Chi bộ A1;chi-bo-co-so;;\nA2;Chi bộ A2;;\n")
    assert cli.json("unit", "import", path)["new"] == 2


def test_a_header_only_file_imports_nothing_and_succeeds(cli, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("\ufeffMã đơn vị;Tên đơn vị\r\n", encoding="utf-8")
    summary = cli.json("unit", "import", path)
    assert (summary["rows"], summary["new"]) == (0, 0)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"])
def test_an_empty_file_is_refused_in_one_line(cli, tmp_path, content):
    path = tmp_path / "units.csv"
    path.write_bytes(content)
    result = cli("unit", "import", path)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"Lỗi: Tệp {path} không có dữ liệu."]


def test_files_that_cannot_be_read_are_refused_in_one_line(cli, tmp_path):
    old = tmp_path / "units.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = cli("unit", "import", old)
    assert result.exit_code == 1 and ".xlsx" in result.stderr
    fake = tmp_path / "units.xlsx"
    fake.write_text("code,name\n")
    result = cli("unit", "import", fake)
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1
    missing = cli("unit", "import", tmp_path / "nope.csv")
    assert missing.exit_code == 1 and "nope.csv" in missing.stderr


def test_a_missing_required_column_is_named(cli, tmp_path):
    path = tmp_path / "quotas.csv"
    path.write_text("Mã đơn vị,Năm\nTP,2024\n")
    result = cli("quota", "import", path)
    assert result.exit_code == 1
    assert "target" in result.stderr


def test_an_unknown_column_is_a_warning(cli, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("code,name,Màu yêu thích\nA1,Chi bộ A1,xanh\n")
    result = cli("unit", "import", path)
    assert result.exit_code == 0
    assert "Màu yêu thích" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"), [("--encoding", "latin-2"), ("--delimiter", "ab"), ("--delimiter", '"')]
)
def test_a_bad_encoding_or_delimiter_option_is_a_usage_error(cli, tmp_path, option, value):
    path = tmp_path / "units.csv"
    path.write_text("code,name\nA1,B\n")
    assert cli("unit", "import", path, option, value).exit_code == 2


def test_a_file_that_is_not_in_the_encoding_forced_is_refused(cli, tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes("code,name\nA1,Chi bộ Đông\n".encode("cp1258", errors="replace"))
    result = cli("unit", "import", path, "--encoding", "utf-8")
    assert result.exit_code == 1
    assert "utf-8" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_number_in_an_xlsx_date_column_is_a_bad_row_not_a_guess(units, tmp_path, sql):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["full_name", "birth_date", "unit_code"])
    book.active.append(["Lê Văn Số", 32874, "PHR.CB1"])  # a serial, or a typo? never guessed
    book.active.append(["Lê Văn Năm", 1990, "PHR.CB1"])
    path = tmp_path / "so.xlsx"
    book.save(path)
    result = units("candidate", "import", path, "--format", "json")
    assert result.exit_code == 1
    assert [e["line"] for e in json.loads(result.stdout)["errors"]] == [2, 3]
    assert sql("SELECT count(*) FROM person") == [(0,)]


def test_a_masked_national_id_is_refused_with_what_to_do(units, tmp_path):
    path = tmp_path / "masked.csv"
    path.write_text("full_name,unit_code,national_id\nLê Văn Che,PHR.CB1,•••••••••123\n")
    result = units("candidate", "import", path)
    assert result.exit_code == 1
    assert "--show-private" in result.stderr


@pytest.mark.parametrize(
    ("content", "encoding", "said_vi", "said_en"),
    [
        (b"ho_ten,ma\nA\xffB,TP\n", "utf-8", "dòng 2 có các byte ff", "line 2: bytes ff"),
        (b"ho_ten,ma\nA\xff\xfeB\x81\x8d,TP\n", None, "Không nhận ra bảng mã", "not UTF-8"),
    ],
)
def test_a_file_in_another_encoding_is_refused_in_the_clerk_s_language(
    cli, tmp_path, content, encoding, said_vi, said_en
):
    """textcodecs says what it refused; the sentence is the catalogue's, in each language."""
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    given = ["--encoding", encoding] if encoding else []
    for lang, said in (("vi", said_vi), ("en", said_en)):
        result = cli("candidate", "import", path, *given, "--lang", lang)
        assert result.exit_code == 1
        [line] = result.stderr.strip().splitlines()
        assert said in line
        if lang == "vi":
            assert not {"bytes", "valid", "encoding;", "name its"} & set(line.split())
