"""A person's columns go by the same names in a candidate file and a unit's roster: a
roster headed "Ngày tháng năm sinh", "Nam/Nữ", "Số định danh" lost those cells (the member
import ignored the columns with a warning) where a candidate file took them."""

from __future__ import annotations

import json

from dangvien_cli.services.imports import candidate_rows, member_rows
from dangvien_cli.services.imports.columns import PERSON_FIELDS
from helpers.world import build_world

HEADERS = "Họ tên,Ngày tháng năm sinh,Nam/Nữ,Số định danh,SĐT,GDPT,Đơn vị"


def test_a_roster_takes_the_headers_a_candidate_file_takes(cli, tmp_path, sql):
    build_world(tmp_path)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"{HEADERS},Loại đảng viên,Ngày vào Đảng\n"
        "Phan Thị Lụa,14/02/1985,Nữ,038185001234,0912345678,12/12,CB,chính thức,03/02/2010\n",
        encoding="utf-8",
    )
    result = cli("member", "import", roster, "--unit", "DB", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["warnings"] == []  # no column ignored
    ((birth, gender, nid, phone, education),) = sql(
        "SELECT birth_date, gender, national_id, phone, education FROM person"
        " WHERE full_name = 'Phan Thị Lụa'"
    )
    assert (str(birth), gender, nid, phone) == ("1985-02-14", "nu", "038185001234", "0912345678")
    assert education is not None


def test_every_person_column_name_is_known_to_both_imports():
    for fields in (candidate_rows.FIELDS, member_rows.FIELDS):
        by_key = {f.key: set(f.aliases) for f in fields}
        for person in PERSON_FIELDS:
            assert set(person.aliases) <= by_key[person.key], (person.key, fields)
        assert {"Mã đơn vị", "Đơn vị", "Chi bộ", "Mã chi bộ"} <= by_key["unit_code"]


def test_a_quota_file_takes_the_unit_column_by_the_same_names(cli, demo_db, tmp_path):
    """A quota file headed "Mã chi bộ" was refused as lacking a unit column."""
    path = tmp_path / "quotas.csv"
    path.write_text("Mã chi bộ,Năm,Chỉ tiêu,Nguồn\nDALAN.CB1,2024,2,Thành ủy\n", encoding="utf-8")
    result = cli("quota", "import", path)
    assert result.exit_code == 0, result.output
    quotas = cli.json("quota", "list", "--unit", "DALAN.CB1")
    assert [(q["period"], q["target"]) for q in quotas] == [("2024", 2)]


def test_a_missing_column_is_named_as_a_clerk_heads_it(cli, demo_db, tmp_path):
    """The refusal named the field's key only ("unit_code")."""
    path = tmp_path / "quotas.csv"
    path.write_text("Năm,Chỉ tiêu\n2024,2\n", encoding="utf-8")
    result = cli("quota", "import", path)
    assert result.exit_code == 1
    assert "Mã đơn vị (unit_code)" in result.stderr
