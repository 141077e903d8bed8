"""Which of the Party's rules govern which pipeline step, and what must already be on file.

The values and their sources live in services.rules; this module only decides, for one step
about to be recorded, which checks apply, on which date, and against which earlier events.
Every act is judged by the rules in force on its own date. The checks are pure: the caller
hands in the person, their effective events and the unit's kind.

Two departures from the confidence marks of DOMAIN.md, both deliberate:
- R7 (a certificate is required) is marked M, but SPEC.md lists a missing certificate among
  the refusals, so a cell vote without one is an error; R8 (60 months' validity) stays a
  warning, as its M mark says.
- R20/R21 (the recognition's review and decision deadlines) are H, but R22 says membership is
  recognised as of the end of probation even when the cell or the committee acted late, so
  lateness is a warning and never blocks the record.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from dangvien_cli.models import Person, PipelineEvent
from dangvien_cli.services import rules
from dangvien_cli.services.rule_engine import breach
from dangvien_cli.services.workdays import add_months, add_working_days, working_days_between
from dangvien_cli.vocab import Step

# The steps whose dates must follow one another (rules.check_order).
ORDERED = frozenset(rules.ORDERED_STEPS)
EXITS = (Step.rejected, Step.withdrawn, Step.struck_off)
# Preparation that the cell meeting weighs: it cannot come after the vote.
BEFORE_VOTE = (Step.class_passed, Step.application, Step.introducers, Step.background_check)
# Dossier items the cell should hold at its meeting besides the steps it checks itself.
VOTE_DOSSIER = ("2-KNĐ", "5-KNĐ")
UNION_ROUTES = ("youth-union", "trade-union")


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


def _rule(key: str, on: date) -> rules.Rule | None:
    return rules.rules_in_force(on).get(key)


def check_step(
    person: Person,
    events: list[PipelineEvent],
    item: Any,
    *,
    authority: Any = None,
    roster_officials: int | None = None,
) -> list[rules.Violation]:
    """Everything the rules say about this step, judged on the act's date, before exceptions.

    ``authority`` (services.units.Authority) says whether a đảng ủy cơ sở stands above the
    unit and who may decide on the day (R16); None when the person has no unit.
    ``roster_officials`` is the cell's official members on the day by its roster (None when
    no roster is on file): R14's denominator, which a typed count must agree with."""
    found = _order(events, item)
    if item.step is Step.introducers:
        found += _introducers(person, item.detail, item.occurred_on, at_vote=False)
    elif item.step is Step.cell_vote:
        found += _cell_vote(person, events, item, roster_officials)
    elif item.step is Step.committee_resolution:
        d = item.detail
        if "votes_for" in d and "committee_members" in d:
            found += rules.check_committee_vote(
                d["votes_for"], d["committee_members"], item.occurred_on
            )
    elif item.step is Step.decision:
        found += _decision(person, events, item, authority)
    elif item.step is Step.ceremony:
        decision = latest(events, Step.decision)
        if decision is not None:
            received = item.detail.get("received_on")
            found += rules.check_ceremony_deadline(
                decision.occurred_on,
                item.occurred_on,
                date.fromisoformat(received) if received else None,
            )
    elif item.step is Step.official:
        found += _official(events, item)
    elif item.step is Step.recognition_failed:
        found += _recognition_failed(events, item)
    return found


def failed_recognitions(events: list[PipelineEvent]) -> int:
    return sum(1 for e in events if e.step == Step.recognition_failed.value)


def _recognition_failed(events: list[PipelineEvent], item: Any) -> list[rules.Violation]:
    """The cell may only consider recognition once probation ended (R20); the third vote
    that fails must be reported up (R23), which the warning says."""
    ceremony = latest(events, Step.ceremony)
    found: list[rules.Violation] = []
    if ceremony is None:
        return found
    end = rules.probation_end(ceremony.occurred_on)
    review = _rule("official_review_deadline_wd", end)
    if review is not None and item.occurred_on < end:
        found.append(violation(review, "check.review_early", on=item.occurred_on, start=end))
    count = failed_recognitions(events) + 1
    limit = _rule("failed_recognition_votes", item.occurred_on)
    if limit is not None and count >= int(limit.value):  # type: ignore[arg-type]
        found.append(violation(limit, "check.report_up", severity="warning", count=count))
    return found


def must_report_up(events: list[PipelineEvent]) -> bool:
    """R23: the cell has failed to recognise as many times as the rule allows."""
    last = latest(events, Step.recognition_failed)
    limit = _rule("failed_recognition_votes", last.occurred_on) if last else None
    return limit is not None and failed_recognitions(events) >= int(limit.value)  # type: ignore[arg-type]


