"""R17–R22: the deadlines after the cell's vote (the decision, the ceremony) and the end of
probation, counted in working days or months from the act that starts each of them.

Every limit is the one in force on the date of the act it judges (the decision for R17, the
ceremony for R18); a late act is an error only where its rule is well sourced (H).
"""

from __future__ import annotations

from datetime import date

from dangvien_cli.services.rule_engine import Rules, Violation, breach, check, find
from dangvien_cli.services.rule_engine import get as _get
from dangvien_cli.services.rule_engine import whole as _int
from dangvien_cli.services.workdays import add_months, add_working_days, working_days_between
from dangvien_cli.vocab import Step


@check(Step.decision, codes=("R17",))
def check_decision_deadline(
    cell_resolution: date, decision: date, special: bool = False, *, rules: Rules = None
) -> list[Violation]:
    """R17: the decision follows the cell resolution within 60 working days (+30 if special)."""
    limit = _get("decision_deadline_wd", decision, rules)
    if decision <= cell_resolution:
        return [
            breach(
                "rules.decision_not_after",
                limit,
                severity="error",
                on=decision,
                start=cell_resolution,
            )
        ]
    applied = (limit, _get("decision_special_extra_wd", decision, rules)) if special else (limit,)
    allowed = sum(_int(r) for r in applied)
    days = working_days_between(cell_resolution, decision)
    if days <= allowed:
        return []
    return [
        breach(
            "rules.decision_late",
            *applied,
            on=decision,
            start=cell_resolution,
            found=days,
            limit=allowed,
        )
    ]


@check(Step.ceremony, codes=("R18",))
def check_ceremony_deadline(
    decision: date, ceremony: date, received: date | None = None, *, rules: Rules = None
) -> list[Violation]:
    """R18: the ceremony within 30 working days of the decision (of its receipt when known)."""
    limit = _get("ceremony_deadline_wd", ceremony, rules)
    start = received or decision
    if ceremony < start:
        return [
            breach(
                "rules.ceremony_before_decision", limit, severity="error", on=ceremony, start=start
            )
        ]
    days = working_days_between(start, ceremony)
    if days <= _int(limit):
        return []
    return [
        breach(
            "rules.ceremony_late", limit, on=ceremony, start=start, found=days, limit=_int(limit)
        )
    ]


def probation_end(ceremony: date, *, rules: Rules = None) -> date:
    """R19/R22: the day the probation months end, which is also the official-member date."""
    return add_months(ceremony, _int(_get("probation_months", ceremony, rules)))


def check_probation_kept(admitted: date, official: date, *, rules: Rules = None) -> list[Violation]:
    """R19 on a roster line, which names the admission but no ceremony: the ceremony comes on
    or after the decision, so a member is official no sooner than the probation months after
    it (where the ceremony is known, check_official holds the date to the day). Before the
    rules on file (2016) nothing is judged."""
    months = find("probation_months", admitted, rules)
    if months is None:
        return []
    earliest = add_months(admitted, _int(months))
    if official >= earliest:
        return []
    return [
        breach(
            "rules.official_before_probation",
            months,
            severity="error",
            on=official,
            earliest=earliest,
            start=admitted,
            limit=_int(months),
        )
    ]


def official_review_deadline(ceremony: date, *, rules: Rules = None) -> date:
    """R20: the last day for the cell to consider official membership."""
    end = probation_end(ceremony, rules=rules)
    return add_working_days(end, _int(_get("official_review_deadline_wd", end, rules)))


@check(Step.official, codes=("R19", "R22"))
def check_official(ceremony: date, official: date, *, rules: Rules = None) -> list[Violation]:
    """R19/R22: official membership dates exactly from the end of the probation months."""
    months = _get("probation_months", ceremony, rules)
    expected = add_months(ceremony, _int(months))
    as_of = _get("official_from_probation_end", expected, rules)
    if not as_of.value or official == expected:
        return []
    return [
        breach(
            "rules.official_date",
            as_of,
            months,
            on=official,
            expected=expected,
            start=ceremony,
            limit=_int(months),
        )
    ]
