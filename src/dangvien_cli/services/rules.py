"""The checks that apply the Party's admission rules to one act, judged by the rows in force on
the date of that act (the values and their citations are in rules.toml, read by rule_book), so
an admission of 2021 is checked against 24-QĐ/TW and one of September 2025 against 294-QĐ/TW,
and each refusal cites the document that applied.

A check returns a list of ``Violation`` (rule_engine): an error for a breach of an H rule, a
warning otherwise. Messages carry dates and counts, never a name or an ID number.

The checks are pure: no database, no clock, no output. They raise ``ValueError`` only for codes
that are not in the closed lists below (education, area exception, route, pipeline step).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from dangvien_cli.services.rule_book import Confidence, Rule, RuleNote, RuleValue
from dangvien_cli.services.rule_cccd import CCCD_CENTURY_SEX, CCCD_PROVINCES, Gender, check_cccd
from dangvien_cli.services.rule_deadlines import (
    check_ceremony_deadline,
    check_decision_deadline,
    check_official,
    check_probation_kept,
    official_review_deadline,
    probation_end,
)
from dangvien_cli.services.rule_engine import (
    RULE_NOTES,
    RULES,
    RuleNotOnFile,
    Rules,
    Severity,
    Term,
    Violation,
    breach,
    check,
    rule_note,
    rules_in_force,
    waivable,
)
from dangvien_cli.services.rule_engine import code_of as _code
from dangvien_cli.services.rule_engine import find as _find
from dangvien_cli.services.rule_engine import fraction as _fraction
from dangvien_cli.services.rule_engine import get as _get
from dangvien_cli.services.rule_engine import severity_of as _severity
from dangvien_cli.services.rule_engine import whole as _int
from dangvien_cli.services.workdays import MONTHS_PER_YEAR, add_months, months_between
from dangvien_cli.vocab import EDUCATION_LEVELS, Step

__all__ = [
    "CCCD_CENTURY_SEX",
    "CCCD_PROVINCES",
    "RULES",
    "RULE_NOTES",
    "Confidence",
    "Gender",
    "Rule",
    "RuleNote",
    "RuleNotOnFile",
    "RuleValue",
    "Rules",
    "Severity",
    "Violation",
    "check_cccd",
    "check_ceremony_deadline",
    "check_decision_deadline",
    "check_official",
    "check_probation_kept",
    "official_review_deadline",
    "probation_end",
    "rule_note",
    "rules_in_force",
    "waivable",
]

Route = Literal["two-members", "youth-union", "trade-union"]


@dataclass(frozen=True)
class IntroducerInfo:
    """What R9–R12 need to know about one introducer (no identity)."""

    is_official: bool
    months_together: int
    replacement: bool = False  # assigned by the cell after the first introducer left (R12)


# Closed code lists, in order.
AREA_EXCEPTIONS = ("vung-kho-khan", "nguoi-co-uy-tin")
# The steps whose dates must follow one another (the ORDER rule's value orders them).
ORDERED_STEPS = (
    Step.sourced,
    Step.class_passed,
    Step.application,
    Step.cell_vote,
    Step.committee_resolution,
    Step.decision,
    Step.ceremony,
    Step.official,
)
_ORDERED = frozenset(s.value for s in ORDERED_STEPS)
_ROUTE_KEYS = {
    "two-members": "introducers_members",
    "youth-union": "youth_union_members",
    "trade-union": "trade_union_members",
}


def _fail(message: str, *rules: Rule, severity: Severity | None = None, **params: Any) -> Violation:
    return breach(f"rules.{message}", *rules, severity=severity, **params)


def _month_index(d: date) -> int:
    return d.year * MONTHS_PER_YEAR + d.month


# Checks -----------------------------------------------------------------------------------------


@check(Step.cell_vote, Step.decision, codes=("R1", "R2", "R3"))
def check_age(birth: date, meeting: date, *, rules: Rules = None) -> list[Violation]:
    """R1/R2 at the cell meeting, in completed months; past R2 the R3 consent is needed."""
    low, high = _get("min_age_months", meeting, rules), _get("max_age_months", meeting, rules)
    months = months_between(birth, meeting)
    by_calendar = _month_index(meeting) - _month_index(birth)  # the day of the month ignored
    if months < _int(low):
        # DOMAIN 2.1: whether a birthday later in the same month counts is unconfirmed.
        rounding = by_calendar >= _int(low)
        return [
            _fail(
                "age_low_rounding" if rounding else "age_low",
                low,
                severity="warning" if rounding else None,
                on=meeting,
                found=months,
                limit=_int(low),
                years=_int(low) // MONTHS_PER_YEAR,
            )
        ]
    if months > _int(high):
        consent = _find("over_age_consent", meeting, rules)
        return [
            _fail(
                "age_high",
                high,
                *([consent] if consent else []),
                on=meeting,
                found=months,
                limit=_int(high),
                years=_int(high) // MONTHS_PER_YEAR,
            )
        ]
    if months == _int(high) and by_calendar > _int(high):
        return [_fail("age_high_rounding", high, severity="warning", on=meeting, limit=months)]
    return []


def _education_rank(code: str) -> int:
    if code not in EDUCATION_LEVELS:
        raise ValueError(f"unknown education code {code!r}; use one of {EDUCATION_LEVELS}")
    return EDUCATION_LEVELS.index(code)


def _level(code: str) -> Term:
    return Term(f"rules.education.{code}")


@check(Step.cell_vote, codes=("R4", "R5", "R6"))
def check_education(
    education: str | None, on: date, area_exception: str | None = None, *, rules: Rules = None
) -> list[Violation]:
    """R4–R6: THCS or more; primary school in hardship areas; literacy plus consent (R6)."""
    if area_exception is not None and area_exception not in AREA_EXCEPTIONS:
        raise ValueError(f"unknown area exception {area_exception!r}; use one of {AREA_EXCEPTIONS}")
    general = _get("min_education", on, rules)
    need = _level(_code(general))
    if _get("education_equivalent_allowed", on, rules).value:
        need = Term("rules.education.or_equivalent", (("level", need),))
    if education is None:
        return [_fail("education_unknown", general, severity="warning", need=need)]
    rank = _education_rank(education)
    if rank >= _education_rank(_code(general)):
        return []
    has = _level(education)
    if area_exception is None:
        return [_fail("education_low", general, has=has, need=need)]
    area = _get("area_min_education", on, rules)
    if rank >= _education_rank(_code(area)):
        if _severity(area) == "error":
            return []
        return [_fail("education_area_unconfirmed", area, has=has)]
    if area_exception == "nguoi-co-uy-tin":
        prestige = _get("prestige_min_education", on, rules)
        if rank >= _education_rank(_code(prestige)):
            return [_fail("education_consent", prestige, has=has)]
    return [_fail("education_below_area", general, area, has=has, need=_level(_code(area)))]


@check(Step.cell_vote, codes=("R7", "R8"))
def check_certificate(
    certificate_date: date | None, meeting: date, *, rules: Rules = None
) -> list[Violation]:
    """R7/R8: an awareness-class certificate less than 60 months old at the cell meeting."""
    required = _get("certificate_required", meeting, rules)
    if certificate_date is None:
        return [_fail("certificate_missing", required, on=meeting)] if required.value else []
    if certificate_date > meeting:
        return [_fail("certificate_after_meeting", required, on=meeting, start=certificate_date)]
    validity = _get("certificate_validity_months", meeting, rules)
    if months_between(certificate_date, meeting) < _int(validity):
        return []
    expiry = add_months(certificate_date, _int(validity))
    return [
        _fail(
            "certificate_expired",
            validity,
            on=meeting,
            start=certificate_date,
            expected=expiry,
            limit=_int(validity),
        )
    ]


@check(Step.introducers, Step.cell_vote, codes=("R9", "R10", "R11", "R12"))
def check_introducers(
    route: Route,
    introducers: Sequence[IntroducerInfo],
    applicant_birth: date,
    meeting: date,
    *,
    rules: Rules = None,
) -> list[Violation]:
    """R9–R12, and the youth-age bound of R10 (unconfirmed, so only warnings)."""
    if route not in _ROUTE_KEYS:
        raise ValueError(f"unknown introduction route {route!r}; use one of {tuple(_ROUTE_KEYS)}")
    count = _get(_ROUTE_KEYS[route], meeting, rules)
    together = _get("introducer_months_together", meeting, rules)
    youth = _get("youth_max_age_years", meeting, rules)
    found: list[Violation] = []
    if len(introducers) != _int(count):
        found.append(_fail("introducer_count", count, found=len(introducers), limit=_int(count)))
    for number, person in enumerate(introducers, start=1):
        if not person.is_official:
            found.append(_fail("introducer_not_official", together, number=number))
        elif not person.replacement and person.months_together < _int(together):
            found.append(
                _fail(
                    "introducer_short",
                    together,
                    number=number,
                    found=person.months_together,
                    limit=_int(together),
                )
            )
    age = months_between(applicant_birth, meeting) // MONTHS_PER_YEAR
    if route == "youth-union" and age > _int(youth):
        found.append(_fail("youth_too_old", youth, found=age, limit=_int(youth)))
    if route == "two-members" and age <= _int(youth):
        found.append(_fail("youth_two_members", youth, found=age, limit=_int(youth)))
    return found


# The voting body and who it counts, as the vote sentences name them.
_CELL = {"body": Term("rules.voters.cell"), "who": Term("rules.voters.cell.who")}
_COMMITTEE = {"body": Term("rules.voters.committee"), "who": Term("rules.voters.committee.who")}


def _check_vote(
    key: str, votes_for: int, members: int, on: date, rules: Rules, body: dict[str, Any]
) -> list[Violation]:
    rule = _get(key, on, rules)
    if members < 1 or not 0 <= votes_for <= members:
        return [
            _fail(
                "vote_invalid",
                rule,
                severity="error",
                on=on,
                found=votes_for,
                members=members,
                **body,
            )
        ]
    share = _fraction(rule)
    if votes_for * share.denominator >= share.numerator * members:  # whole numbers: fast
        return []
    return [
        _fail(
            "vote_short",
            rule,
            on=on,
            found=votes_for,
            members=members,
            limit=share,
            needed=math.ceil(share * members),
            **body,
        )
    ]


@check(Step.cell_vote, codes=("R14",))
def check_cell_vote(
    votes_for: int, official_members: int, on: date, *, rules: Rules = None
) -> list[Violation]:
    """R14: at least 2/3 of the cell's official members (not of those present) agree."""
    return _check_vote("cell_vote_fraction", votes_for, official_members, on, rules, _CELL)


