"""One person, one row, one record: a national ID or an id given twice in a candidate file
is refused wherever the two rows fall (one batch or two, a first load or a later one), even
after an earlier row was refused for something else; namesakes without a national ID stay
two people however far apart their rows are; a stored person cannot be given somebody
else's national ID, an id below 1, or (on a roster only) a candidate's steps."""

from __future__ import annotations

import json

import pytest

from dangvien_cli.services.imports import candidates as importer

HEADER = "full_name,birth_date,gender,unit_code,national_id,source_date\n"
HOA = "Trần Thị Hoa,02/03/1995,nu,DL,038195001122,01/03/2020\n"
NAM = "Phạm Văn Nam,11/11/1990,nam,DL,038090001133,05/01/2021\n"
SANG = "Lò Văn Sáng,01/01/2000,nam,DL,038200001144,01/02/2022\n"
MAI = "Đinh Thị Mai,05/05/2001,nu,DL,038301001155,01/09/2023\n"
BAD = "Sai Giới Tính,01/01/2000,x,DL,,01/02/2022\n"  # refused: gender
STORED = "Hà Văn Cũ,01/01/1980,nam,DL,038080009999,01/01/2019\n"


@pytest.fixture
def unit(cli):
    assert cli("unit", "add", "DL", "Chi bộ Dạ Lan", "--kind", "chi-bo-co-so").exit_code == 0


def refused_lines(cli, path, lang="vi") -> dict[int, set[str]]:
    result = cli("--lang", lang, "candidate", "import", path, "--format", "json")
    assert result.exit_code == 1, result.output
    lines: dict[int, set[str]] = {}
    for error in json.loads(result.stdout)["errors"]:
        lines.setdefault(error["line"], set()).add(error["column"])
    return lines


@pytest.fixture(params=["first load", "later import"])
def stored(request, cli, sql, tmp_path, unit):
    """Nobody stored (the bulk path), or one person stored already (the matching path)."""
    if request.param == "later import":
        (tmp_path / "old.csv").write_text(HEADER + STORED, encoding="utf-8")
        assert cli("candidate", "import", tmp_path / "old.csv").exit_code == 0
    return sql("SELECT count(*) FROM person")[0][0]


@pytest.mark.parametrize("batch", [2, 100])  # the two rows in two batches, or in one
def test_a_national_id_twice_after_a_refused_row_is_refused_too(
    cli, sql, tmp_path, monkeypatch, stored, batch
):
    monkeypatch.setattr(importer, "BATCH", batch)
    twice = NAM.replace("Phạm Văn Nam", "Phạm Văn Khác")  # somebody else with Nam's CCCD
    (tmp_path / "c.csv").write_text(HEADER + HOA + BAD + NAM + SANG + twice, encoding="utf-8")
    assert refused_lines(cli, tmp_path / "c.csv") == {3: {"gender"}, 6: {"national_id"}}
    assert sql("SELECT count(*) FROM person") == [(stored,)]


def test_the_same_row_twice_in_two_batches_is_refused(cli, sql, tmp_path, monkeypatch, stored):
    """A later import once matched the second row to the person the first one had just
    added, and counted it 'unchanged': the file's repeat passed unseen."""
    monkeypatch.setattr(importer, "BATCH", 2)
    (tmp_path / "c.csv").write_text(HEADER + HOA + NAM + SANG + HOA, encoding="utf-8")
    result = cli("candidate", "import", tmp_path / "c.csv")
    assert result.exit_code == 1
    assert "dòng 5, cột national_id" in result.stderr
    assert "một dòng trước của tệp" in result.stderr
    assert sql("SELECT count(*) FROM person") == [(stored,)]


def test_an_id_twice_in_two_batches_is_refused(cli, sql, tmp_path, monkeypatch, stored):
    monkeypatch.setattr(importer, "BATCH", 2)
    header = "id," + HEADER
    rows = [f"{900 + i},{row}" for i, row in enumerate([HOA, NAM, SANG])]
    rows.append("900," + MAI)  # Mai given Hoa's id
    (tmp_path / "c.csv").write_text(header + "".join(rows), encoding="utf-8")
    assert refused_lines(cli, tmp_path / "c.csv", "en") == {5: {"id"}}
    assert sql("SELECT count(*) FROM person") == [(stored,)]


def test_namesakes_without_a_national_id_stay_two_people_across_batches(
    cli, sql, tmp_path, monkeypatch, stored
):
    monkeypatch.setattr(importer, "BATCH", 2)
    an = "Nguyễn Văn An,01/01/1990,nam,DL,,01/02/2024\n"
    (tmp_path / "c.csv").write_text(HEADER + an + NAM + SANG + an, encoding="utf-8")
    result = cli("candidate", "import", tmp_path / "c.csv")
    assert result.exit_code == 0, result.output
    assert sql("SELECT count(*) FROM person WHERE full_name = 'Nguyễn Văn An'") == [(2,)]
    assert sql("SELECT count(*) FROM person") == [(stored + 4,)]


