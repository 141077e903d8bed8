"""What the step checks read from a candidate's file (the latest event of a step, its detail,
the dossier, the certificate's validity), and the registry of checks by the step they judge.

step_checks holds the checks; the candidate sheet reads the same facts to say what is
missing or due, so both read them from here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dangvien_cli.models import Person, PipelineEvent
from dangvien_cli.services import rules
from dangvien_cli.services.rule_engine import breach
from dangvien_cli.services.workdays import add_months
from dangvien_cli.vocab import Step

# The steps whose dates must follow one another (rules.check_order).
ORDERED = frozenset(rules.ORDERED_STEPS)
EXITS = (Step.rejected, Step.withdrawn, Step.struck_off)
# Preparation that the cell meeting weighs: it cannot come after the vote.
BEFORE_VOTE = (Step.class_passed, Step.application, Step.introducers, Step.background_check)
# Dossier items the cell should hold at its meeting besides the steps it checks itself.
VOTE_DOSSIER = ("2-KNĐ", "5-KNĐ")
UNION_ROUTES = ("youth-union", "trade-union")


@dataclass(frozen=True)
class Act:
    """One step about to be recorded, with what its checks may weigh.

    ``authority`` (services.units.Authority) says whether a đảng ủy cơ sở stands above the
    unit and who may decide on the day (R16); None when the person has no unit.
    ``roster_officials`` is the cell's official members on the day by its roster (None when
    no roster is on file): R14's denominator, which a typed count must agree with."""

    person: Person
    events: list[PipelineEvent]
    item: Any
    authority: Any = None
    roster_officials: int | None = None


Judge = Callable[[Act], list[rules.Violation]]
# The checks of each step, in the order they were registered; check_step runs them all.
JUDGES: dict[Step, list[Judge]] = {}


def judges(*steps: Step) -> Callable[[Judge], Judge]:
    """Register a check of an act at ``steps``: a new check is one function under this."""

    def register(fn: Judge) -> Judge:
        for step in steps:
            JUDGES.setdefault(step, []).append(fn)
        return fn

    return register


def latest(events: list[PipelineEvent], step: Step) -> PipelineEvent | None:
    found = [e for e in events if e.step == step.value]
    return found[-1] if found else None


def detail_of(event: PipelineEvent | None) -> dict[str, Any]:
    if event is None or not event.detail:
        return {}
    return json.loads(event.detail)


def violation(
    rule: rules.Rule, key: str, *, severity: rules.Severity | None = None, **params: Any
) -> rules.Violation:
    """A violation of `rule` worded by the catalogue entry `key` when shown (rule_engine says
    how dates, ``_step`` and ``_items`` parameters are worded)."""
    default: rules.Severity = "error" if rule.confidence == "H" else "warning"
    return breach(key, rule, severity=severity or default, **params)


def rule_on(key: str, on: date) -> rules.Rule | None:
    return rules.rules_in_force(on).get(key)


def failed_recognitions(events: list[PipelineEvent]) -> int:
    return sum(1 for e in events if e.step == Step.recognition_failed.value)


def must_report_up(events: list[PipelineEvent]) -> bool:
    """R23: the cell has failed to recognise as many times as the rule allows."""
    last = latest(events, Step.recognition_failed)
    limit = rule_on("failed_recognition_votes", last.occurred_on) if last else None
    return limit is not None and failed_recognitions(events) >= int(limit.value)  # type: ignore[arg-type]


def missing_dossier(events: list[PipelineEvent]) -> list[str]:
    """What the cell should have at its meeting besides certificate, application, introducers."""
    items = {detail_of(e).get("item") for e in events if e.step == Step.dossier.value}
    missing = [] if latest(events, Step.background_check) else [Step.background_check.value]
    return missing + [form for form in VOTE_DOSSIER if form not in items]


def needs_committee(authority: Any) -> bool:
    """Only where a đảng ủy cơ sở stands above the cell (not in a chi bộ cơ sở) does its
    resolution (8-KNĐ) come before the decision; no unit known: assume it does."""
    return authority is None or authority.committee_above


def certificate_valid_until(events: list[PipelineEvent]) -> date | None:
    """The last day the certificate can serve a cell meeting (R8: less than 60 months old)."""
    cls = latest(events, Step.class_passed)
    if cls is None:
        return None
    validity = rule_on("certificate_validity_months", cls.occurred_on)
    if validity is None:
        return None
    return add_months(cls.occurred_on, int(validity.value)) - timedelta(days=1)  # type: ignore[arg-type]
