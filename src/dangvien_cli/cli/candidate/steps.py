"""What every step command shares (``candidate`` steps in ``step_commands``, ``admission``,
``class``): reading its date, recording it through services.pipeline, which checks the rules
in force, and saying what was recorded, warnings included."""

from enum import StrEnum
from typing import Any

import typer

from dangvien_cli.cli._context import app_ctx, command, info, warn
from dangvien_cli.cli._options import DocumentOpt, PersonIdArg, ReasonOpt, StepDateOpt
from dangvien_cli.errors import InvalidValue, Unparseable
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.values import parse_date


class ClassResult(StrEnum):
    passed = "passed"
    failed = "failed"


def when(text: str | None, field: str = "--date") -> Any:
    day = parse_date(text)
    if day is None:
        raise InvalidValue("error.required", field=field)
    return day


def show_outcome(person_id: int, outcome: Any) -> None:
    """Warnings, the exceptions relied on, and one line saying what was recorded."""
    show_warnings(outcome.warnings)
    for v, rule, document, body in outcome.excused:
        info(t("exception.applied", rule=rule, waived=v.rule, document=document, body=body))
    info(
        t(
            "step.recorded",
            step=t(f"step.{outcome.step}"),
            id=person_id,
            date=fmt_date(outcome.occurred_on),
            event=outcome.event_id,
        )
    )


def show_warnings(warnings: list[Any]) -> None:
    for v in warnings:
        warn(v.line())


def record(person_id: int, *items: Any) -> None:
    """Record one or more steps in one transaction: all of them, or none."""
    from dangvien_cli.services.pipeline import record_step

    with app_ctx().session(write=True) as session:
        outcomes = [record_step(session, person_id, item) for item in items]
    for outcome in outcomes:
        show_outcome(person_id, outcome)


def step(kind: Any, on: str | None, **fields: Any) -> Any:
    from dangvien_cli.services.pipeline import StepInput

    return StepInput(kind, when(on), **fields)


def parse_named(text: str, field: str) -> tuple[str, int | None]:
    """'X' or 'X:months' (months worked, studied or lived together, R12)."""
    name, _, months = text.rpartition(":") if ":" in text else (text, "", "")
    months = months.strip()
    if months and not months.isdigit():
        raise Unparseable("error.invalid_int", value=months, field=field)
    return name.strip(), int(months) if months else None


def introducer_list(names: list[str], members: list[str]) -> list[Any]:
    from dangvien_cli.services.members import Introducer

    out = []
    for text in members:
        ident, months = parse_named(text, "--introducer-member")
        if not ident.isdigit():
            raise Unparseable("error.invalid_int", value=ident, field="--introducer-member")
        out.append(Introducer(member_id=int(ident), months_together=months))
    for text in names:
        name, months = parse_named(text, "--introducer")
        out.append(Introducer(name=name, months_together=months))
    if not out:
        raise typer.BadParameter(t("step.no_introducers"), param_hint="--introducer-member")
    return out


def exit_command(group: typer.Typer, name: str, kind: Any, help_key: str) -> None:
    """A step that ends or sets back a candidacy (leaving, refusal, a decision not
    recognised): its day, why, and the document that says so."""

    @command(group, name, help_key=help_key, records=False)
    def leave(
        person_id: PersonIdArg,
        *,
        date: StepDateOpt,
        reason: ReasonOpt,
        document: DocumentOpt = None,
    ) -> None:
        record(person_id, step(kind, date, document_no=document, note=reason))
