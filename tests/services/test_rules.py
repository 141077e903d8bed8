"""The rules table and the checks, at the boundary of every well-sourced (H) rule.

Acts are dated in the 24-QĐ/TW period (late 2021) and the 294-QĐ/TW period (September 2025);
expected deadline days are counted by hand from the calendar (no public holiday falls in those
spans unless the test says so).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dangvien_cli.services.rules import (
    CCCD_PROVINCES,
    ORDERED_STEPS,
    RULES,
    Gender,
    IntroducerInfo,
    RuleNotOnFile,
    Violation,
    check_age,
    check_cccd,
    check_cell_vote,
    check_ceremony_deadline,
    check_certificate,
    check_committee_vote,
    check_decision_deadline,
    check_education,
    check_introducers,
    check_official,
    check_order,
    official_review_deadline,
    probation_end,
    rules_in_force,
)

pytestmark = pytest.mark.no_database

QD24 = "24-QĐ/TW (2021)"
QD294 = "294-QĐ/TW (2025)"
ACT_2021 = date(2021, 11, 15)  # a Monday
ACT_2025 = date(2025, 9, 15)  # a Monday
BOTH = pytest.mark.parametrize(("act", "doc"), [(ACT_2021, QD24), (ACT_2025, QD294)])
VI_LETTERS = re.compile("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]")


def only(violations: list[Violation]) -> Violation:
    assert len(violations) == 1, violations
    return violations[0]


def assert_fails(violations: list[Violation], rule: str, severity: str, doc: str) -> Violation:
    v = only(violations)
    assert (v.rule, v.severity) == (rule, severity), v
    assert doc in v.source, v.source
    assert VI_LETTERS.search(v.text("vi")), v.text("vi")
    assert v.text("en").isascii(), v.text("en")
    return v


# The table -------------------------------------------------------------------------------------


def test_versions_of_one_rule_never_overlap() -> None:
    by_key: dict[str, list] = {}
    for rule in RULES:
        by_key.setdefault(rule.key, []).append(rule)
    for key, versions in by_key.items():
        versions.sort(key=lambda r: r.effective_from)
        assert len({r.code for r in versions}) == 1, key
        for earlier, later in zip(versions, versions[1:], strict=False):
            assert earlier.effective_to is not None, key
            assert earlier.effective_to < later.effective_from, key
        for r in versions:
            assert r.confidence in {"H", "M", "L", "U"}
            assert r.effective_to is None or r.effective_from <= r.effective_to
            assert r.source and r.title_vi and r.title_en


@pytest.mark.parametrize(
    ("on", "doc"),
    [
        (date(2021, 7, 29), "29-QĐ/TW (2016)"),
        (date(2021, 7, 30), QD24),
        (date(2025, 1, 19), QD24),
        (date(2025, 2, 3), "232-QĐ/TW (2025)"),
        (date(2025, 6, 30), "232-QĐ/TW (2025)"),
        (date(2025, 7, 1), QD294),
    ],
)
def test_the_regulation_in_force_is_picked_by_the_act_date(on: date, doc: str) -> None:
    rule = rules_in_force(on)["min_age_months"]
    assert (rule.code, rule.value) == ("R1", 216)
    assert doc in rule.source


@pytest.mark.parametrize("on", [ACT_2021, ACT_2025])
def test_values_in_force(on: date) -> None:
    values = {key: rule.value for key, rule in rules_in_force(on).items()}
    assert values["min_age_months"] == 216
    assert values["max_age_months"] == 720
    assert values["min_education"] == "thcs"
    assert values["certificate_validity_months"] == 60
    assert values["introducers_members"] == 2
    assert values["introducer_months_together"] == 12
    assert values["decision_deadline_wd"] == 60
    assert values["decision_special_extra_wd"] == 30
    assert values["ceremony_deadline_wd"] == 30
    assert values["probation_months"] == 12
    assert values["official_review_deadline_wd"] == 30
    assert values["youth_max_age_years"] == 30
    assert rules_in_force(on)["youth_max_age_years"].confidence == "U"


def test_no_rules_before_2016() -> None:
    assert "min_age_months" not in rules_in_force(date(2015, 7, 26))


# R1/R2 age -------------------------------------------------------------------------------------


@BOTH
def test_age_exactly_18(act: date, doc: str) -> None:
    assert check_age(date(act.year - 18, act.month, act.day), act) == []


@BOTH
def test_age_one_day_short_of_18_is_the_unconfirmed_rounding_case(act: date, doc: str) -> None:
    birth = date(act.year - 18, act.month, act.day + 1)
    v = assert_fails(check_age(birth, act), "R1", "warning", doc)
    assert "215 tháng" in v.text("vi")


@pytest.mark.parametrize(
    ("birth", "meeting", "doc"),
    [
        (date(2003, 12, 15), ACT_2021, QD24),  # 17 years 11 months
        (date(2003, 11, 16), date(2021, 10, 31), QD24),  # birthday next month
        (date(2007, 10, 15), ACT_2025, QD294),
    ],
)
def test_age_under_18_is_refused(birth: date, meeting: date, doc: str) -> None:
    v = assert_fails(check_age(birth, meeting), "R1", "error", doc)
    assert "216 tháng" in v.text("vi") and "215 tháng" in v.text("vi")


@pytest.mark.parametrize(
    ("birth", "ok", "short", "over", "doc"),
    [
        (date(1961, 11, 15), ACT_2021, date(2021, 12, 14), date(2021, 12, 15), QD24),
        (date(1965, 9, 15), ACT_2025, date(2025, 10, 14), date(2025, 10, 15), QD294),
    ],
)
def test_age_60(birth: date, ok: date, short: date, over: date, doc: str) -> None:
    assert check_age(birth, ok) == []
    assert_fails(check_age(birth, short), "R2", "warning", doc)
    v = assert_fails(check_age(birth, over), "R2", "error", doc)
    assert "721 tháng" in v.text("vi") and "Ban Thường vụ Tỉnh ủy" in v.text("vi")


def test_age_before_2016_is_not_checked_but_said_so() -> None:
    v = only(check_age(date(1990, 1, 1), date(2010, 1, 1)))
    assert (v.rule, v.severity) == ("R1", "warning")
    assert "Chưa có dữ liệu" in v.text("vi")


# R4–R6 education -------------------------------------------------------------------------------


@BOTH
def test_thcs_or_more_passes(act: date, doc: str) -> None:
    assert check_education("thcs", act) == []
    assert check_education("thpt", act) == []


@BOTH
def test_primary_school_is_refused_without_an_area_exception(act: date, doc: str) -> None:
    v = assert_fails(check_education("tieu-hoc", act), "R4", "error", doc)
    assert "tương đương" not in v.text("vi")


def test_the_2016_rules_accepted_an_equivalent() -> None:
    v = assert_fails(check_education("tieu-hoc", date(2020, 5, 4)), "R4", "error", "29-QĐ/TW")
    assert "hoặc tương đương" in v.text("vi")


@BOTH
def test_primary_school_passes_in_hardship_areas(act: date, doc: str) -> None:
    assert check_education("tieu-hoc", act, "vung-kho-khan") == []
    assert check_education("tieu-hoc", act, "nguoi-co-uy-tin") == []


def test_hardship_exception_cites_the_guidance_in_force() -> None:
    assert_fails(
        check_education("biet-doc-viet", ACT_2021, "vung-kho-khan"),
        "R4",
        "error",
        "01-HD/TW (2021) điểm 1.2",
    )
    assert_fails(
        check_education("biet-doc-viet", ACT_2025, "vung-kho-khan"),
        "R4",
        "error",
        "06-HD/TW (2025) điểm 1",
    )


@BOTH
def test_literate_respected_person_needs_consent(act: date, doc: str) -> None:
    v = assert_fails(
        check_education("biet-doc-viet", act, "nguoi-co-uy-tin"), "R6", "error", "HD/TW"
    )
    assert "Ban Thường vụ Tỉnh ủy" in v.text("vi")


def test_unknown_education_is_a_warning() -> None:
    assert_fails(check_education(None, ACT_2025), "R4", "warning", QD294)


def test_unknown_codes_are_programming_errors() -> None:
    with pytest.raises(ValueError):
        check_education("dai-hoc", ACT_2025)
    with pytest.raises(ValueError):
        check_education("tieu-hoc", ACT_2025, "mien-nui")


# R7/R8 certificate -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issued", "day_before", "day_of", "doc"),
    [
        (date(2020, 1, 15), date(2025, 1, 14), date(2025, 1, 15), "5 năm"),  # DOMAIN 2.3 quiz
        (date(2020, 9, 15), date(2025, 9, 14), ACT_2025, "06-HD/TW (2025) điểm 5.4"),
    ],
)
def test_certificate_valid_60_months(
    issued: date, day_before: date, day_of: date, doc: str
) -> None:
    assert check_certificate(issued, day_before) == []
    v = assert_fails(check_certificate(issued, day_of), "R8", "warning", doc)
    assert f"{day_of:%d/%m/%Y}" in v.text("vi")


def test_certificate_missing_or_issued_after_the_meeting() -> None:
    assert_fails(check_certificate(None, ACT_2025), "R7", "warning", "06-HD/TW")
    assert_fails(check_certificate(date(2025, 9, 16), ACT_2025), "R7", "warning", "06-HD/TW")
    assert check_certificate(ACT_2025, ACT_2025) == []


# R9–R12 introducers ----------------------------------------------------------------------------

ADULT = date(1985, 3, 1)  # 36 at both acts
YOUNG = date(2000, 3, 1)  # 21 at ACT_2021, 25 at ACT_2025


@BOTH
def test_two_official_members_of_12_months(act: date, doc: str) -> None:
    good = [IntroducerInfo(True, 12), IntroducerInfo(True, 40)]
    assert check_introducers("two-members", good, ADULT, act) == []


@BOTH
def test_introducer_with_11_months_together_is_refused(act: date, doc: str) -> None:
    intro = [IntroducerInfo(True, 12), IntroducerInfo(True, 11)]
    v = assert_fails(check_introducers("two-members", intro, ADULT, act), "R12", "error", doc)
    assert "thứ 2" in v.text("vi") and "11 tháng" in v.text("vi")


@BOTH
def test_replacement_introducer_is_exempt_from_12_months(act: date, doc: str) -> None:
    intro = [IntroducerInfo(True, 24), IntroducerInfo(True, 2, replacement=True)]
    assert check_introducers("two-members", intro, ADULT, act) == []


@BOTH
def test_probationary_introducer_is_refused(act: date, doc: str) -> None:
    intro = [IntroducerInfo(True, 24), IntroducerInfo(False, 24)]
    assert_fails(check_introducers("two-members", intro, ADULT, act), "R12", "error", doc)


@BOTH
def test_one_introducer_is_not_enough(act: date, doc: str) -> None:
    v = check_introducers("two-members", [IntroducerInfo(True, 24)], ADULT, act)
    assert_fails(v, "R9", "error", "Điều lệ Đảng Điều 4.1")


@BOTH
def test_union_routes_need_one_official_member(act: date, doc: str) -> None:
    one = [IntroducerInfo(True, 12)]
    assert check_introducers("youth-union", one, YOUNG, act) == []
    assert check_introducers("trade-union", one, ADULT, act) == []
    two = [IntroducerInfo(True, 12), IntroducerInfo(True, 12)]
    assert_fails(check_introducers("youth-union", two, YOUNG, act), "R10", "error", doc)
    assert_fails(check_introducers("trade-union", [], ADULT, act), "R11", "error", doc)


def test_youth_age_bound_is_only_a_warning() -> None:
    one = [IntroducerInfo(True, 12)]
    aged_30 = date(1994, 9, 16)  # 30 years 11 months at ACT_2025
    aged_31 = date(1994, 9, 15)
    assert check_introducers("youth-union", one, aged_30, ACT_2025) == []
    assert_fails(
        check_introducers("youth-union", one, aged_31, ACT_2025), "R10", "warning", "Thanh niên"
    )
    two = [IntroducerInfo(True, 12), IntroducerInfo(True, 12)]
    assert_fails(
        check_introducers("two-members", two, YOUNG, ACT_2025), "R10", "warning", "Thanh niên"
    )


def test_youth_age_can_be_set_by_the_caller() -> None:
    one = [IntroducerInfo(True, 12)]
    aged_33 = date(1992, 1, 1)
    youth = replace(rules_in_force(ACT_2025)["youth_max_age_years"], value=35)
    configured = rules_in_force(ACT_2025) | {"youth_max_age_years": youth}
    assert check_introducers("youth-union", one, aged_33, ACT_2025, rules=configured) == []
    assert check_introducers("youth-union", one, aged_33, ACT_2025) != []


# R14/R15 votes ---------------------------------------------------------------------------------

VOTES = pytest.mark.parametrize(
    ("votes_for", "members", "passes"),
    [(6, 9, True), (5, 9, False), (2, 3, True), (1, 3, False), (3, 3, True), (10, 15, True),
     (9, 15, False), (1, 1, True), (0, 1, False), (0, 2, False), (2, 2, True)],
)  # fmt: skip


@VOTES
@BOTH
def test_cell_vote_two_thirds_of_official_members(
    votes_for: int, members: int, passes: bool, act: date, doc: str
) -> None:
    result = check_cell_vote(votes_for, members, act)
    if passes:
        assert result == []
    else:
        v = assert_fails(result, "R14", "error", doc)
        assert f"{votes_for}/{members}" in v.text("vi") and "2/3" in v.text("vi")


@VOTES
@BOTH
def test_committee_vote_two_thirds_of_members(
    votes_for: int, members: int, passes: bool, act: date, doc: str
) -> None:
    result = check_committee_vote(votes_for, members, act)
    assert (result == []) == passes
    if not passes:
        assert_fails(result, "R15", "error", doc)


def test_five_of_nine_says_six_are_needed() -> None:
    assert "cần ít nhất 6" in only(check_cell_vote(5, 9, ACT_2025)).text("vi")


@pytest.mark.parametrize(("votes_for", "members"), [(10, 9), (-1, 9), (0, 0), (1, 0)])
def test_impossible_vote_counts_are_errors(votes_for: int, members: int) -> None:
    assert_fails(check_cell_vote(votes_for, members, ACT_2025), "R14", "error", QD294)
    assert_fails(check_committee_vote(votes_for, members, ACT_2025), "R15", "error", QD294)


@given(members=st.integers(min_value=1, max_value=300), data=st.data())
def test_cell_vote_matches_the_integer_rule(members: int, data: st.DataObject) -> None:
    votes_for = data.draw(st.integers(min_value=0, max_value=members))
    assert (check_cell_vote(votes_for, members, ACT_2021) == []) == (votes_for * 3 >= members * 2)


# R17 decision deadline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resolution", "day_60", "day_61", "doc"),
    [
        # 29-QĐ/TW, across Tết 2021 (10–16/02, five weekdays off).
        (date(2021, 1, 4), date(2021, 4, 5), date(2021, 4, 6), "29-QĐ/TW (2016) điểm 4.3.1"),
        (date(2021, 9, 6), date(2021, 11, 29), date(2021, 11, 30), QD24),
        (ACT_2025, date(2025, 12, 8), date(2025, 12, 9), QD294),
    ],
)
def test_decision_within_60_working_days(
    resolution: date, day_60: date, day_61: date, doc: str
) -> None:
    assert check_decision_deadline(resolution, day_60) == []
    v = assert_fails(check_decision_deadline(resolution, day_61), "R17", "error", doc)
    assert "61 ngày làm việc" in v.text("vi")


def test_special_case_allows_30_more_working_days() -> None:
    # From 06/09/2021 the 90th working day is 11/01/2022 (3/1/2022 was the observed New Year).
    resolution, day_90, day_91 = date(2021, 9, 6), date(2022, 1, 11), date(2022, 1, 12)
    assert check_decision_deadline(resolution, day_90, special=True) == []
    assert_fails(check_decision_deadline(resolution, day_90), "R17", "error", QD24)
    v = assert_fails(
        check_decision_deadline(resolution, day_91, special=True), "R17", "error", QD24
    )
    assert "91 ngày làm việc" in v.text("vi") and "90 ngày" in v.text("vi")


@BOTH
def test_decision_must_follow_the_resolution(act: date, doc: str) -> None:
    assert_fails(check_decision_deadline(act, act), "R17", "error", doc)
    assert_fails(check_decision_deadline(date(act.year, act.month, 20), act), "R17", "error", doc)


# R18 ceremony deadline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "day_30", "day_31", "doc"),
    [
        (date(2021, 1, 25), date(2021, 3, 15), date(2021, 3, 16), "29-QĐ/TW (2016) điểm 4.1"),
        (ACT_2021, date(2021, 12, 27), date(2021, 12, 28), QD24),
        (ACT_2025, date(2025, 10, 27), date(2025, 10, 28), QD294),
    ],
)
def test_ceremony_within_30_working_days(
    decision: date, day_30: date, day_31: date, doc: str
) -> None:
    assert check_ceremony_deadline(decision, day_30) == []
    v = assert_fails(check_ceremony_deadline(decision, day_31), "R18", "error", doc)
    assert "31 ngày làm việc" in v.text("vi")


@BOTH
def test_ceremony_on_the_decision_day_or_before_it(act: date, doc: str) -> None:
    assert check_ceremony_deadline(act, act) == []
    assert_fails(check_ceremony_deadline(act, date(act.year, act.month, 14)), "R18", "error", doc)


def test_ceremony_counts_from_receipt_when_known() -> None:
    late = date(2025, 10, 28)
    assert check_ceremony_deadline(ACT_2025, late, received=date(2025, 9, 17)) == []


# R19–R24 probation, official membership, party age ---------------------------------------------


@pytest.mark.parametrize(
    ("ceremony", "official", "doc"),
    [(ACT_2021, date(2022, 11, 15), QD24), (ACT_2025, date(2026, 9, 15), QD294)],
)
def test_official_exactly_12_months_after_the_ceremony(
    ceremony: date, official: date, doc: str
) -> None:
    assert probation_end(ceremony) == official
    assert check_official(ceremony, official) == []
    for off_by_one in (official - timedelta(days=1), official + timedelta(days=1)):
        v = assert_fails(check_official(ceremony, off_by_one), "R22", "error", "Điều 5.3")
        assert "Điều 5.1" in v.source


def test_probation_of_a_29_february_ceremony_ends_on_28_february() -> None:
    assert probation_end(date(2024, 2, 29)) == date(2025, 2, 28)
    assert check_official(date(2024, 2, 29), date(2025, 3, 1)) != []


def test_official_review_deadline_is_30_working_days_after_probation() -> None:
    # Probation ends Tue 15/11/2022; 30 working days later is Tue 27/12/2022.
    assert official_review_deadline(ACT_2021) == date(2022, 12, 27)


def test_probation_before_2016_is_not_on_file() -> None:
    with pytest.raises(RuleNotOnFile):
        probation_end(date(2015, 7, 26))
    v = only(check_official(date(2015, 7, 26), date(2016, 7, 26)))
    assert v.severity == "warning"


# Pipeline order --------------------------------------------------------------------------------


def test_steps_in_order_pass_and_missing_steps_are_skipped() -> None:
    steps = dict.fromkeys((s.value for s in ORDERED_STEPS), None) | {
        "class": date(2021, 3, 1),
        "cell-vote": ACT_2021,
        "decision": ACT_2021,  # the same day is not out of order
        "ceremony": date(2021, 12, 1),
    }
    assert check_order(steps) == []


def test_ceremony_before_decision_names_both_steps() -> None:
    steps = {"cell-vote": date(2021, 9, 6), "decision": ACT_2021, "ceremony": date(2021, 11, 1)}
    v = assert_fails(check_order(steps), "ORDER", "error", "Điều lệ Đảng Điều 4.3")
    assert "lễ kết nạp" in v.text("vi") and "quyết định kết nạp" in v.text("vi")
    assert "01/11/2021" in v.text("vi") and "15/11/2021" in v.text("vi")


def test_each_misdated_step_is_reported_once_against_the_latest_earlier_step() -> None:
    steps = {
        "sourced": date(2020, 1, 1),
        "class": date(2021, 6, 1),
        "application": date(2021, 5, 1),  # before the class
        "cell-vote": date(2021, 7, 1),
        "official": date(2021, 6, 15),  # before the cell vote
    }
    found = check_order(steps)
    assert [v.rule for v in found] == ["ORDER", "ORDER"]
    assert "đơn xin vào Đảng" in found[0].text("vi") and "lớp bồi dưỡng" in found[0].text("vi")
    assert "công nhận" in found[1].text("vi") and "chi bộ biểu quyết" in found[1].text("vi")


def test_a_misdated_step_does_not_become_the_reference() -> None:
    steps = {
        "class": date(2021, 6, 1),
        "application": date(2021, 1, 1),  # a typo for 2022?
        "cell-vote": date(2021, 3, 1),  # still before the class
    }
    found = check_order(steps)
    assert len(found) == 2
    assert all("01/06/2021" in v.text("vi") for v in found)


def test_unknown_step_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        check_order({"kết nạp": ACT_2021})


# R29 CCCD --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        ("038203001234", date(2003, 5, 1), "nam"),  # Thanh Hóa, 2000s male, 2003
        ("001190012345", date(1990, 12, 31), "nu"),  # Hà Nội, 1900s female, 1990
        (" 096300987654 ", date(2000, 1, 1), "nu"),  # Cà Mau; surrounding spaces ignored
        ("038203001234", None, None),
    ],
)
def test_consistent_cccd_passes(number: str, birth: date | None, gender: Gender | None) -> None:
    assert check_cccd(number, birth, gender) == []


@pytest.mark.parametrize(
    ("number", "birth", "gender", "severity", "words"),
    [
        ("038203001234", date(2004, 5, 1), None, "error", "năm sinh"),
        ("038003001234", date(2003, 5, 1), None, "error", "năm sinh"),  # century 1900
        ("038203001234", date(2003, 5, 1), "nu", "error", "Giới tính"),
        ("099203001234", date(2003, 5, 1), "nam", "warning", "Mã tỉnh"),
        ("038203001", None, None, "warning", "CMND"),
        ("03820300123", None, None, "error", "11 chữ số"),
        ("0382030012345", None, None, "error", "13 chữ số"),
        ("03820300123A", None, None, "error", "chữ số"),
    ],
)
def test_inconsistent_cccd(
    number: str, birth: date | None, gender: Gender | None, severity: str, words: str
) -> None:
    v = assert_fails(check_cccd(number, birth, gender), "R29", severity, "TT 07/2016/TT-BCA")
    assert words in v.text("vi")
    for text in (v.text("vi"), v.text("en"), v.source):  # no ID number in any message
        assert number not in text and number[-6:] not in text and number[:6] not in text


def test_province_list_is_the_63_codes_of_tt_07_2016() -> None:
    assert len(CCCD_PROVINCES) == 63
    assert CCCD_PROVINCES["038"] == "Thanh Hóa"
    assert all(len(code) == 3 and code.isdigit() for code in CCCD_PROVINCES)


# Messages --------------------------------------------------------------------------------------


def test_failures_read_as_one_sentence_in_each_language() -> None:
    found = [
        *check_age(date(2010, 1, 1), ACT_2025),
        *check_education("tieu-hoc", ACT_2025),
        *check_certificate(date(2019, 1, 1), ACT_2025),
        *check_introducers("two-members", [IntroducerInfo(False, 1)], ADULT, ACT_2025),
        *check_cell_vote(1, 9, ACT_2025),
        *check_decision_deadline(date(2025, 1, 2), ACT_2025),
        *check_ceremony_deadline(date(2025, 1, 2), ACT_2025),
        *check_official(date(2024, 1, 2), ACT_2025),
        *check_order({"decision": ACT_2025, "ceremony": date(2025, 9, 1)}),
    ]
    assert len(found) >= 10
    for v in found:
        assert v.severity in {"error", "warning"}
        for text in (v.text("vi"), v.text("en")):
            assert text.endswith(".") and text.count(". ") == 0 and "{" not in text, text
        assert VI_LETTERS.search(v.text("vi")) and v.text("en").isascii()
        assert v.source and re.fullmatch(r"R\d+|ORDER", v.rule)
