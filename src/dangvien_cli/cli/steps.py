"""The pipeline steps as ``candidate`` sub-commands: each records a date, a document
number and who/what, through services.pipeline, which checks the rules in force."""

from enum import StrEnum
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, arg, choice, command, info, opt, required, warn
from dangvien_cli.errors import InvalidValue, Unparseable
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.values import parse_date
from dangvien_cli.vocab import Area, Route

IdArg = Annotated[int, arg("arg.person_id")]


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


def register_steps(group: typer.Typer) -> None:
    from dangvien_cli.vocab import Step

    DateOpt = Annotated[str, required("--date", help_key="opt.date")]  # noqa: N806
    DocOpt = Annotated[str | None, opt("--document", help_key="opt.document")]  # noqa: N806

    @command(group, "mentor", help_key="help.step.mentor", records=False)
    def mentor(
        person_id: IdArg,
        *,
        date: DateOpt,
        name: Annotated[str | None, opt("--name", help_key="opt.mentor")] = None,
        member: Annotated[int | None, opt("--member", help_key="opt.mentor_member")] = None,
        document: DocOpt = None,
    ) -> None:
        from dangvien_cli.services.members import mentor_entry
        from dangvien_cli.services.pipeline import record_step

        with app_ctx().session(write=True) as session:
            detail = mentor_entry(session, member, name)
            item = step(Step.mentor, date, document_no=document, detail=detail)
            outcome = record_step(session, person_id, item)
        show_outcome(person_id, outcome)

    @command(group, "class-result", help_key="help.step.class", records=False)
    def class_result(
        person_id: IdArg,
        *,
        date: DateOpt,
        certificate: Annotated[str | None, opt("--certificate", help_key="opt.certificate")] = None,
        result: Annotated[
            str, choice("--result", enum=ClassResult, labels="result", help_key="opt.result")
        ] = ClassResult.passed,
        issuer: Annotated[str | None, opt("--issuer", help_key="opt.issuer")] = None,
    ) -> None:
        if result is ClassResult.failed:
            record(
                person_id, step(Step.dossier, date, issuer=issuer, detail={"item": "class-failed"})
            )
            return
        record(person_id, step(Step.class_passed, date, document_no=certificate, issuer=issuer))

    @command(group, "introducers", help_key="help.step.introducers", records=False)
    def introducers(
        person_id: IdArg,
        *,
        date: DateOpt,
        member: Annotated[
            list[str] | None, opt("--introducer-member", help_key="opt.introducer_member")
        ] = None,
        introducer: Annotated[
            list[str] | None, opt("--introducer", help_key="opt.introducer")
        ] = None,
        route: Annotated[
            str, choice("--route", enum=Route, labels="route", help_key="opt.route")
        ] = Route.two_members,
        document: DocOpt = None,
        union_document: Annotated[
            str | None, opt("--union-document", help_key="opt.union_document")
        ] = None,
    ) -> None:
        from dangvien_cli.services.members import introducer_entries
        from dangvien_cli.services.pipeline import record_step

        people = introducer_list(introducer or [], member or [])
        with app_ctx().session(write=True) as session:
            entries = introducer_entries(session, person_id, when(date), people)
            detail: dict[str, Any] = {"route": Route(route).value, "introducers": entries}
            if union_document:
                detail["union_document"] = union_document
            outcome = record_step(
                session,
                person_id,
                step(Step.introducers, date, document_no=document, detail=detail),
            )
        show_outcome(person_id, outcome)

    @command(group, "apply", help_key="help.step.application", records=False)
    def apply(person_id: IdArg, *, date: DateOpt, document: DocOpt = None) -> None:
        record(person_id, step(Step.application, date, document_no=document))

    @command(group, "dossier", help_key="help.step.dossier", records=False)
    def dossier(
        person_id: IdArg,
        item: Annotated[str, arg("arg.dossier_item")],
        *,
        date: DateOpt,
        document: DocOpt = None,
    ) -> None:
        from dangvien_cli.services.candidate_sheet import dossier_item

        form = dossier_item(item)
        record(person_id, step(Step.dossier, date, document_no=document, detail={"item": form}))

    @command(group, "check", help_key="help.step.background", records=False)
    def check(
        person_id: IdArg,
        *,
        date: DateOpt,
        document: DocOpt = None,
        issuer: Annotated[str | None, opt("--issuer", help_key="opt.checked_by")] = None,
    ) -> None:
        record(person_id, step(Step.background_check, date, document_no=document, issuer=issuer))

    @command(group, "vote", help_key="help.step.vote", records=False)
    def vote(
        person_id: IdArg,
        *,
        date: DateOpt,
        votes_for: Annotated[int, required("--for", help_key="opt.votes_for")],
        members: Annotated[int | None, opt("--members", help_key="opt.official_members")] = None,
        document: DocOpt = None,
        area: Annotated[
            str | None, choice("--area", enum=Area, labels="area", help_key="opt.area")
        ] = None,
    ) -> None:
        detail: dict[str, Any] = {"votes_for": votes_for}
        if members is not None:  # else the cell's roster on the day gives it (R14)
            detail["official_members"] = members
        if area is not None:
            detail["area_exception"] = Area(area).value
        record(person_id, step(Step.cell_vote, date, document_no=document, detail=detail))

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
        elif votes_for is not None or members is not None:
            raise typer.BadParameter(t("step.votes_pair"), param_hint="--for/--members")
        record(
            person_id, step(Step.committee_resolution, date, document_no=document, detail=detail)
        )

    for name, kind, help_key in (
        ("reject", Step.rejected, "help.step.reject"),
        ("withdraw", Step.withdrawn, "help.step.withdraw"),
    ):
        exit_command(group, name, kind, help_key)

    from dangvien_cli.cli.corrections import register_corrections

    register_corrections(group)


def exit_command(group: typer.Typer, name: str, kind: Any, help_key: str) -> None:
    @command(group, name, help_key=help_key, records=False)
    def leave(
        person_id: IdArg,
        *,
        date: Annotated[str, required("--date", help_key="opt.date")],
        reason: Annotated[str, required("--reason", help_key="opt.reason")],
        document: Annotated[str | None, opt("--document", help_key="opt.document")] = None,
    ) -> None:
        record(person_id, step(kind, date, document_no=document, note=reason))
