"""The fast paths behind the benchmark give the answers of the plain definitions: working
days from cumulative tables against a walk day by day, rules in force from the cached
spans against a scan of RULES, and the command tree built for one group against the
whole tree."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dangvien_cli.cli import GROUPS, build_app, invoked_group
from dangvien_cli.i18n import set_lang
from dangvien_cli.services import rules, workdays

pytestmark = pytest.mark.slow

span = st.dates(min_value=date(2014, 1, 1), max_value=date(2031, 12, 31))


def walk_between(a: date, b: date) -> int:
    """The definition: working days after a up to and including b (negative if b < a)."""
    if b < a:
        return -walk_between(b, a)
    return sum(workdays.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))


def walk_add(start: date, n: int) -> date:
    step, d, left = timedelta(days=1 if n >= 0 else -1), start, abs(n)
    while left:
        d += step
        left -= workdays.is_working_day(d)
    return d


@settings(deadline=None, max_examples=300)
@given(a=span, b=span)
def test_working_days_between_equals_the_day_by_day_count(a: date, b: date) -> None:
    assert workdays.working_days_between(a, b) == walk_between(a, b)


@settings(deadline=None, max_examples=300)
@given(start=span, n=st.integers(min_value=-400, max_value=400))
def test_add_working_days_equals_the_day_by_day_walk(start: date, n: int) -> None:
    assert workdays.add_working_days(start, n) == walk_add(start, n)


@pytest.mark.parametrize(
    ("start", "n"),
    [
        (date(2024, 12, 31), 1),  # into the next year
        (date(2025, 1, 1), -1),  # back into the previous year (1/1 is a holiday)
        (date(2021, 2, 9), 1),  # over Tết 2021
        (date(2023, 12, 29), 300),  # across two year ends
        (date(2026, 1, 2), -300),
    ],
)
def test_add_working_days_across_year_ends(start: date, n: int) -> None:
    assert workdays.add_working_days(start, n) == walk_add(start, n)


def scan(on: date) -> dict[str, rules.Rule]:
    return {r.key: r for r in rules.RULES if r.in_force(on)}


def test_rules_in_force_equal_a_scan_on_every_boundary_and_between() -> None:
    days = set()
    for r in rules.RULES:
        for d in (r.effective_from, r.effective_to):
            if d is not None:
                days |= {d - timedelta(days=1), d, d + timedelta(days=1)}
    days |= {date(2000, 1, 1), date(2024, 6, 1), date.max}
    for d in sorted(days):
        assert rules.rules_in_force(d) == scan(d), d


def test_rules_in_force_hands_out_a_copy() -> None:
    mine = rules.rules_in_force(date(2024, 6, 1))
    mine.pop("min_age_months")
    assert "min_age_months" in rules.rules_in_force(date(2024, 6, 1))


@pytest.mark.parametrize(
    ("args", "group"),
    [
        (["unit", "list"], "unit"),
        (["--db", "x.db", "report", "quota"], "report"),
        (["-f", "json", "--lang", "en", "candidate", "list"], "candidate"),
        (["--help"], None),
        ([], None),
    ],
)
def test_invoked_group_skips_the_values_of_root_options(args, group) -> None:
    assert invoked_group(args) == group


@pytest.mark.parametrize(
    "args",
    [["--help"], ["unit", "--help"], ["report", "quota", "--help"], ["--lang", "en", "--help"]],
)
def test_a_tree_built_for_one_group_helps_like_the_whole_tree(args) -> None:
    set_lang("en" if "en" in args else "vi")
    runner = CliRunner()
    whole = runner.invoke(build_app(), args)
    lean = runner.invoke(build_app(args), args)
    assert lean.exit_code == whole.exit_code == 0
    assert lean.output == whole.output


def test_a_tree_built_for_no_group_still_names_every_group() -> None:
    result = CliRunner().invoke(build_app(["--help"]), ["--help"])
    for name, *_ in GROUPS:
        assert f" {name} " in result.output
    mistyped = CliRunner().invoke(build_app(["unt"]), ["unt"])
    assert mistyped.exit_code == 2
