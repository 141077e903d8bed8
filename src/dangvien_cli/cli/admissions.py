"""dangvien admission …: the decision, the ceremony, official membership, striking off."""

from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command, new_group, show_list
from dangvien_cli.cli._options import (
    DocumentOpt,
    PeriodFilterOpt,
    PersonIdArg,
    ReasonOpt,
    StepDateOpt,
    UnitFilterOpt,
    opt,
    required,
)
from dangvien_cli.cli.candidate.steps import exit_command, record, show_outcome, step, when
from dangvien_cli.render import Column
from dangvien_cli.render_output import View
from dangvien_cli.values import parse_date
from dangvien_cli.vocab import Step

# At 80 columns names wrap first; then the official date is left out.
LIST_COLUMNS = [
    Column("person_id", "col.id", "id"),
    Column("full_name", "col.full_name", flex=True),
    Column("unit_code", "col.unit_code"),
    Column("decision_no", "col.decision_no"),
    Column("decision_date", "col.decision_date", "date"),
    Column("ceremony_date", "col.ceremony_date", "date"),
    Column("official_date", "col.official_date", "date", drop=1),
]


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "record", help_key="help.admission.record", records=False)
def record_(
    person_id: PersonIdArg,
    *,
    decision: Annotated[str, required("--decision", help_key="opt.decision")],
    date: StepDateOpt,
    body: Annotated[str | None, opt("--body", help_key="opt.body")] = None,
    ceremony: Annotated[str | None, opt("--ceremony", help_key="opt.ceremony")] = None,
    special: Annotated[bool, opt("--special", help_key="opt.special")] = False,
    decided_by: Annotated[str | None, opt("--decided-by", help_key="opt.decided_by")] = None,
) -> None:
    detail: dict[str, Any] = {"special": True} if special else {}
    if decided_by:  # R16: the unit whose committee decided, checked against the tree
        detail["decided_by"] = decided_by
    items = [step(Step.decision, date, document_no=decision, issuer=body, detail=detail)]
    if ceremony:
        items.append(step(Step.ceremony, ceremony))
    record(person_id, *items)


@command(group, "ceremony", help_key="help.admission.ceremony", records=False)
def ceremony(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    received: Annotated[str | None, opt("--received", help_key="opt.received")] = None,
    document: DocumentOpt = None,
) -> None:
    detail = {"received_on": when(received, "--received").isoformat()} if received else {}
    record(person_id, step(Step.ceremony, date, document_no=document, detail=detail))


@command(group, "confirm", help_key="help.admission.confirm", records=False)
def confirm(
    person_id: PersonIdArg,
    *,
    decision: Annotated[str, required("--decision", help_key="opt.official_decision")],
    date: Annotated[str | None, opt("--date", help_key="opt.official_date")] = None,
    decided: Annotated[str | None, opt("--decided", help_key="opt.decided")] = None,
    cell_date: Annotated[str | None, opt("--cell-date", help_key="opt.cell_date")] = None,
    body: Annotated[str | None, opt("--body", help_key="opt.body")] = None,
    special: Annotated[bool, opt("--special", help_key="opt.special")] = False,
) -> None:
    from dangvien_cli.services.candidate_sheet import probation_end_of
    from dangvien_cli.services.pipeline import StepInput, record_step

    detail: dict[str, Any] = {"special": True} if special else {}
    for key, value, field in (
        ("decided_on", decided, "--decided"),
        ("cell_date", cell_date, "--cell-date"),
    ):
        if value:
            detail[key] = when(value, field).isoformat()
    with app_ctx().session(write=True) as session:
        # R22: official as of the day probation ends, whenever the decision came.
        on = parse_date(date) or probation_end_of(session, person_id)
        item = StepInput(Step.official, on, document_no=decision, issuer=body, detail=detail)
        outcome = record_step(session, person_id, item)
    show_outcome(person_id, outcome)


exit_command(group, "not-recognised", Step.recognition_failed, "help.admission.not_recognised")


@command(group, "strike", help_key="help.admission.strike", records=False)
def strike(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    reason: ReasonOpt,
    decision: Annotated[str | None, opt("--decision", help_key="opt.decision")] = None,
) -> None:
    record(person_id, step(Step.struck_off, date, document_no=decision, note=reason))


@command(group, "list", help_key="help.admission.list")
def list_(*, period: PeriodFilterOpt = None, unit: UnitFilterOpt = None) -> None:
    from dangvien_cli.services.people_lists import stream_admissions

    show_list(
        lambda s: stream_admissions(s, period_code=period, unit_code=unit), View.table(LIST_COLUMNS)
    )


def build() -> typer.Typer:
    return group
