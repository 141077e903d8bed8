"""The candidate import writes a person's whole history set-based (one staged row fanned out
by SQL). What it writes must be what the step commands would have written, whichever way
the rows are batched: checked here against the file itself, row by row."""

from __future__ import annotations

import json

import pytest

from dangvien_cli.services.imports import candidates as importer

HEADER = (
    "full_name,birth_date,education,unit_code,source_date,mentor,class_date,certificate_no,"
    "application_date,vote_date,votes_for,official_members,committee_date,decision_no,"
    "decision_date,decision_body,ceremony_date,official_date,exit,exit_date,exit_reason"
)
ROWS = [
    # committee and decision on one day: pipeline order breaks the tie
    "Trần Thị Hoa,02/03/1995,12/12,DL,01/03/2020,Lê Văn Ba,10/05/2020,12/CN,01/06/2020,"
    "15/06/2020,9,10,20/06/2020,34-QĐ/ĐU,20/06/2020,Đảng ủy phường,01/07/2020,01/07/2021,,,",
    # struck off during probation: the admission and the roster line carry the date
    "Phạm Văn Nam,11/11/1990,12/12,DL,05/01/2021,,01/03/2021,13/CN,01/04/2021,"
    "10/05/2021,10,10,,35-QĐ/ĐU,20/05/2021,,01/06/2021,,xoa-ten,01/02/2022,Vi phạm tư cách",
    # withdrew after the class, no exit date: the exit takes the last step's date
    "Lò Văn Sáng,01/01/2000,12/12,DL,01/02/2022,,15/03/2022,14/CN,,,,,,,,,,,rut,,Chuyển công tác",
    # only spotted
    "Đinh Thị Mai,05/05/2001,12/12,DL,01/09/2023,Hà Văn Tư,,,,,,,,,,,,,,,",
]
STEP_COLUMNS = [  # file column -> step, document column, issuer column
    ("source_date", "sourced", None, None),
    ("class_date", "class", "certificate_no", None),
    ("application_date", "application", None, None),
    ("vote_date", "cell-vote", None, None),
    ("committee_date", "committee-resolution", None, None),
    ("decision_date", "decision", "decision_no", "decision_body"),
    ("ceremony_date", "ceremony", None, None),
    ("official_date", "official", None, None),
]
EXITS = {"xoa-ten": "struck-off", "rut": "withdrawn"}


def iso(text: str) -> str:
    d, m, y = text.split("/")
    return f"{y}-{m}-{d}"


def expected_events(row: dict[str, str]) -> list[tuple]:
    """The events the step commands record for a row, in date order then pipeline order."""
    events = []
    for rank, (col, step, doc, issuer) in enumerate(STEP_COLUMNS):
        if not row[col]:
            continue
        detail = None
        if step == "sourced" and row["mentor"]:
            detail = {"mentor": row["mentor"]}
        if step == "cell-vote":
            detail = {"votes_for": int(row["votes_for"]), "official_members": 10}
        events.append(
            (iso(row[col]), rank, step, row[doc] if doc else None, row[issuer] or None
             if issuer else None, detail, None)
        )  # fmt: skip
    if row["exit"]:
        when = iso(row["exit_date"]) if row["exit_date"] else max(e[0] for e in events)
        events.append((when, 99, EXITS[row["exit"]], None, None, None, row["exit_reason"]))
    return [e[:1] + e[2:] for e in sorted(events, key=lambda e: (e[0], e[1]))]


@pytest.fixture
def loaded(cli, sql, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 3)  # two batches: ids must run on across them
    assert cli("unit", "add", "DL", "Chi bộ Dạ Lan", "--kind", "chi-bo-co-so").exit_code == 0
    path = tmp_path / "c.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    result = cli("candidate", "import", path)
    assert result.exit_code == 0, result.output
    return [dict(zip(HEADER.split(","), r.split(","), strict=True)) for r in ROWS]


def test_each_person_gets_the_events_the_step_commands_record(loaded, sql):
    people = sql("SELECT id, full_name FROM person ORDER BY id")
    assert [name for _id, name in people] == [r["full_name"] for r in loaded]
    stored = sql(
        "SELECT id, person_id, occurred_on, step, document_no, issuer, detail, note"
        " FROM pipeline_event ORDER BY id"
    )
    ids = [e[0] for e in stored]
    assert ids == list(range(ids[0], ids[0] + len(ids)))  # one run, no gap between batches
    for (pid, _name), row in zip(people, loaded, strict=True):
        mine = [
            (str(when), step, doc, issuer, json.loads(detail) if detail else None, note)
            for _id, person, when, step, doc, issuer, detail, note in stored
            if person == pid
        ]
        assert mine == expected_events(row), row["full_name"]


