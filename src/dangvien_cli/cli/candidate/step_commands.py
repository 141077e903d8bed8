"""The pipeline steps as ``candidate`` sub-commands, declared on the candidate group when
this module is imported (``commands`` imports it): each records a date, a document number
and who/what, through services.pipeline, which checks the rules in force."""

from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command
from dangvien_cli.cli._options import (
    DocumentOpt,
    PersonIdArg,
    StepDateOpt,
    arg,
    choice,
    opt,
    required,
)
from dangvien_cli.cli.candidate._group import group
from dangvien_cli.cli.candidate.steps import (
    ClassResult,
    exit_command,
    introducer_list,
    record,
    show_outcome,
    step,
    when,
)
from dangvien_cli.i18n import t
from dangvien_cli.vocab import Area, Route, Step


@command(group, "mentor", help_key="help.step.mentor", records=False)
def mentor(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    name: Annotated[str | None, opt("--name", help_key="opt.mentor")] = None,
    member: Annotated[int | None, opt("--member", help_key="opt.mentor_member")] = None,
    document: DocumentOpt = None,
) -> None:
    from dangvien_cli.services.members import mentor_entry
    from dangvien_cli.services.pipeline import record_step

    on = when(date)
    with app_ctx().session(write=True) as session:
        detail = mentor_entry(session, member, name, on)
        item = step(Step.mentor, date, document_no=document, detail=detail)
        outcome = record_step(session, person_id, item)
    show_outcome(person_id, outcome)


@command(group, "class-result", help_key="help.step.class", records=False)
def class_result(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    certificate: Annotated[str | None, opt("--certificate", help_key="opt.certificate")] = None,
    result: Annotated[
        str, choice("--result", enum=ClassResult, labels="result", help_key="opt.result")
    ] = ClassResult.passed,
    issuer: Annotated[str | None, opt("--issuer", help_key="opt.issuer")] = None,
) -> None:
    if result is ClassResult.failed:
        record(person_id, step(Step.dossier, date, issuer=issuer, detail={"item": "class-failed"}))
        return
    record(person_id, step(Step.class_passed, date, document_no=certificate, issuer=issuer))


@command(group, "introducers", help_key="help.step.introducers", records=False)
def introducers(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    member: Annotated[
        list[str] | None, opt("--introducer-member", help_key="opt.introducer_member")
    ] = None,
    introducer: Annotated[list[str] | None, opt("--introducer", help_key="opt.introducer")] = None,
    route: Annotated[
        str, choice("--route", enum=Route, labels="route", help_key="opt.route")
    ] = Route.two_members,
    document: DocumentOpt = None,
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
            session, person_id, step(Step.introducers, date, document_no=document, detail=detail)
        )
    show_outcome(person_id, outcome)


@command(group, "apply", help_key="help.step.application", records=False)
def apply(person_id: PersonIdArg, *, date: StepDateOpt, document: DocumentOpt = None) -> None:
    record(person_id, step(Step.application, date, document_no=document))


@command(group, "dossier", help_key="help.step.dossier", records=False)
def dossier(
    person_id: PersonIdArg,
    item: Annotated[str, arg("arg.dossier_item")],
    *,
    date: StepDateOpt,
    document: DocumentOpt = None,
) -> None:
    from dangvien_cli.services.candidate_sheet import dossier_item

    form = dossier_item(item)
    record(person_id, step(Step.dossier, date, document_no=document, detail={"item": form}))


@command(group, "check", help_key="help.step.background", records=False)
def check(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    document: DocumentOpt = None,
    issuer: Annotated[str | None, opt("--issuer", help_key="opt.checked_by")] = None,
) -> None:
    record(person_id, step(Step.background_check, date, document_no=document, issuer=issuer))


@command(group, "vote", help_key="help.step.vote", records=False)
def vote(
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    votes_for: Annotated[int, required("--for", help_key="opt.votes_for")],
    members: Annotated[int | None, opt("--members", help_key="opt.official_members")] = None,
    document: DocumentOpt = None,
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
    person_id: PersonIdArg,
    *,
    date: StepDateOpt,
    votes_for: Annotated[int | None, opt("--for", help_key="opt.votes_for")] = None,
    members: Annotated[int | None, opt("--members", help_key="opt.committee_members")] = None,
    document: DocumentOpt = None,
) -> None:
    detail = {}
    if votes_for is not None and members is not None:
        detail = {"votes_for": votes_for, "committee_members": members}
    elif votes_for is not None or members is not None:
        raise typer.BadParameter(t("step.votes_pair"), param_hint="--for/--members")
    record(person_id, step(Step.committee_resolution, date, document_no=document, detail=detail))


for name, kind, help_key in (
    ("reject", Step.rejected, "help.step.reject"),
    ("withdraw", Step.withdrawn, "help.step.withdraw"),
):
    exit_command(group, name, kind, help_key)
