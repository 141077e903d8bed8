"""Awareness classes: the source's Dạ Lan class of 11/2021 (5 attendees, all passed), results
from a file, and the refusals that write nothing."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.world import add_candidate, build_world, member_ids, ok, refused, show

NAMES = ["Nguyễn Đình An", "Đỗ Công Mạnh", "Nguyễn Đức Giang", "Nguyễn Thu Mai", "Tống Thùy Huyền"]
ORGANIZER = "Trung tâm Chính trị thành phố Thanh Hóa"


@pytest.fixture
def people(tmp_path):
    build_world(tmp_path)
    return [
        add_candidate(name, date(1990, 1, i + 1), sourced=date(2021, 3, 15))
        for i, name in enumerate(NAMES)
    ]


def add_class(cli, code="DL-2021-11"):
    return ok(
        cli,
        f"class add {code} 'Lớp bồi dưỡng nhận thức về Đảng khóa 11/2021' --start 22/11/2021 "
        f"--end 26/11/2021 --organizer '{ORGANIZER}' --unit DB",
    )


def test_five_candidates_attend_in_november_2021_and_all_pass(cli, people):
    add_class(cli)
    ok(cli, "class", "enroll", "dl-2021-11", *people)
    passed = " ".join(f"--passed {pid}" for pid in people)
    result = ok(
        cli,
        f"class results DL-2021-11 --date 26/11/2021 {passed} "
        "--certificate-prefix {n}/CN-TTCT --first-number 41",
    )
    assert "5 đạt, 0 không đạt" in result.stderr
    detail = cli.json("class", "show", "DL-2021-11")
    assert (detail["attendee_count"], detail["passed"], detail["failed"]) == (5, 5, 0)
    by_id = {a["person_id"]: a for a in detail["attendees"]}
    assert [by_id[pid]["certificate_no"] for pid in people] == [
        f"{n}/CN-TTCT" for n in range(41, 46)
    ]
    for pid, n in zip(people, range(41, 46), strict=True):
        d = show(cli, pid)
        assert d["stage"] == "trained" and d["next_step"] == "application"
        event = d["timeline"][-1]
        assert (event["step"], event["date"], event["document_no"], event["issuer"]) == (
            "class",
            "2021-11-26",
            f"{n}/CN-TTCT",
            ORGANIZER,
        )
        assert d["classes"][0]["result"] == "passed"
    [row] = cli.json("class", "list")
    assert (row["code"], row["attendees"], row["passed"], row["unit_code"]) == (
        "DL-2021-11",
        5,
        5,
        "DB",
    )
    table = ok(cli, "class", "show", "DL-2021-11").stdout
    assert "41/CN-TTCT" in table and "đạt" in table and "26/11/2021" in table


def test_results_from_a_file_with_vietnamese_headers(cli, people, tmp_path):
    add_class(cli)
    ok(cli, "class", "enroll", "DL-2021-11", *people[:3])
    path = tmp_path / "ket_qua.csv"
    path.write_text(
        "Mã số;Kết quả;Số giấy chứng nhận\n"
        f"{people[0]};Giỏi;101/CN-TTCT\n"
        f"{people[1]};Không đạt;\n"
        f"{people[2]};Đạt;103/CN-TTCT\n",
        encoding="utf-8",
    )
    ok(cli, "class", "results", "DL-2021-11", "--file", path, "--date", "26/11/2021")
    assert show(cli, people[0])["timeline"][-1]["document_no"] == "101/CN-TTCT"
    failed = show(cli, people[1])
    assert failed["stage"] == "sourced"  # a failed class is not a step forward
    assert failed["classes"][0]["result"] == "failed"
    assert "không đạt" in ok(cli, "candidate", "show", people[1]).stdout


def test_a_bad_results_file_lists_every_bad_row_and_writes_nothing(cli, people, tmp_path):
    add_class(cli)
    ok(cli, "class", "enroll", "DL-2021-11", *people[:2])
    path = tmp_path / "bad.csv"
    path.write_text(
        f"person_id,result\n{people[0]},đạt\nabc,đạt\n{people[1]},vắng\n", encoding="utf-8"
    )
    result = cli("class", "results", "DL-2021-11", "--file", path, "--date", "26/11/2021")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    *rows, last = result.stderr.strip().splitlines()  # the bad rows, as an import lists them
    assert "có 2 dòng lỗi" in last and "abc" in last
    assert [r.split("\t")[:2] for r in rows[1:]] == [["3", "person_id"], ["4", "result"]]
    assert "mã số" in rows[1]  # the field in the clerk's words, not person_id
    assert all(a["result"] is None for a in cli.json("class", "show", "DL-2021-11")["attendees"])


def test_a_results_file_names_every_attendee_it_cannot_record(cli, people, tmp_path):
    """What only the class knows (an id given twice, someone not enrolled, a certificate
    dated before the class or still to come) was refused one at a time, without a line;
    the file's bad rows are listed together, by line and column, and nothing is written.
    A failed attendee holds no certificate: no date is asked of that row."""
    add_class(cli)
    ok(cli, "class", "enroll", "DL-2021-11", *people[:3])
    path = tmp_path / "ket_qua.csv"
    path.write_text(
        "Mã số,Kết quả,Số giấy chứng nhận,Ngày cấp\n"
        f"{people[0]},Đạt,1/CN,26/11/2021\n"
        f"{people[0]},Đạt,2/CN,26/11/2021\n"
        f"{people[4]},Đạt,3/CN,26/11/2021\n"
        f"{people[1]},Đạt,4/CN,01/01/2021\n"
        f"{people[2]},Không đạt,,\n",
        encoding="utf-8",
    )
    result = cli("--format", "json", "class", "results", "DL-2021-11", "--file", path)
    assert result.exit_code == 1, result.output
    import json

    errors = json.loads(result.stdout)["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [
        (3, "Mã số"),
        (4, "Mã số"),
        (5, "Ngày cấp"),
    ]
    assert errors[2]["value"] == "01/01/2021"
    assert all(a["result"] is None for a in cli.json("class", "show", "DL-2021-11")["attendees"])
    path.write_text(
        f"Mã số,Kết quả,Ngày cấp\n{people[0]},Đạt,26/11/2021\n{people[2]},Không đạt,\n",
        encoding="utf-8",
    )
    ok(cli, "class", "results", "DL-2021-11", "--file", path)
    assert show(cli, people[2])["classes"][0]["result"] == "failed"


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("--passed", "{0}", "--passed", "{4}"), "chưa ghi danh"),  # {4} not enrolled
        (("--passed", "{0}", "--passed", "{0}"), "hai lần"),
        (("--passed", "{0}", "--date", "20/11/2021"), "khai giảng"),
    ],
)
def test_one_bad_attendee_and_nothing_is_written(cli, people, args, key):
    add_class(cli)
    ok(cli, "class", "enroll", "DL-2021-11", *people[:4])
    args = tuple(a.format(*people) for a in args)
    if "--date" not in args:
        args += ("--date", "26/11/2021")
    err = refused(cli, "class", "results", "DL-2021-11", *args)
    assert key in err


def test_a_rule_refusal_names_the_attendee(cli, people):
    ok(cli, f"class add OLD 'Lớp cũ' --start 01/02/2021 --end 05/02/2021 --organizer '{ORGANIZER}'")
    ok(cli, "class", "enroll", "OLD", people[0], people[1])
    # Both were put on the source list on 15/03/2021: a certificate of 05/02/2021 predates it.
    err = refused(
        cli,
        "class",
        "results",
        "OLD",
        "--date",
        "05/02/2021",
        "--passed",
        people[0],
        "--passed",
        people[1],
    )
    assert f"Mã số {people[0]}" in err and "ORDER" in err
    err = refused(
        cli,
        "class",
        "results",
        "OLD",
        "--date",
        "05/02/2021",
        "--passed",
        people[0],
        "--lang",
        "en",
    )
    assert f"Person {people[0]}" in err


def test_results_twice_are_refused(cli, people):
    add_class(cli)
    ok(cli, "class", "enroll", "DL-2021-11", people[0])
    ok(cli, "class", "results", "DL-2021-11", "--date", "26/11/2021", "--passed", people[0])
    err = refused(
        cli, "class", "results", "DL-2021-11", "--date", "26/11/2021", "--failed", people[0]
    )
    assert "đã có kết quả" in err


def test_who_may_be_enrolled(cli, people):
    add_class(cli)
    refused(cli, "class", "enroll", "DL-2021-11", 9999)
    member = member_ids()["Nguyễn Văn Hùng"]
    person = [m for m in cli.json("member", "list") if m["id"] == member][0]["person_id"]
    assert "không phải quần chúng" in refused(cli, "class", "enroll", "DL-2021-11", person)
    ok(cli, "class", "enroll", "DL-2021-11", people[0])
    assert "đã ghi danh" in refused(cli, "class", "enroll", "DL-2021-11", people[0], people[1])
    assert "KHONGCO" in refused(cli, "class", "enroll", "KHONGCO", people[1])


def test_class_codes_and_dates(cli, people):
    add_class(cli)
    assert "dl-2021-11" in refused(
        cli, "class add dl-2021-11 Trùng --start 01/12/2021 --end 02/12/2021 --organizer X"
    )
    refused(cli, "class add NEW Lớp --start 05/12/2021 --end 01/12/2021 --organizer X")
    missing = cli("class", "add", "NEW", "Lớp", "--start", "01/12/2021", "--end", "05/12/2021")
    assert missing.exit_code == 2 and "--organizer" in missing.stderr
    no_date = cli("class", "results", "DL-2021-11", "--passed", people[0])
    assert no_date.exit_code == 2 and "--date" in no_date.stderr
