"""dangvien audit …: the trail of every change."""

from datetime import UTC
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import app_ctx, command, new_group
from dangvien_cli.cli._options import opt
from dangvien_cli.i18n import t
from dangvien_cli.render import Column, OutputFormat
from dangvien_cli.render_output import View, deliver
from dangvien_cli.values import parse_date, parse_int

COLUMNS = [
    Column("id", "col.entry", "int"),  # the entry's number, not a person's "Mã số"
    Column("when", "col.at", wrap=False),  # a moment reads on one line
    Column("actor", "col.actor", drop=1),  # at 80 columns: the actor, then the entity
    Column("action", "col.action", labels="audit_action"),
    Column("entity", "col.entity", labels="audit_entity", drop=2),
    Column("entity_id", "col.entity_id", max_width=30),
    Column("change", "col.change", max_width=60, flex=True),
]


def _local(at: Any) -> str:
    if at is None:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%d/%m/%Y %H:%M:%S")


def summary(entry: dict[str, Any]) -> str:
    """One line for a table: what changed from what to what."""
    before, after = entry["before"], entry["after"]
    if isinstance(before, dict) and isinstance(after, dict):
        keys = sorted(k for k in after if before.get(k) != after.get(k))
        return "; ".join(f"{k}: {before.get(k)} → {after.get(k)}" for k in keys)
    shown = after if after is not None else before
    if isinstance(shown, dict):
        return "; ".join(f"{k}={v}" for k, v in sorted(shown.items()) if v not in (None, ""))
    return "" if shown is None else str(shown)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "list", help_key="help.audit.list")
def list_(
    *,
    entity: Annotated[str | None, opt("--entity", help_key="opt.entity")] = None,
    since: Annotated[str | None, opt("--since", help_key="opt.since")] = None,
    actor: Annotated[str | None, opt("--by", help_key="opt.actor_filter")] = None,
    # The filter's old name: the root --actor names who makes a change, so the filter
    # was renamed; kept, hidden, for scripts (harmless: audit list writes nothing).
    old_actor: Annotated[str | None, typer.Option("--actor", hidden=True)] = None,
    limit: Annotated[str | None, opt("--limit", help_key="opt.limit")] = None,
    show_private: Annotated[bool, opt("--show-private", help_key="opt.show_private")] = False,
) -> None:
    from dangvien_cli.services.audit import list_entries

    ctx = app_ctx()
    with ctx.session() as session:
        rows = list_entries(
            session,
            entity=entity,
            since=parse_date(since),
            actor=actor or old_actor,
            limit=parse_int(limit, "--limit"),
            show_private=show_private,
        )
    if ctx.fmt is OutputFormat.table:
        rows = [{**r, "when": _local(r["at"]), "change": summary(r)} for r in rows]
    deliver(rows, View.table(COLUMNS, t("title.audit")), None, fmt=ctx.fmt)


def build() -> typer.Typer:
    return group
