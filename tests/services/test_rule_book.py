"""The rules file and its loader: a revision of the rules is a data edit, and a file that could
judge one act two ways is refused with the rule named."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

import pytest

from dangvien_cli.services import rule_book
from dangvien_cli.services.rule_book import RuleBookError, load
from dangvien_cli.services.rule_engine import CHECKS
from dangvien_cli.services.rules import check_cell_vote
from dangvien_cli.vocab import Step

pytestmark = pytest.mark.no_database

TEXT = rule_book.packaged_text()
# The last citation of R14 as the file writes it today; a 2026 revision closes it and adds one.
R14_NOW = (
    '{ from = 2025-07-01, confidence = "H", '
    'source = "Điều lệ Đảng Điều 4.3; 294-QĐ/TW (2025); 06-HD/TW (2025) điểm 3.6b" },'
)
R14_2026 = (
    '{ from = 2025-07-01, to = 2025-12-31, confidence = "H", '
    'source = "Điều lệ Đảng Điều 4.3; 294-QĐ/TW (2025); 06-HD/TW (2025) điểm 3.6b" },\n'
    '  { from = 2026-01-01, confidence = "H", value = "3/4", source = "Quy định 2026 (thử)" },'
)
LAST_DAY, FIRST_DAY = date(2025, 12, 31), date(2026, 1, 1)


def test_the_packaged_file_holds_every_rule_and_says_each_value_once() -> None:
    book = rule_book.PACKAGED
    assert {f"R{n}" for n in range(1, 31)} <= set(book.notes)
    assert TEXT.count('key = "cell_vote_fraction"') == 1
    assert book.in_force(date(2025, 9, 15))["cell_vote_fraction"].value == Fraction(2, 3)


def test_a_2026_revision_is_a_data_edit() -> None:
    assert TEXT.count(R14_NOW) == 1
    book = load(TEXT.replace(R14_NOW, R14_2026))
    before, after = book.in_force(LAST_DAY), book.in_force(FIRST_DAY)
    assert before["cell_vote_fraction"].value == Fraction(2, 3)
    assert after["cell_vote_fraction"].value == Fraction(3, 4)
    assert after["cell_vote_fraction"].source == "Quy định 2026 (thử)"
    assert after["min_age_months"] is before["min_age_months"]  # the other rules carry on
    # 7 of 10 official members: enough under 2/3, not under 3/4.
    assert check_cell_vote(7, 10, LAST_DAY, rules=before) == []
    [v] = check_cell_vote(7, 10, FIRST_DAY, rules=after)
    assert (v.rule, v.severity, v.source) == ("R14", "error", "Quy định 2026 (thử)")
    assert (
        "7/10" in v.text("vi") and "3/4" in v.text("vi") and "(at least 8 needed)" in v.text("en")
    )


def test_two_citations_in_force_on_one_day_are_refused_naming_the_rule() -> None:
    overlapping = R14_NOW.replace("2025-07-01", "2025-06-30")
    with pytest.raises(
        RuleBookError, match=r"rule R14, setting cell_vote_fraction: .* in force on 2025-06-30"
    ):
        load(TEXT.replace(R14_NOW, overlapping))


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('confidence = "M"', 'confidence = "X"', "confidence 'X'"),
        ('steps = ["decision"]', 'steps = ["decide"]', "unknown steps ['decide']"),
        ('covers = ["R2"]', 'covers = ["R99"]', "covers unknown rule R99"),
        ('value = "2/3"', 'value = "2/0"', "value '2/0' divides by zero"),
    ],
)
def test_values_outside_the_vocabulary_are_refused(old: str, new: str, says: str) -> None:
    with pytest.raises(RuleBookError, match=r"^rule R\d+.*" + re.escape(says)):
        load(TEXT.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('why_en = "18 years', 'why_english = "18 years', "rule R1: no `why_en`"),
        ('key = "min_age_months"', 'name = "min_age_months"', "rule R1, a setting: no `key`"),
        ('unit = "months"\nvalue = 216', "value = 216", "setting min_age_months: no `unit`"),
        ('code = "R1"', 'rule = "R1"', "a [[rule]]: no `code`"),
        ("from = 2025-07-01, confidence", 'from = "2025-07-01", confidence', "is not a date"),
    ],
)
def test_a_field_left_out_or_misspelt_is_named_with_its_rule(old: str, new: str, says: str) -> None:
    """Whoever edits the file gets one line saying where, never a KeyError."""
    assert old in TEXT
    with pytest.raises(RuleBookError, match=re.escape(says)):
        load(TEXT.replace(old, new, 1))


def test_checks_are_registered_by_the_step_they_judge() -> None:
    codes = {code for codes, _ in CHECKS[Step.cell_vote] for code in codes}
    assert {"R1", "R4", "R7", "R9", "R14", "ORDER"} <= codes
    assert any(fn.__name__ == "check_committee_vote" for _, fn in CHECKS[Step.committee_resolution])