def test_a_stored_person_given_somebody_elses_national_id_is_refused(cli, sql, tmp_path, unit):
    """A row matched by id that carries another stored person's national ID: once an
    unexpected error (the unique index), now a refusal that names the owner."""
    lan = "Lê Thị Lan,05/06/1995,nu,DL,038195002233,05/01/2021\n"
    (tmp_path / "old.csv").write_text(HEADER + HOA + lan, encoding="utf-8")
    assert cli("candidate", "import", tmp_path / "old.csv").exit_code == 0
    before = sql("SELECT id, full_name, national_id FROM person ORDER BY id")
    hoa_id = next(pid for pid, name, _ in before if name == "Trần Thị Hoa")
    lan_id = next(pid for pid, name, _ in before if name == "Lê Thị Lan")
    row = f"id,{HEADER}{hoa_id},{HOA.replace('038195001122', '038195002233')}"
    (tmp_path / "c.csv").write_text(row, encoding="utf-8")
    result = cli("--lang", "en", "candidate", "import", tmp_path / "c.csv")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "line 2, column national_id" in last
    assert f"belongs to person {lan_id}: Lê Thị Lan" in last
    assert sql("SELECT id, full_name, national_id FROM person ORDER BY id") == before


@pytest.mark.parametrize("kind", ["candidate", "member"])
@pytest.mark.parametrize("given", ["0", "-5"])
def test_an_id_below_one_is_refused(cli, sql, tmp_path, unit, kind, given):
    """-5 was once stored as a person's id; 0 was read as no id at all."""
    if kind == "candidate":
        text = f"id,{HEADER}{given},{HOA}"
        args = ("candidate", "import")
    else:
        text = f"id,full_name,birth_date,gender,admitted_on\n{given},Trần Thị Hoa,02/03/1995,nu,"
        text += "01/03/2020\n"
        args = ("member", "import", "--unit", "DL")
    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    result = cli("--lang", "en", *args, tmp_path / "c.csv")
    assert result.exit_code == 1, result.output
    assert f"id must be a whole number from 1 up (got {given})" in result.stderr
    assert sql("SELECT count(*) FROM person") == [(0,)]


def test_a_member_on_a_roster_only_is_not_made_a_candidate_by_a_file(cli, sql, tmp_path, unit):
    """The step commands refuse a step for a roster-only member; a candidate file once put
    an official member of 2003 back at 'trained'."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "full_name,birth_date,gender,national_id,status,admitted_on,official_on\n"
        "Nguyễn Thị Liên,10/04/1970,nu,038170485626,chính thức,12/08/2003,12/08/2004\n",
        encoding="utf-8",
    )
    assert cli("member", "import", str(roster), "--unit", "DL").exit_code == 0
    before = sql("SELECT id, stage FROM person")
    (tmp_path / "c.csv").write_text(
        HEADER + "Nguyễn Thị Liên,10/04/1970,nu,DL,038170485626,01/03/2024\n", encoding="utf-8"
    )
    assert refused_lines(cli, tmp_path / "c.csv") == {2: {"national_id"}}
    assert sql("SELECT id, stage FROM person") == before
    assert sql("SELECT count(*) FROM pipeline_event") == [(0,)]


WITHDRAWN = ",exit,exit_date\n{row},rut,01/03/2022"


@pytest.mark.parametrize(
    ("later", "column"),
    [
        # a class in a later file that has no exit column
        (",class_date,certificate_no\n{row},01/05/2023,5/CN", "class_date"),
        (",exit,exit_date\n{row},tu-choi,01/05/2023", "exit"),  # rejected as well
    ],
)
def test_a_later_file_adds_no_step_after_the_road_ended(cli, sql, tmp_path, unit, later, column):
    """As the step commands refuse it (pipeline.closed): once an exit is on record a file
    adds no new step; correcting a step already recorded stays possible."""
    row = SANG.rstrip("\n")
    header = HEADER.rstrip("\n")
    (tmp_path / "a.csv").write_text(header + WITHDRAWN.format(row=row) + "\n", encoding="utf-8")
    assert cli("candidate", "import", tmp_path / "a.csv").exit_code == 0
    before = sql("SELECT * FROM pipeline_event ORDER BY id")
    (tmp_path / "b.csv").write_text(header + later.format(row=row) + "\n", encoding="utf-8")
    assert refused_lines(cli, tmp_path / "b.csv") == {2: {column}}
    assert sql("SELECT * FROM pipeline_event ORDER BY id") == before
    fixed = WITHDRAWN.replace("01/03/2022", "02/03/2022").format(row=row)  # a correction
    (tmp_path / "c.csv").write_text(header + fixed + "\n", encoding="utf-8")
    assert cli("candidate", "import", tmp_path / "c.csv").exit_code == 0


VI_HEADER = "Họ và tên,Ngày sinh,Giới tính,Mã đơn vị,Số CCCD,Ngày tạo nguồn\n"


@pytest.mark.parametrize("kind", ["candidate", "member"])
def test_a_refusal_found_on_the_records_names_the_files_own_column(cli, tmp_path, unit, kind):
    """Checks made after the rows are read (somebody else's national ID) named the column
    by its key ("national_id") where the unit's file says "Số CCCD"; every other refusal
    of the same file names "Số CCCD"."""
    (tmp_path / "old.csv").write_text(HEADER + HOA, encoding="utf-8")
    assert cli("candidate", "import", tmp_path / "old.csv").exit_code == 0
    other = "Trần Văn Khác,02/03/1995,nu,DL,038195001122,01/03/2020\n"  # Hoa's CCCD
    (tmp_path / "c.csv").write_text(VI_HEADER + other, encoding="utf-8")
    extra = ("--unit", "DL") if kind == "member" else ()
    result = cli(kind, "import", tmp_path / "c.csv", *extra, "--format", "json")
    assert result.exit_code == 1, result.output
    columns = {e["column"] for e in json.loads(result.stdout)["errors"]}
    assert columns == {"Số CCCD"}, columns
