"""Each messy example file (examples/messy, examples/encodings) imports, through the real
CLI, into the records its text says, and a second import changes nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MESSY = EXAMPLES / "messy"
IMPORTS = [  # the order a clerk runs them in: units first
    ("unit", "units_bom_semicolon.csv", ()),
    ("quota", "quotas_cp1258.csv", ()),
    ("member", "members_tcvn3.tsv", ("--unit", "PHR")),
    ("member", "members_roster.xlsx", ("--unit", "PHR", "--sheet", "Danh sách")),
    ("candidate", "candidates_khong_dau.csv", ()),
    ("candidate", "candidates_vni.csv", ()),
]


def run_import(cli, group, name, *extra):
    result = cli(group, "import", MESSY / name, *extra, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def messy(cli):
    """A database holding the messy units."""
    run_import(cli, "unit", "units_bom_semicolon.csv")
    return cli


def test_units_with_bom_semicolons_and_headers_in_any_case(cli):
    summary = run_import(cli, "unit", "units_bom_semicolon.csv")
    assert (summary["encoding"], summary["rows"], summary["new"]) == ("utf-8-sig", 5, 5)
    assert summary["warnings"] == []  # STT is a row number, not an unknown column
    units = {u["code"]: u for u in cli.json("unit", "list")}
    assert units["PHR.CB1"]["parent"] == "PHR"  # the parent came later in the file
    assert units["PHR.CB2"]["parent"] == "PHR"  # 'phr' in the file: codes ignore case
    assert units["PHR.CB1"]["kind"] == "chi-bo-truc-thuoc"  # "Chi bộ trực thuộc"
    assert units["PHR"]["block"] == "xa-phuong"  # "Xã, phường"
    assert units["PHR.CB3"]["block"] == "xa-phuong"  # no block of its own: the parent's
    assert units["CTHR"]["block"] == "doanh-nghiep"
    assert units["PHR.CB3"]["name"] == "Chi bộ Trường THCS Hàm Rồng"
    founded = {c: cli.json("unit", "show", c)["founded_on"] for c in ("PHR.CB1", "PHR.CB2")}
    assert founded == {"PHR.CB1": "1990-09-05", "PHR.CB2": "1992-03-15"}  # d/m/y, dd-mm-y


def test_quotas_in_windows_1258_with_a_term_and_a_remarks_column(messy):
    summary = run_import(messy, "quota", "quotas_cp1258.csv")
    assert (summary["encoding"], summary["new"]) == ("cp1258", 3)
    quotas = {
        (q["unit_code"], q["period"], q["source"]): q["target"] for q in messy.json("quota", "list")
    }
    assert quotas == {
        ("PHR", "2024", "tinh"): 3,
        ("PHR", "2020-2025", "thanh-uy"): 12,  # "2020 – 2025" and "Thành ủy"
        ("CTHR", "2024", "thanh-uy"): 1,
    }


def test_members_in_tcvn3_separated_by_tabs(messy, sql):
    summary = run_import(messy, "member", "members_tcvn3.tsv", "--unit", "PHR")
    assert (summary["encoding"], summary["new"]) == ("tcvn3", 4)
    rows = sql(
        "SELECT p.full_name, p.national_id, p.birth_date, m.status, m.key_position, m.position"
        " FROM member m JOIN person p ON p.id = m.person_id ORDER BY p.national_id"
    )
    assert [r[0] for r in rows] == [
        "Nguyễn Văn Hùng",
        "Đỗ Minh Tuấn",
        "Lê Thị Hồng",
        "Trần Thị Mai",
    ]
    assert rows[0][1] == "038070001111"  # the leading zero survives
    assert str(rows[1][2]) == "1990-01-01"  # "1/1/1990"
    assert [r[3] for r in rows] == ["official", "official", "official", "probationary"]
    assert [bool(r[4]) for r in rows] == [True, True, False, False]
    assert rows[0][5] == "Bí thư chi bộ"


def test_members_xlsx_with_title_rows_on_a_named_sheet(messy, sql):
    result = messy("member", "import", MESSY / "members_roster.xlsx", "--unit", "PHR")
    assert result.exit_code == 1
    assert "--sheet" in result.stderr and "Danh sách" in result.stderr
    summary = run_import(
        messy, "member", "members_roster.xlsx", "--unit", "PHR", "--sheet", "Danh sách"
    )
    assert (summary["encoding"], summary["new"]) == ("xlsx", 3)
    rows = sql(
        "SELECT p.full_name, p.national_id, p.phone, p.birth_date, m.status, m.official_on"
        " FROM member m JOIN person p ON p.id = m.person_id ORDER BY p.birth_date"
    )
    lan = rows[0]
    assert lan[0] == "Vũ Thị Lan"
    assert lan[1] == "038175005555"  # typed as a number in Excel: the 0 comes back
    assert lan[2] == "0912345678"
    assert str(lan[3]) == "1975-04-30" and str(lan[5]) == "2001-05-19"  # real .xlsx dates
    assert [r[4] for r in rows] == ["official", "official", "probationary"]
    assert rows[1][1] == "038088006666"


def test_historical_candidates_with_headers_without_diacritics(messy, sql):
    summary = run_import(messy, "candidate", "candidates_khong_dau.csv")
    assert (summary["encoding"], summary["new"]) == ("utf-8", 4)
    stages = dict(sql("SELECT full_name, stage FROM person ORDER BY id"))
    assert stages == {
        "Lê Văn Hải": "official",
        "Trịnh Thị Ngọc Ánh": "probationary",
        "Phạm Đức Long": "trained",
        "Hoàng Thị Yến": "withdrawn",
    }
    steps = sql(
        "SELECT e.step, e.occurred_on, e.document_no FROM pipeline_event e"
        " JOIN person p ON p.id = e.person_id WHERE p.full_name = 'Lê Văn Hải'"
        " ORDER BY e.occurred_on"
    )
    assert [(s, str(d)) for s, d, _ in steps] == [
        ("sourced", "2019-03-03"),
        ("class", "2019-06-12"),  # "12-06-2019"
        ("application", "2019-09-02"),  # ISO
        ("cell-vote", "2019-10-10"),
        ("committee-resolution", "2019-10-21"),
        ("decision", "2019-11-05"),
        ("ceremony", "2019-11-19"),
        ("official", "2020-11-19"),
    ]
    assert steps[5][2] == "45-QĐ/TU"
    admission = sql(
        "SELECT a.decision_body, a.official_date FROM admission a"
        " JOIN person p ON p.id = a.person_id WHERE p.full_name = 'Lê Văn Hải'"
    )
    assert [(b, str(d)) for b, d in admission] == [
        ("Ban Thường vụ Thành ủy Thanh Hóa", "2020-11-19")
    ]
    exit_note = sql("SELECT note FROM pipeline_event WHERE step = 'withdrawn'")
    assert exit_note == [("Chuyển công tác",)]
    education = dict(sql("SELECT full_name, education FROM person"))
    assert education["Lê Văn Hải"] == "thpt"  # "12/12"


def test_vni_keeps_capital_toned_letters(messy, sql):
    summary = run_import(messy, "candidate", "candidates_vni.csv")
    assert (summary["encoding"], summary["new"]) == ("vni", 2)
    names = sorted(n for (n,) in sql("SELECT full_name FROM person"))
    assert names == ["Ánh Nguyệt Đinh", "Ứng Quốc Ân"]


def test_every_messy_file_imports_twice_without_change(cli):
    for group, name, extra in IMPORTS:
        first = run_import(cli, group, name, *extra)
        again = run_import(cli, group, name, *extra)
        assert first["new"] == first["rows"] > 0, name
        assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, again["rows"]), name


def test_dry_run_reports_real_counts_and_writes_nothing(messy, sql):
    summary = run_import(messy, "candidate", "candidates_khong_dau.csv", "--dry-run")
    assert summary["dry_run"] is True and summary["new"] == 4
    assert sql("SELECT count(*) FROM person") == [(0,)]
    table = messy("candidate", "import", MESSY / "candidates_khong_dau.csv", "--dry-run")
    assert table.exit_code == 0
    assert "4 mới" in table.stderr and "Chạy thử" in table.stderr


def test_forced_encoding_is_used_and_reported(messy, sql):
    summary = run_import(messy, "member", "members_tcvn3.tsv", "--unit", "PHR", "--encoding", "abc")
    assert summary["encoding"] == "tcvn3"
    assert ("Đỗ Minh Tuấn",) in sql("SELECT full_name FROM person")


def test_forced_delimiter_overrides_the_sniffing(messy, tmp_path):
    # One header cell holds a semicolon: sniffing picks ';' and finds no columns, a forced
    # comma reads the file right.
    path = tmp_path / "quotas.csv"
    path.write_text("unit_code,period,source,target,Ghi chú; a; b; c; d; e\nPHR,2025,tinh,4,\n")
    assert messy("quota", "import", path).exit_code == 1
    summary = messy.json("quota", "import", path, "--delimiter", ",")
    assert summary["new"] == 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258", "tcvn3", "vni"])
def test_encoding_samples_import_end_to_end(cli, sql, encoding):
    for cell in ("DALAN-CB1", "DALAN-CB2", "DALAN-CB3"):
        assert cli("unit", "add", cell, f"Chi bộ {cell}", "--kind", "chi-bo-co-so").exit_code == 0
    summary = cli.json("candidate", "import", EXAMPLES / "encodings" / f"candidates.{encoding}.csv")
    assert (summary["encoding"], summary["new"]) == (encoding, 4)
    names = [n for (n,) in sql("SELECT full_name FROM person ORDER BY id")]
    capitals_lost = encoding == "tcvn3"  # VN3 has no toned capitals (textcodecs)
    assert names == [
        "Nguyễn Thị Hồng Liên",
        "Đỗ Văn Đức",
        "Lê Thị ánh Tuyết" if capitals_lost else "Lê Thị Ánh Tuyết",
        "Trương Ngọc ẩn" if capitals_lost else "Trương Ngọc Ẩn",
    ]
    births = [str(b) for (b,) in sql("SELECT birth_date FROM person ORDER BY id")]
    assert births[0] == "1990-03-12" and births[3] == "1988-01-30"
    assert sql("SELECT count(*) FROM person WHERE gender = 'nu'") == [(2,)]


def test_examples_are_small_and_rebuilt_by_their_script(tmp_path):
    """The committed files are what make_messy.py writes (the .xlsx aside: zip metadata)."""
    copy = tmp_path / "messy"
    shutil.copytree(MESSY, copy)
    subprocess.run([sys.executable, str(copy / "make_messy.py")], check=True, capture_output=True)
    for path in MESSY.iterdir():
        assert path.stat().st_size < 16_000, path.name
        if path.suffix in (".csv", ".tsv"):
            assert (copy / path.name).read_bytes() == path.read_bytes(), path.name


def test_progress_shows_rows_per_second_only_when_someone_watches(monkeypatch, capsys):
    from dangvien_cli.cli import _console, _imports

    monkeypatch.setattr(_console, "err_console", None)  # a console made for this test
    with _imports.progress(Path("big.csv"), quiet=False) as tick:
        assert tick is None  # a pipe: nothing
    for stream in (sys.stdout, sys.stderr):
        monkeypatch.setattr(stream, "isatty", lambda: True)
    with _imports.progress(Path("big.csv"), quiet=True) as tick:
        assert tick is None  # --quiet
    monkeypatch.setenv("TERM", "xterm")
    with _imports.progress(Path("big.csv"), quiet=False) as tick:
        tick(12_000)
    assert "dòng/giây" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["units", "quotas", "members", "candidates"])
def test_no_header_spelling_names_two_fields(kind):
    import importlib

    from dangvien_cli.tabular import header_key

    fields = importlib.import_module(f"dangvien_cli.services.imports.{kind}").FIELDS
    seen: dict[str, str] = {}
    for spec in fields:
        for name in (spec.key, *spec.aliases):
            assert seen.setdefault(header_key(name), spec.key) == spec.key, name


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_saved_from_a_sheet_with_title_rows(messy, tmp_path, delimiter):
    """A sheet saved as CSV keeps its title and blank rows above the header ("DANH SÁCH
    …,,,,"): the header is the first line naming two columns or more, as in an .xlsx, and
    a bad row is named by its line in the file."""
    d = delimiter
    title = f"DANH SÁCH QUẦN CHÚNG ƯU TÚ NĂM 2025{d * 4}\nĐơn vị: Phường Hàm Rồng{d * 4}\n{d * 4}\n"
    header = d.join(["Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị", "Ngày tạo nguồn"])
    good = d.join(["Nguyễn Văn Tiêu", "01/01/1990", "nam", "PHR", "01/01/2025"])
    bad = d.join(["Nguyễn Văn Đề", "31/02/1990", "nam", "PHR", "01/01/2025"])
    path = tmp_path / "ds.csv"
    path.write_text(f"{title}{header}\n{good}\n{bad}\n", encoding="utf-8")
    result = messy("candidate", "import", path, "--format", "json")
    assert result.exit_code == 1, result.output
    (error,) = json.loads(result.stdout)["errors"]
    assert (error["line"], error["column"]) == (6, "Ngày sinh")
    path.write_text(f"{title}{header}\n{good}\n", encoding="utf-8")
    assert run_import(messy, "candidate", path)["new"] == 1
    # a file none of whose first lines names two columns keeps its first line as the header
    path.write_text("Họ và tên\nNguyễn Văn Một\n", encoding="utf-8")
    result = messy("candidate", "import", path)
    assert result.exit_code == 1 and "Mã đơn vị (unit_code)" in result.stderr
