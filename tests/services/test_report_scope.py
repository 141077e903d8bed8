"""The clock of the quota reports: share of a period gone by, pace, months left."""

from __future__ import annotations

from datetime import date

import pytest

from dangvien_cli.services.quotas import implied_period
from dangvien_cli.services.reports.behind import months_left
from dangvien_cli.services.reports.quota import status_of
from dangvien_cli.services.reports.scope import Window

pytestmark = pytest.mark.no_database


def window(code: str, as_of: date) -> Window:
    period = implied_period(code)
    assert period is not None
    return Window(period, as_of)


@pytest.mark.parametrize(
    ("as_of", "gone", "elapsed"),
    [
        (date(2021, 12, 31), 0, 0.0),  # before the period: nothing gone
        (date(2022, 1, 1), 1, 1 / 365),
        (date(2022, 7, 2), 183, 183 / 365),
        (date(2022, 12, 31), 365, 1.0),
        (date(2023, 6, 1), 365, 1.0),  # after it: all gone, admissions up to its end
    ],
)
def test_share_of_the_year_gone(as_of, gone, elapsed):
    win = window("2022", as_of)
    assert (win.gone, win.days) == (gone, 365)
    assert win.elapsed == pytest.approx(elapsed)
    assert win.end == min(as_of, date(2022, 12, 31))


def test_a_term_counts_its_leap_days():
    win = window("2020-2025", date(2020, 12, 31))
    assert win.days == 2192 and win.gone == 366  # 2020 and 2024 are leap years
    assert win.years == [2020, 2021, 2022, 2023, 2024, 2025]
    assert win.previous_year() == (date(2019, 1, 1), date(2019, 12, 31))


@pytest.mark.parametrize(
    ("target", "admitted", "as_of", "status"),
    [
        (None, 3, date(2022, 7, 2), "chua-giao"),
        (4, 5, date(2022, 1, 1), "vuot"),
        (4, 4, date(2022, 1, 1), "dat"),
        (0, 0, date(2022, 7, 2), "dat"),
        (200, 0, date(2022, 1, 1), "dung-tien-do"),  # 200 × 1/365 is not a whole person
        (200, 0, date(2022, 1, 2), "cham"),  # 200 × 2/365 is one
        (4, 2, date(2022, 7, 2), "dung-tien-do"),  # due floor(2.005) = 2
        (4, 1, date(2022, 7, 2), "cham"),
        (4, 3, date(2022, 12, 31), "cham"),
    ],
)
def test_status_against_the_pace(target, admitted, as_of, status):
    assert status_of(target, admitted, window("2022", as_of)) == status


@pytest.mark.parametrize(
    ("as_of", "left"),
    [
        (date(2021, 11, 1), 12),  # before the year: all of it
        (date(2022, 1, 1), 12),
        (date(2022, 6, 15), 7),  # the rest of June counts
        (date(2022, 6, 30), 6),
        (date(2022, 12, 30), 1),
        (date(2022, 12, 31), 0),
    ],
)
def test_months_left(as_of, left):
    assert months_left(as_of, date(2022, 1, 1), date(2022, 12, 31)) == left
