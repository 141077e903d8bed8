"""dangvien quota …"""

from typing import Annotated, Any

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import (
    app_ctx,
    command,
    confirmed_write,
    info,
    new_group,
    show_list,
    warn,
)
from dangvien_cli.cli._options import (
    PeriodFilterOpt,
    UnitCodeArg,
    UnitFilterOpt,
    arg,
    opt,
    whole_number,
    yes_option,
)
from dangvien_cli.i18n import code_label, fmt_int, t
from dangvien_cli.render import Column
from dangvien_cli.render_output import View

DEFAULT_SOURCE = "cap-tren"
COLUMNS = [
    Column("unit_code", "col.unit_code"),
    Column("unit_name", "col.name", max_width=45),
    Column("period", "col.period"),
    Column("source", "col.source", labels="quota_source"),
    Column("target", "col.target", "int"),
]


def _import_quotas(*args: Any, **kwargs: Any) -> Any:
    """services.imports.quotas, imported only when the command runs: --help stays fast."""
    from dangvien_cli.services.imports.quotas import import_quotas

    return import_quotas(*args, **kwargs)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "set", help_key="help.quota.set", records=False)
def set_(
    unit: UnitCodeArg,
    period: Annotated[str, arg("arg.period")],
    target: Annotated[str, arg("arg.target", callback=whole_number)],
    *,
    source: Annotated[str | None, opt("--source", help_key="opt.source_set")] = None,
) -> None:
    from dangvien_cli.services.quotas import set_quota

    value: int | None = target  # type: ignore[assignment]  # read by whole_number
    with app_ctx().session(write=True) as session:
        quota, outcome = set_quota(
            session, unit_code=unit, period_code=period, target=value or 0, source=source
        )
    label = code_label("quota_source", quota["source"])
    info(t("quota.saved", **{**quota, "target": fmt_int(quota["target"]), "source": label}))
    if source is None and outcome == "new":
        # a figure reports compare: a source the clerk did not give is said, not assumed
        warn(t("quota.source_defaulted", count=1, source=label))


@command(group, "unset", help_key="help.quota.unset", records=False)
def unset(
    unit: UnitCodeArg,
    period: Annotated[str, arg("arg.period")],
    *,
    source: Annotated[str | None, opt("--source", help_key="opt.source_unset")] = None,
    yes: Annotated[bool, yes_option()] = False,
) -> None:
    from dangvien_cli.services.quotas import unset_quota

    def shown(quota: dict[str, Any]) -> dict[str, Any]:
        return {**quota, "target": fmt_int(quota["target"])}

    removed = confirmed_write(
        lambda s: unset_quota(s, unit_code=unit, period_code=period, source=source),
        lambda q: t("quota.unset_confirm", **shown(q)),
        yes=yes,
    )
    info(t("quota.unset_done", **shown(removed)))


@command(group, "list", help_key="help.quota.list")
def list_(*, period: PeriodFilterOpt = None, unit: UnitFilterOpt = None) -> None:
    from dangvien_cli.services.quotas import list_quotas

    show_list(
        lambda s: list_quotas(s, period_code=period, unit_code=unit),
        View.table(COLUMNS, t("title.quotas")),
    )


imp.import_command(
    group,
    help_key="help.quota.import",
    runner=_import_quotas,
    default_source=(Annotated[str, typer.Option("--source", help=t("opt.source"))], DEFAULT_SOURCE),
)


def build() -> typer.Typer:
    return group
