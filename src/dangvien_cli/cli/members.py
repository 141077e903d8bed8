"""dangvien member …: a unit's roster, one member's sheet, the key-position flag."""

from typing import Annotated, Any

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, command, info, new_group, show_list
from dangvien_cli.cli._options import OnDateOpt, UnitFilterOpt, arg, choice, opt, required
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column, emit_object
from dangvien_cli.render_output import View
from dangvien_cli.values import parse_date, required_date
from dangvien_cli.vocab import ExitReason, MemberStatus

# At 80 columns the position is left out first, then whether it is a key one.
COLUMNS = [
    Column("id", "col.id", "id"),
    Column("full_name", "col.full_name", flex=True),
    Column("unit_code", "col.unit_code"),
    Column("status", "col.member_status", "member"),
    Column("key_position", "col.key_position", "bool", drop=2),
    Column("position", "col.position", max_width=30, drop=1),
    Column("admitted_on", "col.admitted_on", "date"),
]
SHOW_FIELDS = [
    Column("id", "col.id"),
    Column("full_name", "col.full_name"),
    Column("birth_date", "col.birth_date", "date"),
    Column("gender", "col.gender", labels="gender"),
    Column("national_id", "col.national_id"),
    Column("unit_name", "col.unit"),
    Column("status", "col.member_status", "member"),
    Column("key_position", "col.key_position", "bool"),
    Column("position", "col.position"),
    Column("admitted_on", "col.admitted_on", "date"),
    Column("party_age_from", "col.party_age_from", "date"),
    Column("official_on", "col.official_date", "date"),
    Column("left_on", "col.left_on", "date", when_set=True),
    Column("exit_reason", "col.exit_reason", labels="exit_reason", when_set=True),
    Column("person_id", "col.person_id"),
]
MemberArg = Annotated[int, arg("arg.member_id")]


def _import_members(*args: Any, **kwargs: Any) -> Any:
    """services.imports.members, imported only when the command runs: --help stays fast."""
    from dangvien_cli.services.imports.members import import_members

    return import_members(*args, **kwargs)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "list", help_key="help.member.list")
def list_(
    *,
    unit: UnitFilterOpt = None,
    status: Annotated[
        str | None,
        choice("--status", enum=MemberStatus, labels="stage", help_key="opt.member_status"),
    ] = None,
    search: Annotated[str | None, opt("--search", "-s", help_key="opt.search")] = None,
    key_position: Annotated[
        bool | None, opt("--key-position/--no-key-position", help_key="opt.key_position_filter")
    ] = None,
    as_of: Annotated[str | None, opt("--as-of", help_key="opt.tree_as_of")] = None,
) -> None:
    from dangvien_cli.services.people_lists import stream_members

    chosen = MemberStatus(status).value if status else None
    day = parse_date(as_of)

    def read(s: Any) -> Any:
        return stream_members(
            s, unit_code=unit, status=chosen, search=search, key_position=key_position, as_of=day
        )

    show_list(read, View.table(COLUMNS, t("title.members")), unit_code=None if day else unit)


@command(group, "show", help_key="help.member.show")
def show(
    member_id: MemberArg,
    *,
    show_private: Annotated[bool, opt("--show-private", help_key="opt.show_private")] = False,
) -> None:
    from dangvien_cli.services.members import member_detail

    ctx = app_ctx()
    with ctx.session() as session:
        detail = member_detail(session, member_id, show_private=show_private)
    emit_object(detail, SHOW_FIELDS, ctx.fmt, title=detail["full_name"])


@command(group, "edit", help_key="help.member.edit", records=False)
def edit(
    member_id: MemberArg,
    *,
    key_position: Annotated[
        bool | None, opt("--key-position/--no-key-position", help_key="opt.key_position")
    ] = None,
    position: Annotated[str | None, opt("--position", help_key="opt.position")] = None,
) -> None:
    from dangvien_cli.services.members import edit_member

    if key_position is None and position is None:
        raise typer.BadParameter(t("member.nothing_to_edit"), param_hint="--key-position")
    with app_ctx().session(write=True) as session:
        edit_member(session, member_id, key_position=key_position, position=position)
    info(t("member.edited", id=member_id))


@command(group, "transfer", help_key="help.member.transfer", records=False)
def transfer(
    member_id: MemberArg,
    *,
    to: Annotated[str, required("--to", help_key="opt.to_unit")],
    on: OnDateOpt,
    temporary: Annotated[bool, opt("--temporary", help_key="opt.temporary")] = False,
) -> None:
    from dangvien_cli.services.restructure import transfer_member

    day = required_date(on, "--on")
    with app_ctx().session(write=True) as session:
        done = transfer_member(session, member_id, to=to, on=day, temporary=temporary)
    info(t("member.transferred", id=member_id, unit=done["unit"], on=fmt_date(day)))


@command(group, "exit", help_key="help.member.exit", records=False)
def exit_(
    member_id: MemberArg,
    *,
    reason: Annotated[
        str,
        choice(
            "--reason", enum=ExitReason, labels="exit_reason", help_key="opt.exit_reason", need=True
        ),
    ],
    on: OnDateOpt,
) -> None:
    from dangvien_cli.services.restructure import exit_member

    day = required_date(on, "--on")
    with app_ctx().session(write=True) as session:
        exit_member(session, member_id, reason=ExitReason(reason), on=day)
    info(t("member.exited", id=member_id, on=fmt_date(day)))


imp.import_command(
    group,
    help_key="help.member.import",
    runner=_import_members,
    unit_code=(Annotated[str, required("--unit", help_key="opt.unit")], ...),
)


def build() -> typer.Typer:
    return group
