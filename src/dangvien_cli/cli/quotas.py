"""dangvien quota …"""

from typing import Annotated

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, arg, command, info, new_group, opt
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.render import Column, emit
from dangvien_cli.values import parse_int

DEFAULT_SOURCE = "cap-tren"
COLUMNS = [
    Column("unit_code", "col.unit_code"),
    Column("unit_name", "col.name", max_width=45),
    Column("period", "col.period"),
    Column("source", "col.source", labels="quota_source"),
    Column("target", "col.target", "int"),
]


def build() -> typer.Typer:
    group = new_group()

    @command(group, "set", help_key="help.quota.set", records=False)
    def set_(
        unit: Annotated[str, arg("arg.unit_code")],
        period: Annotated[str, arg("arg.period")],
        target: Annotated[str, arg("arg.target")],
        *,
        source: Annotated[str, opt("--source", help_key="opt.source")] = DEFAULT_SOURCE,
    ) -> None:
        from dangvien_cli.services.quotas import set_quota

        value = parse_int(target, "target")
        with app_ctx().session(write=True) as session:
            quota, _outcome = set_quota(
                session, unit_code=unit, period_code=period, target=value or 0, source=source
            )
            info(
                t(
                    "quota.saved",
                    unit=unit,
                    period=period,
                    source=quota.source,
                    target=fmt_int(quota.target),
                )
            )

    @command(group, "list", help_key="help.quota.list")
    def list_(
        *,
        period: Annotated[str | None, opt("--period", help_key="arg.period")] = None,
        unit: Annotated[str | None, opt("--unit", help_key="opt.unit_filter")] = None,
    ) -> None:
        from dangvien_cli.services.quotas import list_quotas

        ctx = app_ctx()
        with ctx.session() as session:
            rows = list_quotas(session, period_code=period, unit_code=unit)
        emit(rows, COLUMNS, ctx.fmt, title=t("title.quotas"))

    imp.import_command(
        group,
        help_key="help.quota.import",
        runner="dangvien_cli.services.imports.quotas:import_quotas",
        default_source=(
            Annotated[str, typer.Option("--source", help=t("opt.source"))],
            DEFAULT_SOURCE,
        ),
    )

    return group
