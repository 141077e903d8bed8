"""The source's story end to end, and the refusals issue #2 names."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from dangvien_cli.db import resolve_url


def quota_rows(cli, period):
    return cli.json("report", "quota", "--period", period, "--as-of", "2021-12-31")


def test_2021_city_is_128_percent_of_the_province_quota(cli, demo_db):
    rows = quota_rows(cli, "2021")
    city = [r for r in rows if r["unit_code"] == "TP" and r["source"] == "tinh"]
    assert len(city) == 1
    assert city[0]["target"] == 200
    assert city[0]["admitted"] == 256
    assert city[0]["percent"] == 128
    assert city[0]["status"] == "vuot"
    children = [r for r in rows if r["parent_code"] == "TP"]
    assert len({r["unit_code"] for r in children}) == 110
    assert sum(r["admitted"] for r in children) == 256


@pytest.mark.parametrize(("period", "target"), [("2022", 250), ("2020-2025", 1200)])
def test_city_targets_for_2022_and_the_term(cli, demo_db, period, target):
    rows = quota_rows(cli, period)
    city = [r for r in rows if r["unit_code"] == "TP"]
    assert [r["target"] for r in city] == [target]


def test_units_blocks_and_dalan_as_in_the_source(cli, demo_db):
    # The article's city as it stood on the article's day (the demo goes on to 1/7/2025).
    units = cli.json("unit", "list", "--as-of", "06/01/2022")
    direct = [u for u in units if u["parent"] == "TP"]
    assert len(direct) == 110
    blocks = [u["block"] for u in direct]
    assert blocks.count("xa-phuong") == 34
    # 76 in the enterprise and administrative/public-service blocks, no other category.
    assert blocks.count("doanh-nghiep") + blocks.count("hanh-chinh-su-nghiep") == 76
    assert set(blocks) == {"xa-phuong", "doanh-nghiep", "hanh-chinh-su-nghiep"}
    dalan = cli.json("unit", "show", "dalan", "--as-of", "06/01/2022")
    assert dalan["members"] == 52
    assert dalan["key_position_members"] == 38
    assert dalan["key_position_percent"] == 73
    assert len(dalan["sub_units"]) == 5


def test_json_rows_carry_the_documented_keys(cli, demo_db):
    unit = cli.json("unit", "list")[0]
    assert {"code", "name", "kind", "parent", "block"} <= unit.keys()
    member = cli.json("member", "list", "--unit", "DALAN")[0]
    assert {"id", "full_name", "unit_code", "status", "key_position"} <= member.keys()
    assert member["status"] in ("official", "probationary")
    row = quota_rows(cli, "2021")[0]
    assert {
        "unit_code",
        "unit_name",
        "period",
        "source",
        "target",
        "admitted",
        "percent",
        "remaining",
    } <= row.keys()


def count_units(db) -> int:
    engine = create_engine(resolve_url(str(db)))
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM unit")).scalar_one()
    engine.dispose()
    return count


def test_unit_with_missing_parent_is_refused_and_nothing_written(cli, demo_db):
    before = count_units(demo_db)
    result = cli("unit", "add", "NEW", "Chi bộ mới", "--kind", "chi-bo-co-so", "--parent", "NOPE")
    assert result.exit_code == 1
    assert "NOPE" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count_units(demo_db) == before


def test_impossible_date_is_refused(cli, demo_db):
    before = count_units(demo_db)
    result = cli(
        "unit",
        "add",
        "NEW",
        "Chi bộ mới",
        "--kind",
        "chi-bo-co-so",
        "--parent",
        "TP",
        "--founded",
        "31/02/2000",
    )
    assert result.exit_code == 2  # a date that cannot exist is a usage error
    assert "31/02/2000" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert count_units(demo_db) == before


def test_unknown_unit_is_refused_in_both_languages(cli, demo_db):
    vi = cli("unit", "show", "KHONGCO")
    assert vi.exit_code == 1 and "Không có đơn vị" in vi.stderr
    en = cli("unit", "show", "KHONGCO", "--lang", "en")
    assert en.exit_code == 1 and "No unit with code" in en.stderr
    assert "Traceback" not in vi.output + en.output


def test_usage_error_exits_2(cli):
    assert cli("unit", "add").exit_code == 2
    assert cli("report", "quota").exit_code == 2


def test_global_options_work_before_and_after_the_command(cli, demo_db, monkeypatch):
    monkeypatch.delenv("DANGVIEN_DB")
    before = cli("--db", demo_db, "--format", "json", "unit", "list")
    after = cli("unit", "list", "--db", demo_db, "--format", "json")
    assert before.exit_code == after.exit_code == 0
    assert before.stdout == after.stdout


def test_fail_under_exits_3(cli, demo_db):
    result = cli(
        "report", "quota", "--period", "2022", "--as-of", "2022-12-31", "--fail-under", "50"
    )
    assert result.exit_code == 3
