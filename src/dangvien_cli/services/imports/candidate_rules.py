"""A candidate row judged by the Party's rules in force at each of its acts.

Refusals are noted with the row's line and the column the rule concerns; warnings are
counted by rule. Checks that see few distinct arguments (an education level and a vote day,
a ceremony and its official day) are answered once per distinct set: a province's file
repeats them a million times.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, NamedTuple

from dangvien_cli.errors import RowErrors
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.services import rules
from dangvien_cli.services.imports import candidate_checks as checks
from dangvien_cli.services.imports.cells import Memo
from dangvien_cli.services.imports.columns import Row
from dangvien_cli.services.imports.step_fields import EXIT_DATE, FIELD_OF, STEP_FIELDS
from dangvien_cli.services.rule_engine import BOOK
from dangvien_cli.vocab import Step

VOTE, DECISION = FIELD_OF[Step.cell_vote].date, FIELD_OF[Step.decision].date
CEREMONY, OFFICIAL = FIELD_OF[Step.ceremony].date, FIELD_OF[Step.official].date
DECISION_NO = str(FIELD_OF[Step.decision].document)


class Cells(NamedTuple):
    """A row's cells as values, before the rules judge them."""

    name: str
    unit_id: int
    birth: date | None
    gender: str | None  # a Gender's value
    education: str | None
    national_id: str | None
    explicit_id: int | None
    dates: dict[Step, date | None]  # each pipeline step's date (STEP_FIELDS)
    exit_step: Step | None
    exit_on: date | None
    votes_for: int | None
    official_members: int | None


@dataclass
class Checking:
    """What checking rows gathers: every refusal, warnings by rule, and the rules a higher
    body waived for people already stored (by id or CCCD)."""

    errors: RowErrors = field(default_factory=RowErrors)
    warnings: Counter[str] = field(default_factory=Counter)
    today: date = field(default_factory=date.today)
    # R14: the roster lines of each unit that has a roster, and the counts asked so far
    rosters: dict[int, list[Any]] = field(default_factory=dict)
    roster_counts: dict[tuple[int, date], int] = field(default_factory=dict)
    excepted: dict[Any, set[str]] = field(default_factory=dict)
    dissolved: dict[int, date] = field(default_factory=dict)  # unit id -> the day it ended

    def roster_officials(self, unit_id: int, on: date) -> int | None:
        """The unit's official members on ``on`` by its roster; None without a roster."""
        lines = self.rosters.get(unit_id)
        if lines is None:
            return None
        key = (unit_id, on)
        found = self.roster_counts.get(key)
        if found is None:
            from dangvien_cli.services.members import official_on

            found = self.roster_counts[key] = sum(1 for m in lines if official_on(m, on))
        return found


def roster_denominator(state: Checking, cells: Cells) -> Cells:
    """R14's denominator where the unit's roster is on file: a vote without a count takes
    the roster's official members on the vote's day. A file's count that disagrees is a
    warning here, not a refusal as in `candidate vote`: an import carries votes of past
    years, which a roster of today (people who left before it was kept are not on it) may
    not describe."""
    vote = cells.dates[Step.cell_vote]
    roster = state.roster_officials(cells.unit_id, vote) if vote else None
    if roster is None:
        return cells
    if cells.official_members is None:
        return cells._replace(official_members=roster)
    if cells.official_members != roster:
        state.warnings["R14"] += 1
    return cells


def _remembered(check: Callable[..., list[rules.Violation]]) -> Memo:
    """A rule check answered once per distinct set of arguments: the checks are pure, and
    the ones kept here see few sets (an education level and a vote day; a ceremony day and
    its official day). Checks of two free dates see nearly all-new pairs: not remembered."""
    return Memo(lambda args: tuple(check(*args)))


_education_check = _remembered(rules.check_education)
_official_check = _remembered(rules.check_official)


def judge(row: Row, state: Checking, cells: Cells) -> None:
    """The Party's rules in force at each act: errors refuse the row, warnings are counted."""
    birth, national_id, dates = cells.birth, cells.national_id, cells.dates
    votes_for, official_members = cells.votes_for, cells.official_members
    if max(filter(None, (*dates.values(), cells.exit_on)), default=date.min) > state.today:
        _in_future(row, state, cells)
    violations: list[rules.Violation] = []
    if national_id:
        violations += rules.check_cccd(national_id, birth, cells.gender)  # type: ignore[arg-type]
    violations += rules.check_order(dates)  # Step is a StrEnum: its members are the keys
    vote = dates[Step.cell_vote]
    if vote:
        in_force = BOOK.in_force(vote)  # looked up once for the checks of the vote's day
        if birth:
            # R3: over 60 needs the provincial consent before the decision; a row that
            # stops at the vote only warns, as `candidate vote` does.
            age = rules.check_age(birth, vote, rules=in_force)
            if not dates[Step.decision]:
                age = [replace(v, severity="warning") if v.rule == "R2" else v for v in age]
            violations += age
        violations += _education_check[cells.education, vote]
        violations += rules.check_certificate(dates[Step.class_passed], vote, rules=in_force)
        if votes_for is not None and official_members is not None:
            violations += rules.check_cell_vote(votes_for, official_members, vote, rules=in_force)
    checks.vote_counts(row, state.errors, vote, votes_for, official_members)
    checks.exit_step(row, state.errors, cells.exit_step, cells.exit_on, dates)
    decision = dates[Step.decision]
    if decision and not row.text(DECISION_NO):
        _required(row, state, DECISION_NO)
    if decision and vote:
        violations += rules.check_decision_deadline(vote, decision)
    ceremony = dates[Step.ceremony]
    if ceremony:
        if not decision:
            _required(row, state, DECISION)
        else:
            violations += rules.check_ceremony_deadline(decision, ceremony)
    if dates[Step.official]:
        if not ceremony:
            _required(row, state, CEREMONY)
        else:
            violations += _official_check[ceremony, dates[Step.official]]
    if violations:
        _note(row, state, cells, violations)


def _in_future(row: Row, state: Checking, cells: Cells) -> None:
    """An act is a fact: nothing dated after today."""
    for col, when in (
        *((f.date, cells.dates[f.step]) for f in STEP_FIELDS),
        (EXIT_DATE, cells.exit_on),
    ):
        if when is not None and when > state.today:
            reason = t("act.in_future", field=row.column(col), date=fmt_date(when))
            state.errors.add(row.line, row.column(col), row.raw(col), reason)


def _note(row: Row, state: Checking, cells: Cells, violations: list[rules.Violation]) -> None:
    waived = state.excepted.get(cells.explicit_id) or state.excepted.get(cells.national_id) or ()
    for found in violations:
        if found.rule in waived:
            continue
        if found.severity == "error":
            column = _RULE_COLUMNS.get(found.rule, VOTE)
            state.errors.add(row.line, row.column(column), row.raw(column), found.line())
        else:
            state.warnings[found.rule] += 1


def _required(row: Row, state: Checking, key: str) -> None:
    state.errors.add(row.line, row.column(key), "", t("error.required", field=key))


# The column a rule's refusal points at; any other rule points at the cell vote's date.
_RULE_COLUMNS = {
    "R1": "birth_date",
    "R2": "birth_date",
    "R4": "education",
    "R7": FIELD_OF[Step.class_passed].date,
    "R8": FIELD_OF[Step.class_passed].date,
    "R14": "votes_for",
    "R17": DECISION,
    "R18": CEREMONY,
    "R19": OFFICIAL,
    "R22": OFFICIAL,
    "R29": "national_id",
}
