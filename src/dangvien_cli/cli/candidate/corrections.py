"""``candidate correct`` and ``candidate exception``: the two ways history is amended without
being rewritten — a correction supersedes a step, an exception waives one rule."""

from typing import Annotated

from dangvien_cli.cli._context import app_ctx, command, confirmed_write, info
from dangvien_cli.cli._options import DocumentOpt, PersonIdArg, ReasonOpt, opt, required, yes_option
from dangvien_cli.cli.candidate._group import group
from dangvien_cli.i18n import t
from dangvien_cli.values import parse_date


@command(group, "correct", help_key="help.step.correct", records=False)
def correct(
    person_id: PersonIdArg,
    *,
    event: Annotated[int, required("--event", help_key="opt.event")],
    reason: Annotated[str, required("--reason", help_key="opt.correct_reason")],
    date: Annotated[str | None, opt("--date", help_key="opt.correct_date")] = None,
    document: DocumentOpt = None,
    issuer: Annotated[str | None, opt("--issuer", help_key="opt.issuer")] = None,
    settings: Annotated[list[str] | None, opt("--set", help_key="opt.set")] = None,
) -> None:
    from dangvien_cli.cli.candidate.steps import show_outcome
    from dangvien_cli.services.corrections import correction_of, detail_changes
    from dangvien_cli.services.pipeline import StepInput, record_step

    changes = detail_changes(settings or [])
    with app_ctx().session(write=True) as session:
        kind, detail, old = correction_of(session, person_id, event)
        item = StepInput(
            kind,
            parse_date(date) or old.occurred_on,
            document_no=document if document is not None else old.document_no,
            issuer=issuer if issuer is not None else old.issuer,
            detail={**detail, **changes},
            note=reason,
            supersedes=event,
        )
        outcome = record_step(session, person_id, item)
    show_outcome(person_id, outcome)


@command(group, "void", help_key="help.step.void", records=False)
def void(
    person_id: PersonIdArg,
    *,
    reason: Annotated[str, required("--reason", help_key="opt.void_reason")],
    event: Annotated[int | None, opt("--event", help_key="opt.void_event")] = None,
    yes: Annotated[bool, yes_option()] = False,
) -> None:
    from dangvien_cli.services.corrections import void_candidate, void_event

    if event is None:
        confirmed_write(
            lambda s: void_candidate(s, person_id, reason=reason),
            lambda p: t("void.person_confirm", id=person_id, name=p["full_name"]),
            yes=yes,
        )
        info(t("void.person_done", id=person_id))
        return
    confirmed_write(
        lambda s: void_event(s, person_id, event, reason=reason),
        lambda _id: t("void.event_confirm", id=person_id, event=event),
        yes=yes,
    )
    info(t("void.event_done", id=person_id, event=event))


@command(group, "exception", help_key="help.step.exception", records=False)
def exception(
    person_id: PersonIdArg,
    *,
    rule: Annotated[str, required("--rule", help_key="opt.rule")],
    body: Annotated[str, required("--by", help_key="opt.approved_by")],
    document: Annotated[str, required("--document", help_key="opt.exception_document")],
    reason: ReasonOpt,
    date: Annotated[str | None, opt("--date", help_key="opt.approved_on")] = None,
) -> None:
    from dangvien_cli.services.rule_exceptions import add_exception

    with app_ctx().session(write=True) as session:
        exc = add_exception(
            session,
            person_id,
            rule=rule,
            approved_by=body,
            document_no=document,
            reason=reason,
            approved_on=parse_date(date),
        )
        code = exc.rule
    info(t("exception.recorded", rule=code, id=person_id))