@check(Step.committee_resolution, codes=("R15",))
def check_committee_vote(
    votes_for: int, committee_members: int, on: date, *, rules: Rules = None
) -> list[Violation]:
    """R15: at least 2/3 of the grassroots committee's members agree."""
    return _check_vote(
        "committee_vote_fraction", votes_for, committee_members, on, rules, _COMMITTEE
    )


def _steps_in_order(on: date, rules: Rules) -> tuple[Rule, dict[str, int]]:
    rule = _get("step_order", on, rules)
    return rule, _ranks(rule.value if isinstance(rule.value, tuple) else ())


@functools.cache
def _ranks(order: tuple[str, ...]) -> dict[str, int]:
    """Each step's place in an ORDER rule's value (a handful of values, asked a million
    times by an import)."""
    return {name: i for i, name in enumerate(order)}


@check(*ORDERED_STEPS, codes=("ORDER",))
def check_order(
    steps: Mapping[str, date | None] | Mapping[Step, date | None], *, rules: Rules = None
) -> list[Violation]:
    """No pipeline step may be dated before an earlier step; each breach names both steps.

    ``steps`` maps ``vocab.Step`` values to dates; the order is the ORDER rule's value."""
    if not _ORDERED.issuperset(steps):
        unknown = sorted(set(steps) - _ORDERED)
        raise ValueError(f"unknown pipeline steps {unknown}; use {list(_ORDERED)}")
    present = [(name, d) for name, d in steps.items() if d is not None]
    if not present:
        return []
    rule, rank = _steps_in_order(max(d for _, d in present), rules)
    present.sort(key=lambda item: rank[item[0]])
    found: list[Violation] = []
    latest: tuple[str, date] | None = None  # the latest-dated step so far
    for name, d in present:
        if latest is not None and d < latest[1]:
            step, prev = Term(f"rules.step.{name}"), Term(f"rules.step.{latest[0]}")
            found.append(_fail("step_order", rule, on=d, start=latest[1], step=step, prev=prev))
        elif latest is None or d > latest[1]:
            latest = (name, d)
    return found
