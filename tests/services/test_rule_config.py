"""DOMAIN.md: "An M, L or UNCONFIRMED value gives a warning, not a refusal, and can be changed
in configuration." A value the Party's texts set beyond doubt (H) cannot: a file on a clerk's
machine must not waive what no body below the Centre may waive."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dangvien_cli.i18n import set_lang
from dangvien_cli.services.rule_book import PACKAGED
from dangvien_cli.services.rule_config import RuleConfigError, configured
from dangvien_cli.services.rules import IntroducerInfo, check_certificate, check_introducers

pytestmark = pytest.mark.no_database

OFFICIAL = IntroducerInfo(is_official=True, months_together=24)
BIRTH, MEETING = date(1993, 1, 10), date(2026, 3, 2)  # 33 at the meeting


def book_with(tmp_path: Path, text: str):
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return configured(PACKAGED, path)


def youth_warnings(book, on: date = MEETING) -> list:
    found = check_introducers("youth-union", [OFFICIAL], BIRTH, on, rules=book.in_force(on))
    return [v for v in found if v.key == "rules.youth_too_old"]


def test_an_unconfirmed_value_is_changed_and_its_warnings_cite_the_configuration(tmp_path):
    assert youth_warnings(PACKAGED)  # R10's youth bound, 30 by default (U): 33 warns
    book = book_with(
        tmp_path,
        '[[override]]\nkey = "youth_max_age_years"\nvalue = 35\n'
        'reason = "Hướng dẫn 12-HD/TU (2026)"\n',
    )
    assert youth_warnings(book) == []
    [warning] = youth_warnings(book_with(tmp_path, TEXT_32))
    assert warning.severity == "warning"  # still only a warning
    assert warning.source == "Hướng dẫn 13-HD/TU (2026)"
    assert "Hướng dẫn 13-HD/TU (2026)" in warning.line()  # what the clerk reads


TEXT_32 = (
    '[[override]]\nkey = "youth_max_age_years"\nvalue = 32\nreason = "Hướng dẫn 13-HD/TU (2026)"\n'
)


def test_an_override_from_a_day_leaves_earlier_acts_to_the_party_s_text(tmp_path):
    book = book_with(
        tmp_path,
        '[[override]]\nkey = "certificate_validity_months"\nvalue = 72\n'
        'reason = "Thử"\nfrom = 2026-01-01\n',
    )
    class_day = date(2019, 6, 1)  # 80 months before the meeting: over 72 as well as 60
    assert check_certificate(class_day, date(2025, 12, 20), rules=book.in_force(date(2025, 12, 20)))
    early = date(2020, 6, 1)  # 66 months before: over 60, under 72
    on = date(2025, 12, 31)
    assert check_certificate(early, on, rules=book.in_force(on))  # before `from`: 60 months
    on = date(2026, 1, 2)
    assert check_certificate(early, on, rules=book.in_force(on)) == []
    assert book.in_force(date(2026, 1, 1))["certificate_validity_months"].source == "Thử"


def test_only_the_unconfirmed_rows_of_a_setting_change(tmp_path):
    """R3's approver was one secondary page's (M) before 2021, a Party text's (H) since."""
    book = book_with(
        tmp_path, '[[override]]\nkey = "over_age_consent"\nvalue = "ban-to-chuc"\nreason = "Thử"\n'
    )
    assert book.in_force(date(2018, 1, 1))["over_age_consent"].value == "ban-to-chuc"
    packaged = PACKAGED.in_force(date(2025, 9, 1))["over_age_consent"]
    assert book.in_force(date(2025, 9, 1))["over_age_consent"] == packaged


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("min_age_months", "200", "R1"),  # the Charter's 18 years
        ("cell_vote_fraction", '"1/2"', "R14"),
        ("decision_deadline_wd", "90", "R17"),
        ("probation_months", "6", "R19"),
    ],
)
def test_a_value_the_party_s_texts_set_beyond_doubt_cannot_be_configured(
    tmp_path, key, value, rule
):
    with pytest.raises(RuleConfigError) as refused:
        book_with(tmp_path, f'[[override]]\nkey = "{key}"\nvalue = {value}\nreason = "x"\n')
    set_lang("en")
    said = refused.value.message()
    assert f"'{key}' ({rule})" in said and "confidence H" in said


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('key = "youth_max_age"\nvalue = 35\nreason = "x"', "there is no setting 'youth_max_age'"),
        ('key = "youth_max_age_years"\nvalue = 35', "needs a `reason`"),
        ('key = "youth_max_age_years"\nvalue = "35"\nreason = "x"', "'35' cannot be a value"),
        ('key = "youth_max_age_years"\nvalue = -1\nreason = "x"', "-1 cannot be a value"),
        ('key = "youth_max_age_years"\nvalue = true\nreason = "x"', "True cannot be a value"),
        ('key = "certificate_required"\nvalue = 1\nreason = "x"', "takes one like true/false"),
        (
            'key = "area_min_education"\nvalue = "lop-5"\nreason = "x"',
            "like biet-doc-viet, tieu-hoc",
        ),
        (
            'key = "youth_max_age_years"\nvalue = 35\nreason = "x"\nfrom = "2026-01-01"',
            "must be a bare date",
        ),
    ],
)
def test_a_mistaken_entry_is_refused_in_one_line(tmp_path, text, says):
    with pytest.raises(RuleConfigError) as refused:
        book_with(tmp_path, "[[override]]\n" + text + "\n")
    set_lang("en")
    assert says in refused.value.message()
    assert "\n" not in refused.value.message()


def test_the_same_setting_twice_and_a_broken_file_are_refused(tmp_path):
    entry = '[[override]]\nkey = "youth_max_age_years"\nvalue = 35\nreason = "x"\n'
    set_lang("en")
    with pytest.raises(RuleConfigError) as twice:
        book_with(tmp_path, entry + entry)
    assert "changed twice" in twice.value.message()
    with pytest.raises(RuleConfigError) as broken:
        book_with(tmp_path, "[[override]\n")
    assert "Cannot read the rules configuration" in broken.value.message()


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("[[override]\n", "sai cú pháp TOML ở dòng 1, cột 11", "TOML syntax error at line 1"),
        (None, "không có tệp này", "there is no such file"),
    ],
)
def test_an_unreadable_file_is_said_in_the_clerk_s_language(tmp_path, text, vi, en):
    """tomllib and the OS word their errors in English; the clerk is told where and what."""
    path = tmp_path / "rules.toml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleConfigError) as refused:
        configured(PACKAGED, path)
    set_lang("vi")
    assert vi in refused.value.message() and "Expected" not in refused.value.message()
    set_lang("en")
    assert en in refused.value.message()