def test_admissions_and_the_roster_follow_the_decision_and_the_exit(loaded, sql):
    admitted = sql(
        "SELECT p.full_name, a.decision_no, a.decision_date, a.decision_body, a.ceremony_date,"
        " a.official_date, a.struck_off_date, m.status, m.admitted_on, m.official_on, m.left_on"
        " FROM admission a JOIN person p ON p.id = a.person_id"
        " JOIN member m ON m.person_id = a.person_id ORDER BY p.id"
    )
    rows = [tuple(str(v) if v is not None else None for v in r) for r in admitted]
    assert rows == [
        ("Trần Thị Hoa", "34-QĐ/ĐU", "2020-06-20", "Đảng ủy phường", "2020-07-01",
         "2021-07-01", None, "official", "2020-06-20", "2021-07-01", None),
        ("Phạm Văn Nam", "35-QĐ/ĐU", "2021-05-20", None, "2021-06-01",
         None, "2022-02-01", "probationary", "2021-05-20", None, "2022-02-01"),
    ]  # fmt: skip
    stages = dict(sql("SELECT full_name, stage FROM person"))
    assert stages == {
        "Trần Thị Hoa": "official",
        "Phạm Văn Nam": "struck-off",
        "Lò Văn Sáng": "withdrawn",
        "Đinh Thị Mai": "sourced",
    }


def test_a_clash_in_a_later_batch_writes_nothing(cli, sql, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 2)
    assert cli("unit", "add", "DL", "Chi bộ Dạ Lan", "--kind", "chi-bo-co-so").exit_code == 0
    path = tmp_path / "dup.csv"
    path.write_text(
        "full_name,birth_date,gender,unit_code,national_id,source_date\n"
        "Trần Thị Hoa,02/03/1995,nu,DL,038195001122,01/03/2020\n"
        "Phạm Văn Nam,11/11/1990,nam,DL,038090001133,05/01/2021\n"
        "Lò Văn Sáng,01/01/2000,nam,DL,038200001144,01/02/2022\n"
        "Lò Văn Sáng,01/01/2000,nam,DL,038200001144,01/02/2022\n",
        encoding="utf-8",
    )
    result = cli("candidate", "import", path, "--lang", "en")
    assert result.exit_code == 1
    assert "line 5" in result.stderr and "repeats line 4" in result.stderr
    assert sql("SELECT count(*) FROM person") == [(0,)]
    assert sql("SELECT count(*) FROM pipeline_event") == [(0,)]


def test_repeated_names_get_the_keys_of_their_own_name(cli, sql, tmp_path):
    """Name keys are remembered per name across rows: each row still gets its own name's."""
    from dangvien_cli.services.people import given_first_key
    from dangvien_cli.vntext import fold, name_sort_key

    assert cli("unit", "add", "DL", "Chi bộ Dạ Lan", "--kind", "chi-bo-co-so").exit_code == 0
    names = ["Nguyễn Thị Lan", "Nguyễn Thị Lân", "Nguyễn Thị Lan", "Lan Nguyễn", "Nguyễn Thị Lân"]
    path = tmp_path / "names.csv"
    path.write_text(
        "full_name,unit_code,source_date\n" + "".join(f"{n},DL,01/03/2020\n" for n in names),
        encoding="utf-8",
    )
    assert cli("candidate", "import", path).exit_code == 0
    stored = sql("SELECT full_name, name_key, given_key, sort_key FROM person ORDER BY id")
    assert [r[0] for r in stored] == names
    for name, name_key, given_key, sort_key in stored:
        assert (name_key, given_key, sort_key) == (
            fold(name),
            given_first_key(name),
            name_sort_key(name),
        )


@pytest.mark.parametrize("good", [True, False], ids=["imported", "refused"])
def test_automatic_garbage_collection_is_back_after_an_import(cli, tmp_path, good):
    """The import turns Python's automatic collection off while it loads; it must come back
    on whether the file was imported or refused (the CLI runs in this process here)."""
    import gc

    assert cli("unit", "add", "DL", "Chi bộ Dạ Lan", "--kind", "chi-bo-co-so").exit_code == 0
    path = tmp_path / "c.csv"
    unit = "DL" if good else "XX"
    path.write_text(f"full_name,unit_code\nTrần Thị Hoa,{unit}\n", encoding="utf-8")
    assert gc.isenabled()
    assert cli("candidate", "import", path).exit_code == (0 if good else 1)
    assert gc.isenabled()
