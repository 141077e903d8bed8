"""Rosters: member list/show/edit, the key-position share in ``unit show``, and how the
pipeline puts an admitted candidate on the roster."""

from __future__ import annotations

from datetime import date

import pytest

from dangvien_cli.vocab import Step
from helpers.world import (
    HOA,
    HUNG,
    MAI,
    PLAN_2025,
    TAM,
    add_candidate,
    build_world,
    ok,
    refused,
    walk,
)


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


def names(rows):
    return [r["full_name"] for r in rows]


def test_member_list_filters_and_order(cli, members):
    rows = cli.json("member", "list", "--unit", "DB")
    assert {"id", "full_name", "unit_code", "status", "key_position"} <= rows[0].keys()
    # Given name first: Hoa, Hùng, Mai, Sơn, Tâm.
    assert names(rows) == [HOA, HUNG, MAI, "Lê Văn Sơn", TAM]
    assert names(cli.json("member", "list", "--status", "probationary")) == [HOA]
    assert names(cli.json("member", "list", "--key-position")) == [HUNG, MAI]
    assert len(cli.json("member", "list", "--no-key-position")) == 3
    assert names(cli.json("member", "list", "--search", "HUNG")) == [HUNG]
    assert names(cli.json("member", "list", "-s", "d")) == [TAM]  # Đỗ Minh Tâm
    assert cli.json("member", "list", "--unit", "CS") == []


def test_member_show(cli, members):
    sheet = cli.json("member", "show", members[MAI])
    assert (sheet["full_name"], sheet["status"], sheet["key_position"]) == (MAI, "official", True)
    assert sheet["party_age_from"] == sheet["admitted_on"] == "2000-05-01"
    assert (sheet["official_on"], sheet["unit_code"]) == ("2001-05-01", "CB")
    table = ok(cli, "member", "show", members[MAI]).stdout
    assert "Phó bí thư" in table and "01/05/2000" in table
    assert "9999" in refused(cli, "member", "show", 9999)


def test_key_position_flag_and_the_unit_share(cli, members):
    unit = cli.json("unit", "show", "DB")
    assert (unit["members"], unit["official_members"], unit["probationary_members"]) == (5, 4, 1)
    assert (unit["key_position_members"], unit["key_position_percent"]) == (2, 40)
    assert [u["code"] for u in unit["sub_units"]] == ["CB"]
    ok(cli, "member", "edit", members[TAM], "--key-position", "--position", "Trưởng phòng")
    unit = cli.json("unit", "show", "DB")
    assert (unit["key_position_members"], unit["key_position_percent"]) == (3, 60)
    assert cli.json("member", "show", members[TAM])["position"] == "Trưởng phòng"
    ok(cli, "member", "edit", members[HUNG], "--no-key-position")
    assert cli.json("unit", "show", "DB")["key_position_members"] == 2
    assert cli("member", "edit", members[HUNG]).exit_code == 2


def test_candidates_in_progress_by_stage(cli, members):
    first = add_candidate("Vũ Văn Bình", date(1988, 4, 4), sourced=date(2025, 1, 4))
    add_candidate("Vũ Văn Cường", date(1989, 4, 4), sourced=date(2025, 1, 4))
    walk(first, PLAN_2025, Step.cell_vote, members)
    unit = cli.json("unit", "show", "DB")
    assert unit["candidates_in_progress"] == 2
    assert unit["candidates_by_stage"]["applied"] == 1
    assert unit["candidates_by_stage"]["sourced"] == 1
    table = ok(cli, "unit", "show", "DB").stdout
    assert "Quần chúng đang bồi dưỡng" in table and "đã nộp đơn" in table


def test_an_admitted_candidate_joins_the_roster_at_the_decision(cli, members):
    pid = add_candidate("Vũ Văn Bình", date(1988, 4, 4), sourced=date(2025, 1, 4))
    walk(pid, PLAN_2025, Step.decision, members)
    assert "Vũ Văn Bình" not in names(cli.json("member", "list"))
    ok(cli, "admission", "record", pid, "--decision", "12-QĐ/ĐU", "--date", "10/09/2025")
    [line] = [r for r in cli.json("member", "list", "--unit", "CB") if r["person_id"] == pid]
    assert (line["status"], line["admitted_on"]) == ("probationary", "2025-09-10")
    unit = cli.json("unit", "show", "DB")
    assert (unit["members"], unit["probationary_members"], unit["candidates_in_progress"]) == (
        6,
        2,
        0,
    )
    ok(cli, "admission", "ceremony", pid, "--date", "15/09/2025")
    ok(cli, "admission", "confirm", pid, "--decision", "3-QĐ/ĐU")
    line = cli.json("member", "show", line["id"])
    assert (line["status"], line["official_on"]) == ("official", "2026-09-15")
    assert cli.json("unit", "show", "DB")["official_members"] == 5
