"""Files through pipes and one shape per thing (issue 14, points 6 and 7): ``-`` reads stdin
in every import and writes stdout in every export, ``export --delimiter``, the .xlsx sheet
(named after the kind, Vietnamese headers, frozen header, filter), member ids, ``add`` with
--format json, ``audit list --by``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

KINDS = ("units", "quotas", "members", "candidates", "admissions")


@pytest.mark.parametrize("kind", KINDS)
def test_export_to_stdout_is_the_file_without_its_bom(cli, demo_db, tmp_path, kind):
    piped = cli("export", kind, "-", "--show-private")
    assert piped.exit_code == 0, piped.output
    path = tmp_path / f"{kind}.csv"
    assert cli("export", kind, path, "--show-private").exit_code == 0
    on_disk = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert piped.stdout == on_disk
    assert not piped.stdout.startswith("\ufeff")
    assert "stdout" in piped.stderr  # the summary goes to stderr, the rows alone to stdout


@pytest.mark.parametrize(
    ("group", "kind", "extra"),
    [
        ("unit", "units", ()),
        ("quota", "quotas", ()),
        ("candidate", "candidates", ()),
        ("member", "members", ("--unit", "DALAN")),
    ],
)
def test_every_import_reads_stdin(cli, demo_db, group, kind, extra):
    exported = cli("export", kind, "-", "--show-private", "--unit", "DALAN")
    assert exported.exit_code == 0
    rows = len(list(csv.DictReader(io.StringIO(exported.stdout))))
    result = cli(group, "import", "-", *extra, "--format", "json", input=exported.stdout)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rows"] == rows > 0
    assert summary["new"] == 0  # the same records: nothing new, nothing lost
    assert summary["file"] == "-"


def test_stdin_takes_an_xlsx_too(cli, demo_db, tmp_path):
    book = tmp_path / "q.xlsx"
    assert cli("export", "quotas", book).exit_code == 0
    runner_input = book.read_bytes()
    result = cli("quota", "import", "-", "--format", "json", input=runner_input)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["encoding"] == "xlsx" and summary["unchanged"] == summary["rows"] > 0


def test_a_bad_row_from_stdin_is_named_and_nothing_written(cli, demo_db, sql):
    before = sql("SELECT count(*) FROM unit")
    data = "code,name,kind,parent\nX1,Chi bộ X,chi-bo-co-so,TP\nX2,Chi bộ Y,khong-co,TP\n"
    result = cli("unit", "import", "-", "--lang", "en", input=data)
    assert result.exit_code == 1
    assert "khong-co" in result.stderr
    assert sql("SELECT count(*) FROM unit") == before
    as_json = cli("unit", "import", "-", "--format", "json", input=data)
    assert json.loads(as_json.stdout)["file"] == "-"


def test_export_delimiter_for_a_vietnamese_excel(cli, demo_db, tmp_path):
    path = tmp_path / "q.csv"
    assert cli("export", "quotas", path, "--delimiter", ";").exit_code == 0
    header = path.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "unit_code;period;source;target"
    back = cli.json("quota", "import", path)
    assert back["unchanged"] == back["rows"] > 0
    piped = cli("export", "units", "-", "--delimiter", "tab")
    assert piped.stdout.splitlines()[0].split("\t")[:2] == ["code", "name"]
    bad = cli("export", "units", "-", "--delimiter", ";;")
    assert bad.exit_code == 1 and len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_sheet_is_named_frozen_and_filtered(cli, demo_db, tmp_path, kind):
    vi, en = tmp_path / f"tệp-{kind}.xlsx", tmp_path / f"{kind}-en.xlsx"
    assert cli("export", kind, vi).exit_code == 0
    assert cli("export", kind, en, "--lang", "en").exit_code == 0
    keys = next(csv.reader(io.StringIO(cli("export", kind, "-").stdout)))
    sheets = {}
    for path in (vi, en):
        book = load_workbook(path)
        assert book.sheetnames == [kind]
        sheet = book[kind]
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(keys)).column_letter}{sheet.max_row}"
        )
        sheets[path] = [c.value for c in sheet[1]]
    assert sheets[en] == keys
    assert sheets[vi] != keys and sheets[vi][0] in ("Mã đơn vị", "Mã số", "Mã")
    assert len(sheets[vi]) == len(keys)


def test_vietnamese_headers_import_back(cli, demo_db, tmp_path):
    path = tmp_path / "members.xlsx"
    assert cli("export", "members", path, "--show-private").exit_code == 0
    header = [c.value for c in load_workbook(path)["members"][1]]
    assert header[:2] == ["Mã số", "Họ và tên"]
    back = cli.json("member", "import", path, "--unit", "TINH")
    assert back["new"] == 0 and back["unchanged"] == back["rows"] > 0


# --- one shape per thing ---------------------------------------------------------------------


def test_member_list_and_export_agree_on_id_and_key_position(cli, demo_db, tmp_path):
    listed = cli("member", "list", "--format", "csv")
    exported = cli("export", "members", "-")
    lists = {r["id"]: r for r in csv.DictReader(io.StringIO(listed.stdout))}
    files = {r["id"]: r for r in csv.DictReader(io.StringIO(exported.stdout))}
    assert lists.keys() == files.keys()
    for key, row in lists.items():
        assert (row["full_name"], row["key_position"]) == (
            files[key]["full_name"],
            files[key]["key_position"],
        )
    assert {r["key_position"] for r in lists.values()} == {"true", "false"}
    # The id is the person's, as in candidate list and candidate show.
    one = next(r for r in cli.json("member", "list") if r["key_position"])
    assert one["id"] == one["person_id"]
    assert cli.json("member", "show", one["id"])["full_name"] == one["full_name"]
    assert cli.json("candidate", "show", one["id"])["full_name"] == one["full_name"]


def test_add_commands_print_the_new_record_as_an_object(cli, demo_db):
    unit = cli.json(
        "unit", "add", "X9", "Chi bộ X", "--kind", "chi-bo-co-so", "--parent", "HACTHANH"
    )
    assert (unit["code"], unit["parent"], unit["members"]) == ("X9", "HACTHANH", 0)
    assert unit == cli.json("unit", "show", "X9")
    person = cli.json(
        "candidate", "add", "Lê Thị Mơ", "--unit", "X9", "--birth", "02/03/1998",
        "--gender", "nu",
    )  # fmt: skip
    assert person == cli.json("candidate", "show", person["id"])
    assert person["stage"] == "sourced"
    period = cli.json("period", "add", "Q1-2024", "--start", "01/01/2024", "--end", "31/03/2024")
    assert (period["code"], period["start_on"], period["end_on"]) == (
        "Q1-2024",
        "2024-01-01",
        "2024-03-31",
    )
    cls = cli.json(
        "class", "add", "K9", "Lớp 9", "--start", "01/02/2024", "--end", "05/02/2024",
        "--organizer", "Trung tâm",
    )  # fmt: skip
    assert cls == cli.json("class", "show", "K9")
    # In a table (the default) candidate add still prints the bare id, for $(…) in scripts.
    bare = cli("candidate", "add", "Lê Văn Mận", "--unit", "X9", "--birth", "02/03/1998",
               "--gender", "nam")  # fmt: skip
    assert bare.exit_code == 0 and bare.stdout.strip().isdigit()


def test_audit_filter_is_by_not_the_global_actor(cli, demo_db):
    assert cli("--actor", "lan", "quota", "set", "DALAN", "2030", "3").exit_code == 0
    by = cli.json("audit", "list", "--by", "lan")
    assert by and {e["actor"] for e in by} == {"lan"}
    assert cli.json("audit", "list", "--actor", "lan") == by  # the old name, hidden
    assert cli.json("audit", "list", "--by", "nobody-here") == []
    help_text = cli("audit", "list", "--help").stdout
    assert "--by" in help_text and "--actor" not in help_text


def test_a_report_with_no_row_has_the_csv_header_of_one_with_rows(cli, demo_db):
    """A script reads the same header whether the report found items or not; the rows of
    `report deadlines` now stream, and an empty stream printed the table's column keys."""
    some = cli("report", "deadlines", "--unit", "DALAN", "--format", "csv").stdout
    none = cli("report", "deadlines", "--unit", "DALAN.CB5", "--as-of", "01/01/2021", "-f", "csv")
    assert none.exit_code == 0
    assert none.stdout.splitlines() == some.splitlines()[:1]


def test_days_overdue_read_as_numbers_in_the_table(cli, demo_db, monkeypatch):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    rows = cli.json("report", "deadlines", "--unit", "DALAN")
    late = max(-r["days_left"] for r in rows)
    assert late >= 1000
    shown = cli("report", "deadlines", "--unit", "DALAN").stdout
    assert f"quá {late // 1000}.{late % 1000:03d} ngày" in shown
