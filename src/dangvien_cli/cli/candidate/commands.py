"""dangvien candidate …: register, list, show, import. The pipeline steps live in
cli/candidate/steps.py and corrections.py and are added to this group there."""

from datetime import date
from typing import Annotated, Any

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, command, info, show_added, warn
from dangvien_cli.cli._options import arg, choice, opt, required
from dangvien_cli.cli.candidate._group import group
from dangvien_cli.i18n import t
from dangvien_cli.render import Column, OutputFormat, emit, emit_object
from dangvien_cli.values import parse_date
from dangvien_cli.vocab import Gender, Stage

# At 80 columns names wrap first; then the stage's date and the birth date are left out.
LIST_COLUMNS = [
    Column("id", "col.id", "id"),
    Column("full_name", "col.full_name", flex=True),
    Column("birth_date", "col.birth_date", "date", drop=2),
    Column("unit_code", "col.unit_code"),
    Column("stage", "col.stage", "stage"),
    Column("stage_on", "col.stage_on", "date", drop=1),
]


def _import_candidates(*args: Any, **kwargs: Any) -> Any:
    """services.imports.candidates, imported only when the command runs: --help stays fast."""
    from dangvien_cli.services.imports.candidates import import_candidates

    return import_candidates(*args, **kwargs)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).


@command(group, "add", help_key="help.candidate.add")
def add(
    full_name: Annotated[str, arg("arg.full_name")],
    *,
    unit: Annotated[str, required("--unit", help_key="opt.unit")],
    birth: Annotated[str, required("--birth", help_key="opt.birth")],
    gender: Annotated[
        str, choice("--gender", enum=Gender, labels="gender", help_key="opt.gender", need=True)
    ],
    ethnicity: Annotated[str | None, opt("--ethnicity", help_key="opt.ethnicity")] = None,
    religion: Annotated[str | None, opt("--religion", help_key="opt.religion")] = None,
    education: Annotated[str | None, opt("--education", help_key="opt.education")] = None,
    occupation: Annotated[str | None, opt("--occupation", help_key="opt.occupation")] = None,
    national_id: Annotated[str | None, opt("--national-id", help_key="opt.national_id")] = None,
    phone: Annotated[str | None, opt("--phone", help_key="opt.phone")] = None,
    youth_union: Annotated[bool, opt("--youth-union", help_key="opt.youth_union")] = False,
    trade_union: Annotated[bool, opt("--trade-union", help_key="opt.trade_union")] = False,
    sourced: Annotated[str | None, opt("--sourced", help_key="opt.sourced")] = None,
    mentor: Annotated[str | None, opt("--mentor", help_key="opt.mentor")] = None,
    mentor_member: Annotated[
        int | None, opt("--mentor-member", help_key="opt.mentor_member")
    ] = None,
) -> None:
    from dangvien_cli.cli.candidate.steps import show_warnings
    from dangvien_cli.models import stored_id
    from dangvien_cli.services.members import mentor_entry
    from dangvien_cli.services.people import PersonInput, education_code
    from dangvien_cli.services.pipeline import register_candidate

    data = PersonInput(
        full_name=full_name,
        birth_date=parse_date(birth),
        gender=Gender(gender),
        ethnicity=ethnicity,
        religion=religion,
        education=education_code(education) if education else None,
        occupation=occupation,
        national_id=national_id,
        phone=phone,
        youth_union=youth_union,
        trade_union=trade_union,
    )
    with app_ctx().session(write=True) as session:
        guide, sourced_on = None, parse_date(sourced)
        if mentor or mentor_member is not None:
            guide = mentor_entry(session, mentor_member, mentor, sourced_on or date.today())
        person, warnings, similar = register_candidate(
            session, data, unit_code=unit, sourced_on=sourced_on, mentor=guide
        )
        person_id = stored_id(person)
        from dangvien_cli.models import Unit
        from dangvien_cli.services.units import get_unit

        typed, now_in = get_unit(session, unit), session.get(Unit, person.unit_id)
        moved = (typed.code, now_in.code) if now_in and now_in.id != typed.id else None
    show_warnings(warnings)
    if moved is not None:  # registered in a unit merged since (services.people.add_person)
        info(t("candidate.moved_by_merge", code=moved[0], successor=moved[1]))
    stated = (
        ("--ethnicity", ethnicity),
        ("--religion", religion),
        ("--education", education),
        ("--occupation", occupation),
    )
    for name, value in stated:
        if value is None:  # Biểu 2-BTCTW counts it: stored unknown, and said so
            warn(t("person.not_stated", field=name))
    if similar:
        warn(t("person.possible_duplicate", ids=", ".join(map(str, similar))))
    if app_ctx().fmt is OutputFormat.table:
        typer.echo(person_id)  # `pid=$(dangvien candidate add …)` in a script
        return
    from dangvien_cli.cli.candidate.sheet import SHOW_FIELDS
    from dangvien_cli.services.candidate_sheet import candidate_detail

    show_added(lambda s: candidate_detail(s, person_id), SHOW_FIELDS)


@command(group, "list", help_key="help.candidate.list")
def list_(
    *,
    unit: Annotated[str | None, opt("--unit", help_key="opt.unit_filter")] = None,
    stage: Annotated[
        str | None, choice("--stage", enum=Stage, labels="stage", help_key="opt.stage")
    ] = None,
    search: Annotated[str | None, opt("--search", "-s", help_key="opt.search")] = None,
    show_private: Annotated[bool, opt("--show-private", help_key="opt.show_private")] = False,
) -> None:
    from dangvien_cli.cli._context import Counted, say_if_dissolved
    from dangvien_cli.services.people_lists import stream_candidates

    ctx = app_ctx()
    with ctx.reader() as reader:
        rows = stream_candidates(
            reader, unit_code=unit, stage=stage, search=search, show_private=show_private
        )
        shown = Counted(rows)
        emit(shown, LIST_COLUMNS, ctx.fmt, title=t("title.candidates"))
        if unit and not shown.count:
            say_if_dissolved(reader, unit)


@command(group, "show", help_key="help.candidate.show")
def show(
    person_id: Annotated[int, arg("arg.person_id")],
    *,
    show_private: Annotated[bool, opt("--show-private", help_key="opt.show_private")] = False,
) -> None:
    from dangvien_cli.cli.candidate.sheet import SHOW_FIELDS, print_candidate
    from dangvien_cli.services.candidate_sheet import candidate_detail, roster_only_member
    from dangvien_cli.services.members import member_detail

    ctx = app_ctx()
    with ctx.session() as session:
        member_id = roster_only_member(session, person_id)
        if member_id is not None:
            detail = member_detail(session, member_id, show_private=show_private)
        else:
            detail = candidate_detail(session, person_id, show_private=show_private)
    if member_id is not None:
        # a member known only from a roster has no admission story here: the member sheet
        from dangvien_cli.cli.members import SHOW_FIELDS as MEMBER_FIELDS

        info(t("candidate.roster_only", id=person_id))
        emit_object(detail, MEMBER_FIELDS, ctx.fmt, title=detail["full_name"])
        return
    if ctx.fmt is not OutputFormat.table:
        emit_object(detail, SHOW_FIELDS, ctx.fmt)
        return
    print_candidate(detail)


imp.import_command(group, help_key="help.candidate.import", runner=_import_candidates)


def build() -> typer.Typer:
    return group


# The steps, then the corrections, declare their commands on the same group, in the order
# the help lists them.
# isort: off
from dangvien_cli.cli.candidate import step_commands  # noqa: E402, F401
from dangvien_cli.cli.candidate import corrections  # noqa: E402, F401
# isort: on
