"""dangvien unit edit: changes what is given, refuses cycles, records the change."""

from __future__ import annotations


def test_edit_renames_and_moves_a_unit(cli, demo_db, sql):
    result = cli(
        "unit", "edit", "DALAN.CB5", "--name", "Chi bộ Kho vận và Bán hàng", "--parent", "DALAN.CB1"
    )
    assert result.exit_code == 0, result.output
    unit = [u for u in cli.json("unit", "list", "--unit", "DALAN") if u["code"] == "DALAN.CB5"][0]
    assert unit["name"] == "Chi bộ Kho vận và Bán hàng"
    assert unit["parent"] == "DALAN.CB1"
    ((action, before),) = sql(
        "SELECT action, before FROM audit_log WHERE entity='unit' ORDER BY id DESC LIMIT 1"
    )
    assert action == "edit" and "Kho vận" in before


def test_edit_refuses_a_cycle_and_writes_nothing(cli, demo_db):
    before = cli.json("unit", "list")
    result = cli("unit", "edit", "DALAN", "--parent", "DALAN.CB2")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert cli.json("unit", "list") == before


def test_edit_unknown_unit_and_bad_date(cli, demo_db):
    assert cli("unit", "edit", "NOPE", "--name", "X").exit_code == 1
    bad = cli("unit", "edit", "DALAN", "--dissolved", "30/02/2024")
    assert bad.exit_code == 2 and "30/02/2024" in bad.stderr


def test_a_refusal_counts_one_thing_in_the_singular(cli, tmp_path):
    """English said "still has 1 sub-units"."""
    assert cli("unit", "add", "TREN", "Đảng bộ trên", "--kind", "dang-bo-co-so").exit_code == 0
    add = ("unit", "add", "DUOI", "Chi bộ dưới", "--kind", "chi-bo-truc-thuoc", "--parent", "TREN")
    assert cli(*add).exit_code == 0
    refused = cli("unit", "edit", "TREN", "--dissolved", "01/01/2026", "--lang", "en")
    assert refused.exit_code == 1
    assert "still has 1 sub-unit after 01/01/2026" in refused.stderr
    refused = cli("unit", "edit", "TREN", "--dissolved", "01/01/2026")
    assert "còn 1 đơn vị trực thuộc" in refused.stderr