def _order(events: list[PipelineEvent], item: Any) -> list[rules.Violation]:
    """Dates in the order of the procedure; only breaches this step brings are reported."""
    on = item.occurred_on
    found: list[rules.Violation] = []
    if item.step in ORDERED:
        dates = {e.step: e.occurred_on for e in events if Step(e.step) in ORDERED}
        already = set(rules.check_order(dates))
        dates[item.step.value] = on
        found += [v for v in rules.check_order(dates) if v not in already]
    order = _rule("step_order", on)
    if order is None:
        return found
    sourced = latest(events, Step.sourced)
    if sourced is not None and item.step is not Step.sourced and on < sourced.occurred_on:
        found.append(_before(order, item, sourced))
    vote = latest(events, Step.cell_vote)
    if item.step in BEFORE_VOTE and vote is not None and on > vote.occurred_on:
        found.append(
            violation(
                order,
                "check.after_vote",
                this_step=item.step.value,
                on=on,
                start=vote.occurred_on,
            )
        )
    if item.step is Step.cell_vote:
        # class and application are in check_order already
        later = [
            e
            for e in events
            if Step(e.step) in BEFORE_VOTE and Step(e.step) not in ORDERED and e.occurred_on > on
        ]
        for e in later:
            found.append(
                violation(order, "check.after_vote", this_step=e.step, on=e.occurred_on, start=on)
            )
    if item.step in EXITS and events:
        last = max(events, key=lambda e: (e.occurred_on, e.id or 0))
        if on < last.occurred_on:
            found.append(_before(order, item, last))
    return found


def _before(order: rules.Rule, item: Any, earlier: PipelineEvent) -> rules.Violation:
    return violation(
        order,
        "check.before_step",
        this_step=item.step.value,
        on=item.occurred_on,
        prev_step=earlier.step,
        start=earlier.occurred_on,
    )


def _introducers(
    person: Person, detail: dict[str, Any], on: date, *, at_vote: bool
) -> list[rules.Violation]:
    """R9–R12 on the introducers as recorded (their status was read from the roster then)."""
    route = detail.get("route", "two-members")
    entries = detail.get("introducers", [])
    together = _rule("introducer_months_together", on)
    if together is None:
        return []
    infos = [
        rules.IntroducerInfo(
            bool(i.get("is_official", True)),
            int(i["months_together"]) if i.get("months_together") is not None else 10**6,
            bool(i.get("replacement", False)),
        )
        for i in entries
    ]
    # Without a birth date the youth-age bound (R10, unconfirmed) cannot be judged; the
    # counts and the introducers themselves still can.
    birth = person.birth_date or date(1, 1, 1)
    found = [
        v
        for v in rules.check_introducers(route, infos, birth, on)
        if person.birth_date or not (v.rule == "R10" and v.severity == "warning")
    ]
    if at_vote:
        return found
    ids = [i["member_id"] for i in entries if i.get("member_id") is not None]
    if len(ids) != len(set(ids)):
        found.append(violation(together, "check.introducer_twice"))
    for number, entry in enumerate(entries, start=1):
        if entry.get("member_id") is None:
            found.append(
                violation(
                    together,
                    "check.introducer_unchecked",
                    severity="warning",
                    number=number,
                    name=entry.get("name", ""),
                )
            )
        if entry.get("months_together") is None:
            found.append(
                violation(
                    together, "check.introducer_months_unknown", severity="warning", number=number
                )
            )
    found += _union_route(person, detail, route, on)
    return found


def _union_route(
    person: Person, detail: dict[str, Any], route: str, on: date
) -> list[rules.Violation]:
    if route not in UNION_ROUTES:
        return []
    rule = _rule("youth_union_members" if route == "youth-union" else "trade_union_members", on)
    if rule is None:
        return []
    found = []
    member = person.youth_union if route == "youth-union" else person.trade_union
    if not member:
        found.append(violation(rule, f"check.not_{route.replace('-', '_')}", severity="warning"))
    if not detail.get("union_document"):
        found.append(violation(rule, "check.union_resolution_missing", severity="warning"))
    return found


def _cell_vote(
    person: Person, events: list[PipelineEvent], item: Any, roster_officials: int | None
) -> list[rules.Violation]:
    on, d = item.occurred_on, item.detail
    found: list[rules.Violation] = []
    share = _rule("cell_vote_fraction", on)
    typed = d.get("official_members")
    if roster_officials is not None and typed is not None and typed != roster_officials:
        if share is not None:
            found.append(
                violation(
                    share, "check.members_not_roster", on=on, typed=typed, roster=roster_officials
                )
            )
        d = {**d, "official_members": roster_officials}
    if person.birth_date:
        # R3: the provincial consent is needed before the decision, not at the vote: here
        # an applicant over 60 is a warning that it will be needed.
        found += [
            replace(v, severity="warning") if v.rule == "R2" else v
            for v in rules.check_age(person.birth_date, on)
        ]
    found += rules.check_education(person.education, on, d.get("area_exception"))
    # The class step is dated by its certificate.
    cls = latest(events, Step.class_passed)
    cert_date = cls.occurred_on if cls else None
    # SPEC.md: a missing certificate is a refusal, though R7 itself is marked M.
    found += [
        replace(v, severity="error") if v.rule == "R7" else v
        for v in rules.check_certificate(cert_date, on)
    ]
    found += rules.check_cell_vote(d["votes_for"], d["official_members"], on)
    intro = latest(events, Step.introducers)
    count = _rule("introducers_members", on)
    if intro is None and count is not None:
        found.append(violation(count, "check.no_introducers", on=on))
    elif intro is not None:
        found += _introducers(person, detail_of(intro), on, at_vote=True)
    order = _rule("step_order", on)
    if order is not None:
        if latest(events, Step.application) is None:
            found.append(violation(order, "check.missing_application", on=on))
        missing = missing_dossier(events)
        if missing:
            found.append(
                violation(
                    order,
                    "check.dossier_incomplete",
                    severity="warning",
                    on=on,
                    missing_items=missing,
                )
            )
    return found


