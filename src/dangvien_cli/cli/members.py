"""dangvien member …: a unit's roster."""

from typing import Annotated

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, command, opt, required
from dangvien_cli.i18n import t
from dangvien_cli.render import Column, emit
from dangvien_cli.vocab import MemberStatus

COLUMNS = [
    Column("id", "col.id", "int"),
    Column("full_name", "col.full_name"),
    Column("unit_code", "col.unit_code"),
    Column("status", "col.member_status", "member"),
    Column("key_position", "col.key_position", "bool"),
    Column("position", "col.position", max_width=30),
    Column("admitted_on", "col.admitted_on", "date"),
]


def build() -> typer.Typer:
    group = typer.Typer(no_args_is_help=True)

    @command(group, "list", help_key="help.member.list")
    def list_(
        *,
        unit: Annotated[str | None, opt("--unit", help_key="opt.unit_filter")] = None,
        status: Annotated[
            MemberStatus | None, opt("--status", help_key="opt.member_status")
        ] = None,
    ) -> None:
        from dangvien_cli.services.people import list_members

        ctx = app_ctx()
        with ctx.session() as session:
            rows = list_members(session, unit_code=unit, status=status.value if status else None)
        emit(rows, COLUMNS, ctx.fmt, title=t("title.members"))

    imp.import_command(
        group,
        help_key="help.member.import",
        runner="dangvien_cli.services.imports.members:import_members",
        unit_code=(Annotated[str, required("--unit", help_key="opt.unit")], ...),
    )

    return group
