"""Registering candidates: national ID checks and duplicates, Vietnamese search and order,
and what happens when a required value is missing at a terminal or in a script."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
import unicodedata

import pytest

from helpers.templates import from_template
from helpers.world import build_world, ok, refused, snapshot


@pytest.fixture
def world(tmp_path):
    return build_world(tmp_path)


# R29: the national ID --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "why"),
    [
        ("038090012345", "Giới tính"),  # digit 4 = 0: a man born in the 1900s
        ("038191012345", "năm sinh"),  # digits 5–6 = 91, born 1990
        ("038390012345", "năm sinh"),  # digit 4 = 3: born in the 2000s
        ("03819001234", "11 chữ số"),
        ("03819001234A", "chỉ được gồm chữ số"),
    ],
)
def test_a_national_id_that_contradicts_the_person_is_refused(cli, world, number, why):
    err = refused(cli, *add_args("Hoàng Thị Hạnh", "--national-id", number))
    assert "R29 (" in err and why in err and "TT 07/2016/TT-BCA" in err


def add_args(name, *extra):
    return (
        "candidate",
        "add",
        name,
        "--unit",
        "CB",
        "--birth",
        "12/08/1990",
        "--gender",
        "nu",
        "--sourced",
        "01/03/2025",
        *extra,
    )


def test_a_national_id_is_stored_clean_and_never_twice(cli, world):
    first = int(ok(cli, *add_args("Hoàng Thị Hạnh", "--national-id", "038 190.012345")).stdout)
    shown = cli.json("candidate", "show", first, "--show-private")
    assert shown["national_id"] == "038190012345"
    assert cli.json("candidate", "show", first)["national_id"] == "•••••••••345"
    err = refused(cli, *add_args("Hoàng Thị Hạnh", "--national-id", "038190012345"))
    assert f"mã số {first}" in err


def test_a_national_id_on_the_roster_is_taken_too(cli, world, tmp_path):
    roster = tmp_path / "more.csv"
    roster.write_text(
        "full_name,birth_date,gender,national_id,status\n"
        "Lý Thị Thu,05/05/1985,nu,038185000111,chính thức\n",
        encoding="utf-8",
    )
    ok(cli, "member", "import", roster, "--unit", "DB")
    err = refused(
        cli, *add_args("Lý Thị Thu", "--birth", "05/05/1985", "--national-id", "038185000111")
    )
    assert "CCCD" in err


def test_an_old_9_digit_id_is_accepted_with_a_warning(cli, world):
    result = ok(cli, *add_args("Hoàng Thị Hạnh", "--national-id", "172345678"))
    assert "R29 (" in result.stderr and "CMND" in result.stderr


def test_the_same_name_and_birth_date_is_flagged(cli, world):
    first = ok(cli, *add_args("Hoàng Thị Hạnh")).stdout.strip()
    second = ok(cli, *add_args("HOÀNG THỊ HẠNH"))
    assert f"mã số {first}" in second.stderr and "trùng" in second.stderr


def test_bad_education_is_refused_with_the_choices(cli, world):
    err = refused(cli, *add_args("Hoàng Thị Hạnh", "--education", "lớp 7"))
    assert "thcs" in err and "tieu-hoc" in err
    pid = ok(cli, *add_args("Hoàng Thị Hạnh", "--education", "Trung học cơ sở")).stdout
    assert cli.json("candidate", "show", int(pid))["education"] == "thcs"


# Vietnamese search and order --------------------------------------------------------------

PEOPLE = [
    "Nguyễn Thị Hồng Liên",
    "Đỗ Minh Đức",
    "Lê Văn Ăn",
    "Dương Văn Dũng",
    "Trần Văn An",
    "Đỗ Thị Ân",
    "Lê Thị Ánh",
    "Nguyễn Văn Bình",
]


@pytest.fixture
def crowd(cli, world):
    def add_people(_folder):
        for i, name in enumerate(PEOPLE):
            ok(cli, *add_args(name, "--birth", f"{i + 1:02d}/01/1990"))

    from_template("crowd", add_people)


def search(cli, text):
    return [r["full_name"] for r in cli.json("candidate", "list", "--search", text)]


def test_listed_by_given_name_in_vietnamese_order(cli, crowd):
    assert [r["full_name"] for r in cli.json("candidate", "list")] == [
        "Trần Văn An",
        "Lê Thị Ánh",
        "Lê Văn Ăn",
        "Đỗ Thị Ân",
        "Nguyễn Văn Bình",
        "Dương Văn Dũng",
        "Đỗ Minh Đức",
        "Nguyễn Thị Hồng Liên",
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("nguyen thi hong lien", ["Nguyễn Thị Hồng Liên"]),
        ("NGUYỄN THỊ", ["Nguyễn Thị Hồng Liên"]),
        ("lien", ["Nguyễn Thị Hồng Liên"]),
        ("Liên Nguyễn", ["Nguyễn Thị Hồng Liên"]),
        (unicodedata.normalize("NFD", "Liên"), ["Nguyễn Thị Hồng Liên"]),
        ("d", ["Đỗ Thị Ân", "Dương Văn Dũng", "Đỗ Minh Đức"]),
        ("đ", ["Đỗ Thị Ân", "Dương Văn Dũng", "Đỗ Minh Đức"]),
        ("an", ["Trần Văn An", "Lê Thị Ánh", "Lê Văn Ăn", "Đỗ Thị Ân"]),
        ("nguyen", ["Nguyễn Văn Bình", "Nguyễn Thị Hồng Liên"]),
        ("xyz", []),
    ],
)
def test_search_with_or_without_diacritics(cli, crowd, text, found):
    assert search(cli, text) == found


@pytest.mark.sqlite_only
def test_search_uses_the_folded_key_indexes(world):
    from sqlalchemy import text as sql

    from dangvien_cli.services.people_lists import candidate_query
    from helpers.world import session

    with session() as s:
        query = candidate_query(s, search="lien")
        compiled = query.compile(s.bind, compile_kwargs={"literal_binds": True})
        plan = s.execute(sql(f"EXPLAIN QUERY PLAN {compiled}")).all()
    details = " ".join(str(row[-1]) for row in plan)
    assert "ix_person_name_key" in details and "ix_person_given_key" in details, details


# A required value at a terminal, and in a script --------------------------------------------


def test_in_a_script_a_missing_value_fails_at_once(cli, world):
    before = snapshot()
    result = cli("candidate", "add", "Hoàng Thị Hạnh", "--unit", "CB", "--birth", "12/08/1990")
    assert result.exit_code == 2 and "--gender" in result.stderr
    assert snapshot() == before


def read_until(fd, marker, limit=30.0):
    """Read a pseudo-terminal until `marker` shows; the limit only guards against a hang."""
    seen = b""
    end = time.monotonic() + limit
    while marker not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_at_a_terminal_a_missing_value_is_asked_for_with_its_choices(world, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(COLUMNS="120", TERM="dumb")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dangvien_cli",
            "candidate",
            "add",
            "Hoàng Thị Hạnh",
            "--unit",
            "CB",
            "--birth",
            "12/08/1990",
            "--sourced",
            "01/03/2025",
        ],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        close_fds=True,
    )
    os.close(follower)
    try:
        prompt = read_until(leader, "Nữ: ".encode())
        # the words a clerk reads in the tables, once (not again as codes in brackets)
        assert prompt.decode().strip().endswith("Giới tính: Nam, Nữ:"), prompt
        os.write(leader, b"nu\n")
        rest = read_until(leader, b"\n", limit=30.0)
        rest += read_until(leader, b"\r\n", limit=30.0)
        assert proc.wait(timeout=60) == 0, prompt + rest
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    from dangvien_cli.models import Person
    from helpers.world import session

    with session() as s:
        person = s.query(Person).filter(Person.full_name == "Hoàng Thị Hạnh").one()
        assert person.gender == "nu"


def test_a_source_date_still_to_come_is_refused_by_its_own_option(cli, world):
    """`candidate add --sourced 01/01/2030` was refused as "--date: … chưa đến", an option
    the command does not have."""
    err = refused(
        cli,
        "candidate add 'Lò Văn Sớm' --unit CB --birth 01/01/1990 --gender nam --sourced 01/01/2030",
    )
    assert "--sourced" in err and "01/01/2030" in err and "--date" not in err
