"""The pipeline steps as ``candidate`` sub-commands: each records a date, a document
number and who/what, through services.pipeline, which checks the rules in force."""

from enum import StrEnum
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, arg, command, info, opt, required
from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.values import parse_date

IdArg = Annotated[int, arg("arg.person_id")]


class Route(StrEnum):
    two_members = "two-members"
    youth_union = "youth-union"
    trade_union = "trade-union"


class ClassResult(StrEnum):
    passed = "passed"
    failed = "failed"


def record(person_id: int, step: Any, when: str, **fields: Any) -> None:
    """Record one step in its own transaction and say what was recorded."""
    from dangvien_cli.cli.candidates import show_warnings
    from dangvien_cli.services.pipeline import StepInput, record_step

    occurred_on = parse_date(when)
    if occurred_on is None:
        raise InvalidValue("error.required", field="--date")
    with app_ctx().session(write=True) as session:
        outcome = record_step(session, person_id, StepInput(step, occurred_on, **fields))
        event_id = outcome.event.id
    show_warnings(outcome.warnings)
    info(
        t(
            "step.recorded",
            step=t(f"step.{step.value}"),
            id=person_id,
            date=fmt_date(occurred_on),
            event=event_id,
        )
    )


def parse_introducer(text: str) -> dict[str, Any]:
    """'Name' or 'Name:months' (months worked or lived together), official by default."""
    name, _, months = text.partition(":")
    entry: dict[str, Any] = {"name": name.strip(), "is_official": True}
    if months.strip():
        if not months.strip().isdigit():
            raise InvalidValue("error.invalid_int", value=months, field="--introducer")
        entry["months_together"] = int(months)
    return entry


def register_steps(group: typer.Typer) -> None:
    from dangvien_cli.vocab import Step

    DateOpt = Annotated[str, required("--date", help_key="opt.date")]  # noqa: N806
    DocOpt = Annotated[str | None, opt("--document", help_key="opt.document")]  # noqa: N806

    @command(group, "mentor", help_key="help.step.mentor", records=False)
    def mentor(
        person_id: IdArg,
        *,
        date: DateOpt,
        name: Annotated[str, required("--name", help_key="opt.mentor")],
        document: DocOpt = None,
    ) -> None:
        record(person_id, Step.mentor, date, document_no=document, detail={"mentor": name})

    @command(group, "class-result", help_key="help.step.class", records=False)
    def class_result(
        person_id: IdArg,
        *,
        date: DateOpt,
        certificate: Annotated[str | None, opt("--certificate", help_key="opt.certificate")] = None,
        result: Annotated[ClassResult, opt("--result", help_key="opt.result")] = ClassResult.passed,
        issuer: Annotated[str | None, opt("--issuer", help_key="opt.issuer")] = None,
    ) -> None:
        if result is ClassResult.failed:
            record(person_id, Step.dossier, date, detail={"item": "class-failed"}, issuer=issuer)
            return
        record(
            person_id,
            Step.class_passed,
            date,
            document_no=certificate,
            issuer=issuer,
            detail={"result": result.value},
        )

    @command(group, "introducers", help_key="help.step.introducers", records=False)
    def introducers(
        person_id: IdArg,
        *,
        date: DateOpt,
        introducer: Annotated[list[str], required("--introducer", help_key="opt.introducer")],
        route: Annotated[Route, opt("--route", help_key="opt.route")] = Route.two_members,
        document: DocOpt = None,
    ) -> None:
        people = [parse_introducer(x) for x in introducer]
        record(
            person_id,
            Step.introducers,
            date,
            document_no=document,
            detail={"route": route.value, "introducers": people},
        )

    @command(group, "apply", help_key="help.step.application", records=False)
    def apply(person_id: IdArg, *, date: DateOpt, document: DocOpt = None) -> None:
        record(person_id, Step.application, date, document_no=document or "1-KNĐ")

    @command(group, "dossier", help_key="help.step.dossier", records=False)
    def dossier(
        person_id: IdArg,
        item: Annotated[str, arg("arg.dossier_item")],
        *,
        date: DateOpt,
        document: DocOpt = None,
    ) -> None:
        record(person_id, Step.dossier, date, document_no=document, detail={"item": item})

    @command(group, "check", help_key="help.step.background", records=False)
    def check(person_id: IdArg, *, date: DateOpt, document: DocOpt = None) -> None:
        record(person_id, Step.background_check, date, document_no=document)

    @command(group, "vote", help_key="help.step.vote", records=False)
    def vote(
        person_id: IdArg,
        *,
        date: DateOpt,
        votes_for: Annotated[int, required("--for", help_key="opt.votes_for")],
        members: Annotated[int, required("--members", help_key="opt.official_members")],
        document: DocOpt = None,
    ) -> None:
        record(
            person_id,
            Step.cell_vote,
            date,
            document_no=document,
            detail={"votes_for": votes_for, "official_members": members},
        )

    @command(group, "recommend", help_key="help.step.recommend", records=False)
    def recommend(
        person_id: IdArg,
        *,
        date: DateOpt,
        votes_for: Annotated[int | None, opt("--for", help_key="opt.votes_for")] = None,
        members: Annotated[int | None, opt("--members", help_key="opt.committee_members")] = None,
        document: DocOpt = None,
    ) -> None:
        detail = {}
        if votes_for is not None and members is not None:
            detail = {"votes_for": votes_for, "committee_members": members}
        record(person_id, Step.committee_resolution, date, document_no=document, detail=detail)

    for name, step, help_key in (
        ("reject", Step.rejected, "help.step.reject"),
        ("withdraw", Step.withdrawn, "help.step.withdraw"),
    ):
        _exit_command(group, name, step, help_key)

    @command(group, "correct", help_key="help.step.correct", records=False)
    def correct(
        person_id: IdArg,
        *,
        event: Annotated[int, required("--event", help_key="opt.event")],
        date: DateOpt,
        document: DocOpt = None,
        reason: Annotated[str | None, opt("--reason", help_key="opt.reason")] = None,
    ) -> None:
        from dangvien_cli.services.pipeline import correction_of

        with app_ctx().session() as session:
            step, detail, issuer = correction_of(session, person_id, event)
        record(
            person_id,
            step,
            date,
            document_no=document,
            detail=detail,
            issuer=issuer,
            supersedes=event,
            note=reason,
        )

    @command(group, "exception", help_key="help.step.exception", records=False)
    def exception(
        person_id: IdArg,
        *,
        rule: Annotated[str, required("--rule", help_key="opt.rule")],
        body: Annotated[str, required("--by", help_key="opt.approved_by")],
        document: Annotated[str, required("--document", help_key="opt.document")],
        reason: Annotated[str, required("--reason", help_key="opt.reason")],
        date: Annotated[str | None, opt("--date", help_key="opt.date")] = None,
    ) -> None:
        from dangvien_cli.services.pipeline import add_exception

        with app_ctx().session(write=True) as session:
            add_exception(
                session,
                person_id,
                rule=rule,
                approved_by=body,
                document_no=document,
                reason=reason,
                approved_on=parse_date(date),
            )
        info(t("exception.recorded", rule=rule.upper(), id=person_id))


def _exit_command(group: typer.Typer, name: str, step: Any, help_key: str) -> None:
    @command(group, name, help_key=help_key, records=False)
    def leave(
        person_id: IdArg,
        *,
        date: Annotated[str, required("--date", help_key="opt.date")],
        reason: Annotated[str, required("--reason", help_key="opt.reason")],
        document: Annotated[str | None, opt("--document", help_key="opt.document")] = None,
    ) -> None:
        record(person_id, step, date, document_no=document, note=reason)