def missing_dossier(events: list[PipelineEvent]) -> list[str]:
    """What the cell should have at its meeting besides certificate, application, introducers."""
    items = {detail_of(e).get("item") for e in events if e.step == Step.dossier.value}
    missing = [] if latest(events, Step.background_check) else [Step.background_check.value]
    return missing + [form for form in VOTE_DOSSIER if form not in items]


def needs_committee(authority: Any) -> bool:
    """Only where a đảng ủy cơ sở stands above the cell (not in a chi bộ cơ sở) does its
    resolution (8-KNĐ) come before the decision; no unit known: assume it does."""
    return authority is None or authority.committee_above


def _decision(
    person: Person, events: list[PipelineEvent], item: Any, authority: Any
) -> list[rules.Violation]:
    found: list[rules.Violation] = []
    on = item.occurred_on
    order = _rule("step_order", on)
    if order and needs_committee(authority) and latest(events, Step.committee_resolution) is None:
        found.append(violation(order, "check.missing_committee", on=on))
    body = _rule("decision_body", on)
    by = item.detail.get("decided_by")
    if body is not None and by and authority is not None and authority.deciders:
        if by not in authority.deciders:
            # R16 is refused whatever its mark: 24-QĐ/TW is read as 29-QĐ/TW here (M), but a
            # decision by a body without the power is void, not merely late (R27).
            found.append(
                violation(
                    body,
                    "check.wrong_decider",
                    severity="error",
                    on=on,
                    body=by,
                    allowed=", ".join(authority.deciders),
                )
            )
    vote = latest(events, Step.cell_vote)
    if vote is not None and person.birth_date:
        # R2/R3: over 60 at the cell meeting, the decision needs the provincial consent
        # (an R3 exception), or it is refused.
        found += [v for v in rules.check_age(person.birth_date, vote.occurred_on) if v.rule == "R2"]
    if vote is not None:
        found += rules.check_decision_deadline(
            vote.occurred_on, on, special=bool(item.detail.get("special"))
        )
    return found


def _official(events: list[PipelineEvent], item: Any) -> list[rules.Violation]:
    """R19/R22 on the date itself; R20/R21 on the review and decision when they are given."""
    ceremony = latest(events, Step.ceremony)
    if ceremony is None:
        return []
    found = rules.check_official(ceremony.occurred_on, item.occurred_on)
    d = item.detail
    end = rules.probation_end(ceremony.occurred_on)
    cell = date.fromisoformat(d["cell_date"]) if d.get("cell_date") else None
    decided = date.fromisoformat(d["decided_on"]) if d.get("decided_on") else None
    review = _rule("official_review_deadline_wd", end)
    if cell is not None and review is not None:
        if cell < end:
            found.append(violation(review, "check.review_early", on=cell, start=end))
        else:
            last = add_working_days(end, int(review.value))  # type: ignore[arg-type]
            if cell > last:
                found.append(
                    violation(
                        review,
                        "check.review_late",
                        severity="warning",
                        on=cell,
                        start=end,
                        limit=review.value,
                        last=last,
                    )
                )
    decide = _rule("official_decision_deadline_wd", decided) if decided else None
    if decided is not None and cell is not None and decide is not None:
        if decided < cell:
            found.append(
                violation(decide, "check.recognition_before_review", on=decided, start=cell)
            )
        else:
            extra = _rule("official_special_extra_wd", decided)
            limit = int(decide.value)  # type: ignore[arg-type]
            if d.get("special") and extra is not None:
                limit += int(extra.value)  # type: ignore[arg-type]
            days = working_days_between(cell, decided)
            if days > limit:
                found.append(
                    violation(
                        decide,
                        "check.recognition_late",
                        severity="warning",
                        on=decided,
                        start=cell,
                        found=days,
                        limit=limit,
                    )
                )
    return found


def certificate_valid_until(events: list[PipelineEvent]) -> date | None:
    """The last day the certificate can serve a cell meeting (R8: less than 60 months old)."""
    cls = latest(events, Step.class_passed)
    if cls is None:
        return None
    validity = _rule("certificate_validity_months", cls.occurred_on)
    if validity is None:
        return None
    return add_months(cls.occurred_on, int(validity.value)) - timedelta(days=1)  # type: ignore[arg-type]
