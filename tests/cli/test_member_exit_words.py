"""Why a member left, in the clerk's words: `member exit --reason` and a roster file's
"Lý do ra khỏi danh sách" take "từ trần" as they take "death", and the sheet says it back."""

from __future__ import annotations

import pytest

from helpers.world import MAI, build_world, ok


@pytest.fixture
def members(tmp_path):
    return build_world(tmp_path)


@pytest.mark.parametrize("typed", ["từ trần", "TU TRAN", "death"])
def test_exit_takes_the_reason_in_words_or_code(cli, members, typed):
    ok(cli, "member", "exit", members[MAI], "--reason", typed, "--on", "01/10/2025")
    sheet = cli.json("member", "show", members[MAI])
    assert (sheet["exit_reason"], sheet["left_on"]) == ("death", "2025-10-01")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sheet_names_the_reason_in_the_clerk_s_language(cli, members, lang):
    ok(cli, "member", "exit", members[MAI], "--reason", "khai trừ", "--on", "01/10/2025")
    table = ok(cli, "--lang", lang, "member", "show", members[MAI]).stdout
    assert ("khai trừ" if lang == "vi" else "expelled") in table


def test_an_unknown_reason_is_a_usage_error_listing_the_words(cli, members):
    bad = cli("member", "exit", str(members[MAI]), "--reason", "nghỉ hưu", "--on", "01/10/2025")
    assert bad.exit_code == 2
    assert "nghỉ hưu" in bad.stderr and "death" in bad.stderr
    assert cli.json("member", "show", members[MAI])["left_on"] is None


def test_a_roster_file_gives_the_reason_in_words(cli, members, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "full_name,birth_date,gender,unit_code,status,admitted_on,official_on,"
        "Ngày ra khỏi danh sách,Lý do ra khỏi danh sách\n"
        "Trần Văn Lộc,02/03/1950,nam,CB,chính thức,01/05/1980,01/05/1981,03/04/2024,Từ trần\n",
        encoding="utf-8",
    )
    ok(cli, "member", "import", roster, "--unit", "DB")
    (loc,) = [m for m in cli.json("member", "list", "--as-of", "01/01/2024")
              if m["full_name"] == "Trần Văn Lộc"]  # fmt: skip
    sheet = cli.json("member", "show", loc["id"])
    assert (sheet["exit_reason"], sheet["left_on"]) == ("death", "2024-04-03")


def test_a_roster_line_cannot_leave_in_the_future(cli, members, tmp_path):
    """As `member exit --on` refuses a day still to come, so does a roster file's."""
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "full_name,birth_date,gender,unit_code,status,admitted_on,official_on,"
        "Ngày ra khỏi danh sách,Lý do ra khỏi danh sách\n"
        "Trần Văn Lộc,02/03/1950,nam,CB,chính thức,01/05/1980,01/05/1981,03/04/2099,Từ trần\n",
        encoding="utf-8",
    )
    result = cli("member", "import", str(roster), "--unit", "DB")
    assert result.exit_code == 1
    assert "03/04/2099" in result.stderr.splitlines()[-1]
    assert not [m for m in cli.json("member", "list") if m["full_name"] == "Trần Văn Lộc"]


def test_a_wrong_reason_is_answered_with_the_words_it_could_have_typed(cli, members):
    bad = cli("member", "exit", str(members[MAI]), "--reason", "nghỉ hưu", "--on", "01/10/2025")
    assert bad.exit_code == 2
    assert "từ trần (death)" in " ".join(bad.stderr.replace("│", " ").split())
