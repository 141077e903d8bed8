"""Working days and calendar months, the two clocks of the Party's deadlines.

"Ngày làm việc" (R17, R18, R20, R21, R25) is not defined in any Party text found; DOMAIN.md
marks the calendar as an assumption. We take Vietnam's official calendar as the maintained
`holidays` library publishes it: Monday to Friday, minus public holidays (Tết, observed and
swapped days off), plus the Saturdays the government declares working days when it swaps a day
off (`weekend_workdays` in the library, e.g. Saturday 04/05/2024).

Months ("tính theo tháng", R1/R2, R8, R19) are calendar months; a day that does not exist in
the target month becomes that month's last day (31/01 + 1 month = 28/02 or 29/02).
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from datetime import date
from functools import cache

MONTHS_PER_YEAR = 12
_FIRST_WEEKEND_DAY = 5  # date.weekday(): Monday 0 ... Friday 4, Saturday 5


@cache
def _calendar(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Days off and weekend working days of one year, computed once per process."""
    import holidays  # slow to import (~80 ms); only pay for it when a deadline is computed

    vietnam = holidays.country_holidays("VN", years=year)  # a holidays.Vietnam
    days_off = frozenset(vietnam.keys())
    swapped_in = frozenset(d for d in getattr(vietnam, "weekend_workdays", ()) if d.year == year)
    return days_off, swapped_in


def is_working_day(d: date) -> bool:
    """Whether public offices work on `d` in Vietnam."""
    days_off, swapped_in = _calendar(d.year)
    if d in swapped_in:
        return True
    return d.weekday() < _FIRST_WEEKEND_DAY and d not in days_off


@cache
def _year(year: int) -> tuple[int, tuple[int, ...]]:
    """(ordinal of 1 January, working days from 1 January up to each day of the year).

    Deadlines are counted against these tables instead of walking day by day: an import
    checks two deadlines for each of a million rows.
    """
    first = date(year, 1, 1).toordinal()
    cumulative, count = [], 0
    for ordinal in range(first, date(year, 12, 31).toordinal() + 1):
        count += is_working_day(date.fromordinal(ordinal))
        cumulative.append(count)
    return first, tuple(cumulative)


def _upto(d: date) -> int:
    """Working days from 1 January of d's year up to and including d."""
    first, cumulative = _year(d.year)
    return cumulative[d.toordinal() - first]


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (`start` itself not counted); before it if n < 0."""
    if n == 0:
        return start
    year = start.year
    # The day sought is the first whose count from 1 January of `year` reaches `target`.
    if n > 0:
        target = _upto(start) + n
        while target > _year(year)[1][-1]:
            target -= _year(year)[1][-1]
            year += 1
    else:
        target = _upto(start) - is_working_day(start) + n + 1
        while target < 1:
            year -= 1
            target += _year(year)[1][-1]
    first, cumulative = _year(year)
    return date.fromordinal(first + bisect_left(cumulative, target))


def working_days_between(a: date, b: date) -> int:
    """Working days after `a` up to and including `b`; minus the reverse count if b < a."""
    if b < a:
        return -working_days_between(b, a)
    days = _upto(b) - _upto(a)
    for year in range(a.year, b.year):
        days += _year(year)[1][-1]
    return days


def add_months(d: date, n: int) -> date:
    """`d` plus n calendar months, clamped to the end of the target month."""
    year, month0 = divmod(d.year * MONTHS_PER_YEAR + d.month - 1 + n, MONTHS_PER_YEAR)
    day = d.day
    if day > 28:  # only the last days of a month can overflow the target month
        day = min(day, calendar.monthrange(year, month0 + 1)[1])
    return date(year, month0 + 1, day)


def months_between(birth: date, on: date) -> int:
    """Completed months from `birth` to `on`: the largest m with add_months(birth, m) <= on."""
    months = (on.year - birth.year) * MONTHS_PER_YEAR + on.month - birth.month
    if add_months(birth, months) > on:
        months -= 1
    return months
