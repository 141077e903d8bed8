"""dangvien period …"""

from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, info, new_group, show_added, show_list
from dangvien_cli.cli._options import arg, opt, required
from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import t
from dangvien_cli.render import Column
from dangvien_cli.render_output import View
from dangvien_cli.values import parse_date

COLUMNS = [
    Column("code", "col.code"),
    Column("name", "col.name"),
    Column("kind", "col.kind", labels="period_kind"),
    Column("start_on", "col.start_on", "date"),
    Column("end_on", "col.end_on", "date"),
    Column("closed", "col.closed", "bool"),
]


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "add", help_key="help.period.add")
def add(
    code: Annotated[str, arg("arg.period")],
    *,
    start: Annotated[str, required("--start", help_key="opt.start")],
    end: Annotated[str, required("--end", help_key="opt.end")],
    name: Annotated[str | None, opt("--name", help_key="opt.period_name")] = None,
) -> None:
    from dangvien_cli.services.quotas import add_period, get_period, period_row

    start_on, end_on = parse_date(start), parse_date(end)
    if start_on is None or end_on is None:
        raise InvalidValue("error.required", field="--start/--end")
    with app_ctx().session(write=True) as session:
        period = add_period(session, code=code, name=name, start_on=start_on, end_on=end_on)
        saved = period.code
    info(t("period.saved", code=saved))
    show_added(lambda s: period_row(get_period(s, saved)), COLUMNS)


@command(group, "list", help_key="help.period.list")
def list_() -> None:
    from dangvien_cli.services.quotas import list_periods

    show_list(list_periods, View.table(COLUMNS))


@command(group, "close", help_key="help.period.close", records=False)
def close(code: Annotated[str, arg("arg.period")]) -> None:
    from dangvien_cli.i18n import fmt_date
    from dangvien_cli.services.quotas import close_period

    with app_ctx().session(write=True) as session:
        period, changed = close_period(session, code)
        key = "period.closed" if changed else "period.already_closed"
        info(t(key, code=period.code, by=period.closed_by, date=fmt_date(period.closed_at)))


@command(group, "reopen", help_key="help.period.reopen", records=False)
def reopen(
    code: Annotated[str, arg("arg.period")],
    *,
    reason: Annotated[str, required("--reason", help_key="opt.reopen_reason")],
) -> None:
    from dangvien_cli.services.quotas import reopen_period

    with app_ctx().session(write=True) as session:
        period = reopen_period(session, code, reason=reason)
        info(t("period.reopened", code=period.code))


def build() -> typer.Typer:
    return group
