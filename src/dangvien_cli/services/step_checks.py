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

from dataclasses import replace
from datetime import date
from typing import Any

from dangvien_cli.models import Person, PipelineEvent
from dangvien_cli.services import rules
from dangvien_cli.services.step_facts import (
    BEFORE_VOTE,
    EXITS,
    JUDGES,
    ORDERED,
    UNION_ROUTES,
    VOTE_DOSSIER,
    Act,
    certificate_valid_until,
    detail_of,
    failed_recognitions,
    judges,
    latest,
    missing_dossier,
    must_report_up,
    needs_committee,
    rule_on,
    violation,
)
from dangvien_cli.services.workdays import add_working_days, working_days_between
from dangvien_cli.vocab import Step

__all__ = [
    "BEFORE_VOTE",
    "EXITS",
    "ORDERED",
    "UNION_ROUTES",
    "VOTE_DOSSIER",
    "certificate_valid_until",
    "check_step",
    "detail_of",
    "failed_recognitions",
    "latest",
    "missing_dossier",
    "must_report_up",
    "needs_committee",
]


def check_step(
    person: Person,
    events: list[PipelineEvent],
    item: Any,
    *,
    authority: Any = None,
    roster_officials: int | None = None,
) -> list[rules.Violation]:
    """Everything the rules say about this step, judged on the act's date, before exceptions
    (``Act`` says what ``authority`` and ``roster_officials`` are)."""
    act = Act(person, events, item, authority, roster_officials)
    return _order(events, item) + [v for judge in JUDGES.get(item.step, ()) for v in judge(act)]


@judges(Step.introducers)
def _introduced(act: Act) -> list[rules.Violation]:
    return _introducers(act.person, act.item.detail, act.item.occurred_on, at_vote=False)


@judges(Step.committee_resolution)
def _committee_vote(act: Act) -> list[rules.Violation]:
    d = act.item.detail
    if "votes_for" not in d or "committee_members" not in d:
        return []
    return rules.check_committee_vote(d["votes_for"], d["committee_members"], act.item.occurred_on)


@judges(Step.ceremony)
def _ceremony(act: Act) -> list[rules.Violation]:
    decision = latest(act.events, Step.decision)
    if decision is None:
        return []
    received = act.item.detail.get("received_on")
    on = date.fromisoformat(received) if received else None
    return rules.check_ceremony_deadline(decision.occurred_on, act.item.occurred_on, on)


@judges(Step.recognition_failed)
def _recognition_failed(act: Act) -> list[rules.Violation]:
    """The cell may only consider recognition once probation ended (R20); the third vote
    that fails must be reported up (R23), which the warning says."""
    events, item = act.events, act.item
    ceremony = latest(events, Step.ceremony)
    found: list[rules.Violation] = []
    if ceremony is None:
        return found
    end = rules.probation_end(ceremony.occurred_on)
    review = rule_on("official_review_deadline_wd", end)
    if review is not None and item.occurred_on < end:
        found.append(violation(review, "check.review_early", on=item.occurred_on, start=end))
    count = failed_recognitions(events) + 1
    limit = rule_on("failed_recognition_votes", item.occurred_on)
    if limit is not None and count >= int(limit.value):  # type: ignore[arg-type]
        found.append(violation(limit, "check.report_up", severity="warning", count=count))
    return found


def _order(events: list[PipelineEvent], item: Any) -> list[rules.Violation]:
    """Dates in the order of the procedure; only breaches this step brings are reported."""
    on = item.occurred_on
    found: list[rules.Violation] = []
    if item.step in ORDERED:
        dates = {e.step: e.occurred_on for e in events if Step(e.step) in ORDERED}
        already = set(rules.check_order(dates))
        dates[item.step.value] = on
        found += [v for v in rules.check_order(dates) if v not in already]
    order = rule_on("step_order", on)
    if order is None:
        return found
    sourced = latest(events, Step.sourced)
    if sourced is not None and item.step is not Step.sourced and on < sourced.occurred_on:
        found.append(_before(order, item, sourced))
    vote = latest(events, Step.cell_vote)
    if item.step in BEFORE_VOTE and vote is not None and on > vote.occurred_on:
        found.append(
            violation(
                order, "check.after_vote", this_step=item.step.value, on=on, start=vote.occurred_on
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
    together = rule_on("introducer_months_together", on)
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
    rule = rule_on("youth_union_members" if route == "youth-union" else "trade_union_members", on)
    if rule is None:
        return []
    found = []
    member = person.youth_union if route == "youth-union" else person.trade_union
    if not member:
        found.append(violation(rule, f"check.not_{route.replace('-', '_')}", severity="warning"))
    if not detail.get("union_document"):
        found.append(violation(rule, "check.union_resolution_missing", severity="warning"))
    return found


@judges(Step.cell_vote)
def _cell_vote(act: Act) -> list[rules.Violation]:
    person, events, item, roster_officials = act.person, act.events, act.item, act.roster_officials
    on, d = item.occurred_on, item.detail
    found: list[rules.Violation] = []
    share = rule_on("cell_vote_fraction", on)
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
    count = rule_on("introducers_members", on)
    if intro is None and count is not None:
        found.append(violation(count, "check.no_introducers", on=on))
    elif intro is not None:
        found += _introducers(person, detail_of(intro), on, at_vote=True)
    order = rule_on("step_order", on)
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


@judges(Step.decision)
def _decision(act: Act) -> list[rules.Violation]:
    person, events, item, authority = act.person, act.events, act.item, act.authority
    found: list[rules.Violation] = []
    on = item.occurred_on
    order = rule_on("step_order", on)
    if order and needs_committee(authority) and latest(events, Step.committee_resolution) is None:
        found.append(violation(order, "check.missing_committee", on=on))
    body = rule_on("decision_body", on)
    by = item.detail.get("decided_by")
    if body is not None and not by and authority is not None and authority.deciders:
        # Who decided is not known, so R16 cannot be checked: said, not passed over in silence.
        allowed = ", ".join(authority.deciders)
        found.append(
            violation(body, "check.decider_unknown", severity="warning", on=on, allowed=allowed)
        )
    elif body is not None and by and authority is not None and authority.deciders:
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


@judges(Step.official)
def _official(act: Act) -> list[rules.Violation]:
    """R19/R22 on the date itself; R20/R21 on the review and decision when they are given."""
    events, item = act.events, act.item
    ceremony = latest(events, Step.ceremony)
    if ceremony is None:
        return []
    found = rules.check_official(ceremony.occurred_on, item.occurred_on)
    d = item.detail
    end = rules.probation_end(ceremony.occurred_on)
    cell = date.fromisoformat(d["cell_date"]) if d.get("cell_date") else None
    decided = date.fromisoformat(d["decided_on"]) if d.get("decided_on") else None
    review = rule_on("official_review_deadline_wd", end)
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
    decide = rule_on("official_decision_deadline_wd", decided) if decided else None
    if decided is not None and cell is not None and decide is not None:
        if decided < cell:
            found.append(
                violation(decide, "check.recognition_before_review", on=decided, start=cell)
            )
        else:
            extra = rule_on("official_special_extra_wd", decided)
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
