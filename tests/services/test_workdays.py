"""Working days (Vietnam's calendar from the `holidays` library) and calendar months."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dangvien_cli.services.workdays import (
    add_months,
    add_working_days,
    is_working_day,
    months_between,
    working_days_between,
)

pytestmark = pytest.mark.no_database

recent = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
any_day = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


# Tết Tân Sửu: Wednesday 10/02/2021 (29 Tết) to Tuesday 16/02/2021 (mùng 5) were all days off.
@pytest.mark.parametrize("day", range(10, 17))
def test_tet_2021_days_are_off(day: int) -> None:
    assert not is_working_day(date(2021, 2, day))


def test_days_around_tet_2021_are_worked() -> None:
    assert is_working_day(date(2021, 2, 9))  # Tuesday before
    assert is_working_day(date(2021, 2, 17))  # Wednesday after


def test_span_over_tet_2021() -> None:
    assert working_days_between(date(2021, 2, 9), date(2021, 2, 17)) == 1
    assert add_working_days(date(2021, 2, 9), 1) == date(2021, 2, 17)
    # Fri 5/2: Mon 8, Tue 9, (Tết 10-16), Wed 17, Thu 18, Fri 19.
    assert add_working_days(date(2021, 2, 5), 5) == date(2021, 2, 19)
    assert working_days_between(date(2021, 2, 5), date(2021, 2, 19)) == 5
    assert add_working_days(date(2021, 2, 17), -1) == date(2021, 2, 9)


def test_weekends() -> None:
    friday, saturday, sunday, monday = (date(2021, 3, d) for d in (5, 6, 7, 8))
    assert not is_working_day(saturday) and not is_working_day(sunday)
    assert add_working_days(friday, 1) == monday
    assert add_working_days(saturday, 1) == monday
    assert add_working_days(monday, -1) == friday
    assert working_days_between(friday, sunday) == 0
    assert working_days_between(saturday, monday) == 1
    assert working_days_between(friday, friday) == 0
    assert working_days_between(monday, friday) == -1  # Monday itself, counted backwards


def test_add_zero_working_days_is_the_start_itself() -> None:
    assert add_working_days(date(2021, 3, 6), 0) == date(2021, 3, 6)


def test_swapped_days_follow_the_government_calendar() -> None:
    # 2024: Monday 29/04 off, worked back on Saturday 04/05.
    assert not is_working_day(date(2024, 4, 29))
    assert is_working_day(date(2024, 5, 4))


def test_observed_holiday_when_new_year_falls_on_saturday() -> None:
    assert not is_working_day(date(2022, 1, 3))  # 1/1/2022 was a Saturday


@pytest.mark.parametrize("year", [2016, 2021, 2025, 2026])
def test_every_day_agrees_with_the_holidays_library(year: int) -> None:
    vietnam = holidays.Vietnam(years=year)
    worked_weekends = set(vietnam.weekend_workdays)
    day = date(year, 1, 1)
    while day.year == year:
        expected = (day.weekday() < 5 and day not in vietnam) or day in worked_weekends
        assert is_working_day(day) == expected, day
        day += timedelta(days=1)


def test_holidays_is_imported_only_when_needed() -> None:
    code = (
        "import sys, dangvien_cli.services.workdays, dangvien_cli.services.rules;"
        "print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 31), 2, date(2025, 2, 28)),
        (date(2021, 11, 15), 12, date(2022, 11, 15)),
        (date(2003, 11, 15), 216, date(2021, 11, 15)),
        (date(2015, 7, 26), 12, date(2016, 7, 26)),  # DOMAIN 2.8 example
    ],
)
def test_add_months(start: date, n: int, expected: date) -> None:
    assert add_months(start, n) == expected


@pytest.mark.parametrize(
    ("birth", "on", "expected"),
    [
        (date(2003, 11, 15), date(2021, 11, 15), 216),
        (date(2003, 11, 15), date(2021, 11, 14), 215),
        (date(2003, 11, 15), date(2021, 10, 31), 215),
        (date(2023, 1, 31), date(2023, 2, 28), 1),
        (date(2023, 1, 31), date(2023, 2, 27), 0),
        (date(2004, 2, 29), date(2022, 2, 28), 216),
        (date(2004, 2, 29), date(2022, 2, 27), 215),
        (date(2020, 1, 15), date(2025, 1, 15), 60),
        (date(2020, 1, 15), date(2025, 1, 14), 59),
        (date(2021, 5, 10), date(2021, 5, 10), 0),
        (date(2021, 5, 10), date(2021, 5, 9), -1),
    ],
)
def test_months_between(birth: date, on: date, expected: int) -> None:
    assert months_between(birth, on) == expected


@settings(deadline=None)
@given(start=recent, n=st.integers(min_value=0, max_value=200))
def test_add_then_count_round_trips(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    if n:
        assert is_working_day(end)
        assert working_days_between(start, end - timedelta(days=1)) == n - 1


@settings(deadline=None)
@given(start=recent, n=st.integers(min_value=0, max_value=200))
def test_counting_back_round_trips_from_a_working_day(start: date, n: int) -> None:
    assume(is_working_day(start))
    assert working_days_between(add_working_days(start, -n), start) == n


@settings(deadline=None)
@given(a=recent, b=recent, c=recent)
def test_working_days_between_adds_up_and_is_antisymmetric(a: date, b: date, c: date) -> None:
    assert working_days_between(a, b) == -working_days_between(b, a)
    assert working_days_between(a, b) + working_days_between(b, c) == working_days_between(a, c)


@given(birth=any_day, d1=any_day, d2=any_day)
def test_months_between_is_monotone(birth: date, d1: date, d2: date) -> None:
    early, late = sorted((d1, d2))
    assert months_between(birth, early) <= months_between(birth, late)


@given(d=any_day, n=st.integers(min_value=-1200, max_value=1200))
def test_months_between_inverts_add_months(d: date, n: int) -> None:
    later = add_months(d, n)
    assert months_between(d, later) == n
    assert later.day <= d.day
    assert later.day == d.day or later.month != (later + timedelta(days=1)).month  # clamped


@given(d=any_day, n=st.integers(min_value=0, max_value=1200))
def test_a_day_before_n_months_is_one_month_less(d: date, n: int) -> None:
    assume(n > 0)
    assert months_between(d, add_months(d, n) - timedelta(days=1)) == n - 1
