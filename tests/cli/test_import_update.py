"""Idempotent imports: a changed row updates its record (the pipeline through superseding
events, never by rewriting one), a column the file lacks changes nothing, and a candidate
row is judged by the same rules as the step commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

MESSY = Path(__file__).resolve().parents[2] / "examples" / "messy"
HISTORY = (
    "full_name,birth_date,unit_code,source_date,class_date,application_date,vote_date,"
    "votes_for,official_members,committee_date,decision_no,decision_date,ceremony_date"
)
ADMITTED = "Lê Văn Mẫu,01/01/1990,PHR.CB1,10/01/2023,01/03/2023,01/04/2023,10/05/2023,10,10,"
ADMITTED += "20/05/2023,9-QĐ/TU,01/06/2023,15/06/2023"


def write(tmp_path: Path, text: str, name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported(cli, *args):
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts(summary):
    return summary["new"], summary["updated"], summary["unchanged"]


@pytest.fixture
def messy(cli):
    for group, name, extra in (
        ("unit", "units_bom_semicolon.csv", ()),
        ("member", "members_tcvn3.tsv", ("--unit", "PHR")),
        ("candidate", "candidates_khong_dau.csv", ()),
    ):
        imported(cli, group, "import", MESSY / name, *extra)
    return cli


def test_a_unit_row_updates_only_what_the_file_says(messy, tmp_path):
    path = write(tmp_path, "Mã đơn vị,Tên\nphr.cb1,Chi bộ Khu phố Một\n")
    assert counts(imported(messy, "unit", "import", path)) == (0, 1, 0)
    unit = messy.json("unit", "show", "PHR.CB1")
    assert unit["name"] == "Chi bộ Khu phố Một"
    assert (unit["code"], unit["parent"], unit["kind"]) == ("PHR.CB1", "PHR", "chi-bo-truc-thuoc")
    assert unit["founded_on"] == "1990-09-05"  # no column for it: kept
    cleared = write(tmp_path, "code,name,founded_on\nPHR.CB1,Chi bộ Khu phố Một,\n")
    assert counts(imported(messy, "unit", "import", cleared)) == (0, 1, 0)
    assert messy.json("unit", "show", "PHR.CB1")["founded_on"] is None  # an empty cell clears


def test_a_changed_quota_target_updates_it(messy, tmp_path):
    imported(messy, "quota", "import", MESSY / "quotas_cp1258.csv")
    text = "unit_code,period,source,target\nPHR,2024,tinh,5\nPHR,2020-2025,thanh-uy,12\n"
    assert counts(imported(messy, "quota", "import", write(tmp_path, text))) == (0, 1, 1)
    quotas = {
        (q["unit_code"], q["period"], q["source"]): q["target"] for q in messy.json("quota", "list")
    }
    assert quotas[("PHR", "2024", "tinh")] == 5


def test_a_changed_roster_row_updates_person_and_roster_line(messy, tmp_path, sql):
    path = write(
        tmp_path,
        "Họ và tên,Ngày sinh,Số CCCD,Điện thoại,Chức vụ\n"
        "Lê Thị Hồng,08/03/1982,038182002222,0911222333,Chi ủy viên\n",
    )
    assert counts(imported(messy, "member", "import", path, "--unit", "PHR")) == (0, 1, 0)
    row = sql(
        "SELECT p.phone, m.position, m.status, u.code FROM person p"
        " JOIN member m ON m.person_id = p.id JOIN unit u ON u.id = m.unit_id"
        " WHERE p.national_id = '038182002222'"
    )
    assert row == [("0911222333", "Chi ủy viên", "official", "PHR.CB1")]  # cell kept
    assert counts(imported(messy, "member", "import", path, "--unit", "PHR")) == (0, 0, 1)


def test_a_roster_row_cannot_take_another_persons_national_id(messy, tmp_path, sql):
    hung = sql("SELECT id FROM person WHERE national_id = '038070001111'")[0][0]
    path = write(tmp_path, f"id,full_name,national_id\n{hung},Nguyễn Văn Hùng,038182002222\n")
    result = messy("member", "import", path, "--unit", "PHR", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["errors"][0]["column"] == "national_id"


def export_rows(cli, tmp_path):
    path = tmp_path / "candidates.csv"
    assert cli("export", "candidates", path, "--show-private").exit_code == 0
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def save(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_changed_step_supersedes_the_old_event_and_new_rows_join_in(messy, tmp_path, sql):
    rows = export_rows(messy, tmp_path)
    anh = next(r for r in rows if r["full_name"] == "Trịnh Thị Ngọc Ánh")
    assert anh["ceremony_date"] == "2021-09-01"
    anh["ceremony_date"] = "2021-09-03"
    anh["decision_body"] = "Ban Thường vụ Thành ủy"
    new = dict.fromkeys(anh, "")
    new.update(full_name="Lê Văn Mới", unit_code="PHR.CB2", source_date="2024-02-02")
    new["class_date"], new["certificate_no"] = "2024-04-04", "9/CN"
    path = save(tmp_path / "changed.csv", [*rows, new])
    assert counts(imported(messy, "candidate", "import", path)) == (1, 1, 3)

    events = sql(
        "SELECT id, occurred_on, supersedes_id, issuer FROM pipeline_event"
        " WHERE person_id = :pid AND step IN ('ceremony', 'decision') ORDER BY id",
        pid=int(anh["id"]),
    )
    (decision, _, _, _), (old, old_on, _, _), *later = events
    assert str(old_on) == "2021-09-01"  # kept: history is appended, never rewritten
    by_supersedes = {s: (str(on), issuer) for _, on, s, issuer in later}
    assert by_supersedes[old] == ("2021-09-03", None)
    assert by_supersedes[decision][1] == "Ban Thường vụ Thành ủy"
    admission = sql(
        "SELECT ceremony_date, decision_body FROM admission WHERE person_id = :pid",
        pid=int(anh["id"]),
    )
    assert [(str(d), b) for d, b in admission] == [("2021-09-03", "Ban Thường vụ Thành ủy")]
    assert sql("SELECT stage FROM person WHERE full_name = 'Lê Văn Mới'") == [("trained",)]
    assert counts(imported(messy, "candidate", "import", path)) == (0, 0, 5)


def test_columns_the_file_lacks_keep_their_values(messy, tmp_path, sql):
    before = sql("SELECT * FROM person ORDER BY id")
    path = write(tmp_path, "So CCCD,Ho va ten,Ma don vi\n038095004512,Lê Văn Hải,PHR.CB1\n")
    assert counts(imported(messy, "candidate", "import", path)) == (0, 0, 1)
    assert sql("SELECT * FROM person ORDER BY id") == before


def test_namesakes_without_national_id_stay_two_people(messy, tmp_path, sql):
    text = "full_name,birth_date,unit_code,source_date\n"
    text += "Nguyễn Văn An,01/01/1990,PHR.CB1,01/02/2024\n" * 2
    path = write(tmp_path, text)
    assert counts(imported(messy, "candidate", "import", path)) == (2, 0, 0)
    assert counts(imported(messy, "candidate", "import", path)) == (0, 0, 2)
    assert sql("SELECT count(*) FROM person WHERE full_name = 'Nguyễn Văn An'") == [(2,)]


def test_one_person_on_two_rows_is_refused(messy, tmp_path, sql):
    hai = sql("SELECT id FROM person WHERE full_name = 'Lê Văn Hải'")[0][0]
    text = f"id,full_name,unit_code\n{hai},Lê Văn Hải,PHR.CB1\n{hai},Lê Văn Hải,PHR.CB2\n"
    result = messy("candidate", "import", write(tmp_path, text), "--format", "json")
    assert result.exit_code == 1
    assert [e["line"] for e in json.loads(result.stdout)["errors"]] == [3]
    assert sql(
        "SELECT u.code FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = :i", i=hai
    ) == [("PHR.CB1",)]


@pytest.mark.parametrize(
    ("extra_header", "extra_cells", "row", "columns"),
    [
        # PHR.CB1 has a roster: it gives the official members (R14), the votes are missing
        ("", "", ADMITTED.replace(",10,10,", ",,,"), {"votes_for"}),
        ("", "", "Lê Văn Phiếu,01/01/1990,PHR.CB1,10/01/2023,,,,8,,,,,", {"votes_for"}),
        (",exit,exit_date", ",rejected,20/06/2023", ADMITTED, {"exit"}),  # admitted already
        (",exit,exit_date", ",struck-off,02/06/2023", ADMITTED.rsplit(",", 1)[0] + ",", {"exit"}),
        (
            ",exit,exit_date",
            ",withdrawn,01/02/2023",
            "Lê Văn Rút,01/01/1990,PHR.CB1,10/01/2023,01/03/2023" + "," * 8,
            {"exit_date"},
        ),
        (
            ",exit_date",
            ",01/02/2024",
            "Lê Văn Ngày,01/01/1990,PHR.CB1,10/01/2023" + "," * 9,
            {"exit_date"},
        ),
        (",exit", ",withdrawn", "Lê Văn Trống,01/01/1990,PHR.CB1" + "," * 10, {"exit_date"}),
    ],
)
def test_a_candidate_row_is_judged_as_the_step_commands_judge(
    messy, tmp_path, sql, extra_header, extra_cells, row, columns
):
    before = sql("SELECT count(*) FROM person")
    path = write(tmp_path, f"{HISTORY}{extra_header}\n{row}{extra_cells}\n")
    result = messy("candidate", "import", path, "--format", "json")
    assert result.exit_code == 1, result.output
    assert {e["column"] for e in json.loads(result.stdout)["errors"]} == columns
    assert sql("SELECT count(*) FROM person") == before


def test_the_valid_history_of_those_cases_imports(messy, tmp_path, sql):
    header = HISTORY + ",exit,exit_date,exit_reason"
    rows = [ADMITTED + ",,,", ADMITTED.rsplit(",", 1)[0].replace("Mẫu", "Xóa") + ",15/06/2023"]
    rows[1] += ",struck-off,01/08/2023,Vi phạm tư cách"
    path = write(tmp_path, "\n".join([header, *rows]) + "\n")
    assert counts(imported(messy, "candidate", "import", path)) == (2, 0, 0)
    stages = dict(sql("SELECT full_name, stage FROM person WHERE full_name LIKE 'Lê Văn %'"))
    assert stages == {
        "Lê Văn Mẫu": "probationary",
        "Lê Văn Xóa": "struck-off",
        "Lê Văn Hải": "official",
    }


def test_a_rule_a_higher_body_waived_is_waived_on_import_too(messy, tmp_path, sql):
    old_header = "full_name,birth_date,unit_code,source_date"
    first = write(tmp_path, f"{old_header}\nLê Văn Lão,01/01/1960,PHR.CB1,10/01/2023\n")
    imported(messy, "candidate", "import", first)
    pid = sql("SELECT id FROM person WHERE full_name = 'Lê Văn Lão'")[0][0]
    row = ADMITTED.replace("Lê Văn Mẫu,01/01/1990", "Lê Văn Lão,01/01/1960")
    later = write(tmp_path, f"id,{HISTORY}\n{pid},{row}\n", "later.csv")
    refused = messy("candidate", "import", later, "--format", "json")
    assert refused.exit_code == 1
    assert json.loads(refused.stdout)["errors"][0]["reason"].startswith("R2 ")
    waived = messy(
        "candidate", "exception", pid, "--rule", "R3", "--by", "Ban Thường vụ Tỉnh ủy",
        "--document", "12-CV/TU", "--reason", "Người có uy tín", "--date", "01/01/2020",
    )  # fmt: skip
    assert waived.exit_code == 0, waived.output
    assert counts(imported(messy, "candidate", "import", later)) == (0, 1, 0)
    assert sql("SELECT stage FROM person WHERE id = :i", i=pid) == [("probationary",)]
