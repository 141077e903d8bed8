"""dangvien unit …"""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, command, confirmed_write, info, new_group, show_added
from dangvien_cli.cli._options import (
    OnDateOpt,
    UnitCodeArg,
    UnitFilterOpt,
    arg,
    choice,
    opt,
    required,
    yes_option,
)
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column, emit, emit_object
from dangvien_cli.render_output import View, deliver
from dangvien_cli.values import parse_date, required_date
from dangvien_cli.vocab import Block, UnitKind

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from sqlalchemy.orm import Session

# At 80 columns the name wraps first; then the block, the parent, the kind are left out.
LIST_COLUMNS = [
    Column("code", "col.code"),
    Column("name", "col.name", max_width=50, flex=True),
    Column("kind", "col.kind", labels="unit_kind", drop=3),
    Column("parent", "col.parent", drop=2),
    Column("block", "col.block", labels="block", drop=1),
]
SHOW_FIELDS = [
    Column("code", "col.code"),
    Column("name", "col.name"),
    Column("kind", "col.kind", labels="unit_kind"),
    Column("parent", "col.parent"),
    Column("block", "col.block", labels="block"),
    Column("founded_on", "col.founded_on", "date"),
    Column("admits_from", "col.admits_from", "date", when_set=True),
    Column("admits_document", "col.admits_document", when_set=True),
    Column("dissolved_on", "col.dissolved_on", "date", when_set=True),
    Column("successor", "col.successor", when_set=True),
    # The figures below are of this day: a dissolved unit's last, unless --as-of says.
    Column("as_of", "col.figures_on", "date"),
    Column("members", "col.members", "int"),
    Column("official_members", "col.official_members", "int"),
    Column("probationary_members", "col.probationary_members", "int"),
    Column("key_position_members", "col.key_position_members", "int"),
    Column("key_position_percent", "col.key_position_percent", "percent"),
    Column("sub_unit_count", "col.sub_units", "int"),
    Column("candidates_in_progress", "col.candidates_in_progress", "int"),
    Column("admissions", "col.admissions", "int"),
]
STAGE_COLUMNS = [Column("stage", "col.stage", "stage"), Column("count", "col.count", "int")]
AsOfOpt = Annotated[str | None, opt("--as-of", help_key="opt.tree_as_of")]
# What add, edit and merge say of a unit, declared once.
KindOpt = Annotated[str | None, choice("--kind", enum=UnitKind, labels="kind", help_key="opt.kind")]
BlockOpt = Annotated[
    str | None, choice("--block", enum=Block, labels="block", help_key="opt.block")
]
ParentOpt = Annotated[str | None, opt("--parent", help_key="opt.parent")]
NewNameOpt = Annotated[str | None, opt("--name", help_key="arg.unit_name")]
NewParentOpt = Annotated[str, required("--parent", help_key="opt.new_parent")]
NewNameRequiredOpt = Annotated[str, required("--name", help_key="opt.new_name")]
FoundedOpt = Annotated[str | None, opt("--founded", help_key="opt.founded")]


def unit_record(session: "Session", code: str, as_of: "date | None" = None) -> dict[str, Any]:
    """A unit as ``unit show`` prints it (and ``unit add --format json``), as it stood on
    ``as_of`` (today when None)."""
    from dangvien_cli.services.unit_reads import unit_detail

    detail = unit_detail(session, code, as_of)
    detail["sub_unit_count"] = len(detail["sub_units"])
    return detail


def _import_units(*args: Any, **kwargs: Any) -> Any:
    """services.imports.units, imported only when the command runs: --help stays fast."""
    from dangvien_cli.services.imports.units import import_units

    return import_units(*args, **kwargs)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "add", help_key="help.unit.add")
def add(
    code: UnitCodeArg,
    name: Annotated[str, arg("arg.unit_name")],
    *,
    kind: Annotated[
        str, choice("--kind", enum=UnitKind, labels="kind", help_key="opt.kind", need=True)
    ],
    parent: ParentOpt = None,
    block: BlockOpt = None,
    founded: FoundedOpt = None,
) -> None:
    from dangvien_cli.services.units import add_unit

    with app_ctx().session(write=True) as session:
        unit = add_unit(
            session,
            code=code,
            name=name,
            kind=UnitKind(kind),
            parent=parent,
            block=Block(block) if block else None,
            founded_on=parse_date(founded),
        )
        saved = unit.code
    info(t("unit.added", code=saved))
    show_added(lambda s: unit_record(s, saved), SHOW_FIELDS)


@command(group, "edit", help_key="help.unit.edit", records=False)
def edit(
    code: UnitCodeArg,
    *,
    name: NewNameOpt = None,
    kind: KindOpt = None,
    parent: ParentOpt = None,
    block: BlockOpt = None,
    founded: FoundedOpt = None,
    dissolved: Annotated[str | None, opt("--dissolved", help_key="opt.dissolved")] = None,
    admits_from: Annotated[str | None, opt("--admits-from", help_key="opt.admits_from")] = None,
    admits_document: Annotated[
        str | None, opt("--admits-document", help_key="opt.admits_document")
    ] = None,
) -> None:
    from dangvien_cli.services.units import edit_unit

    with app_ctx().session(write=True) as session:
        unit = edit_unit(
            session,
            code,
            name=name,
            kind=UnitKind(kind) if kind else None,
            parent=parent,
            block=Block(block) if block else None,
            founded_on=parse_date(founded),
            dissolved_on=parse_date(dissolved),
            admits_from=parse_date(admits_from),
            admits_document=admits_document,
        )
        info(t("unit.edited", code=unit.code))


@command(group, "remove", help_key="help.unit.remove", records=False)
def remove(code: UnitCodeArg, *, yes: Annotated[bool, yes_option()] = False) -> None:
    from dangvien_cli.services.units import remove_unit

    removed = confirmed_write(
        lambda s: remove_unit(s, code),
        lambda u: t("unit.remove_confirm", code=u["code"], unit_name=u["name"]),
        yes=yes,
    )
    info(t("unit.removed", code=removed["code"], unit_name=removed["name"]))


def _dated_change(
    on: str, change: "Callable[[Session, date], dict[str, Any]]"
) -> "tuple[dict[str, Any], date]":
    """A change of the map (merge, move, rename) takes effect on a day the clerk must give;
    it is written in one transaction, and the day is handed back for the notice."""
    day = required_date(on, "--on")
    with app_ctx().session(write=True) as session:
        return change(session, day), day


@command(group, "merge", help_key="help.unit.merge", records=False)
def merge(
    sources: Annotated[list[str], arg("arg.source_units")],
    *,
    into: Annotated[str, required("--into", help_key="opt.into")],
    on: OnDateOpt,
    name: NewNameOpt = None,
    kind: KindOpt = None,
    parent: ParentOpt = None,
    block: BlockOpt = None,
) -> None:
    from dangvien_cli.services.restructure import merge_units

    new_kind, new_block = UnitKind(kind) if kind else None, Block(block) if block else None
    done, day = _dated_change(
        on,
        lambda s, d: merge_units(
            s, sources, into=into, on=d, name=name, kind=new_kind, parent=parent, block=new_block
        ),
    )
    sources_text = ", ".join(done["sources"])
    info(t("unit.merged", **{**done, "sources": sources_text, "on": fmt_date(day)}))


@command(group, "move", help_key="help.unit.move", records=False)
def move(code: UnitCodeArg, *, parent: NewParentOpt, on: OnDateOpt) -> None:
    from dangvien_cli.services.restructure import move_unit

    done, day = _dated_change(on, lambda s, d: move_unit(s, code, parent=parent, on=d))
    info(t("unit.moved", code=done["code"], parent=done["parent"], on=fmt_date(day)))


@command(group, "rename", help_key="help.unit.rename", records=False)
def rename(code: UnitCodeArg, *, name: NewNameRequiredOpt, on: OnDateOpt) -> None:
    from dangvien_cli.services.restructure import rename_unit

    done, day = _dated_change(on, lambda s, d: rename_unit(s, code, name=name, on=d))
    info(t("unit.renamed", code=done["code"], on=fmt_date(day)))


@command(group, "list", help_key="help.unit.list")
def list_(*, under: UnitFilterOpt = None, block: BlockOpt = None, as_of: AsOfOpt = None) -> None:
    from dangvien_cli.services.unit_reads import stream_units

    ctx = app_ctx()
    with ctx.reader() as reader:
        rows = stream_units(
            reader, under=under, block=Block(block) if block else None, as_of=parse_date(as_of)
        )
        deliver(rows, View.table(LIST_COLUMNS, t("title.units")), None, fmt=ctx.fmt)


@command(group, "show", help_key="help.unit.show")
def show(code: UnitCodeArg, *, as_of: AsOfOpt = None) -> None:
    ctx = app_ctx()
    with ctx.session() as session:
        detail = unit_record(session, code, parse_date(as_of))
    emit_object(detail, SHOW_FIELDS, ctx.fmt, title=detail["name"])
    if ctx.fmt.value != "table":
        return
    if detail["sub_units"]:
        title = t("title.sub_units")
        emit(detail["sub_units"], LIST_COLUMNS[:3], ctx.fmt, title=title, section=True)
    stages = [{"stage": s, "count": n} for s, n in detail["candidates_by_stage"].items() if n]
    if stages:
        title = t("title.candidates_in_progress")
        emit(stages, STAGE_COLUMNS, ctx.fmt, title=title, section=True)


imp.import_command(group, help_key="help.unit.import", runner=_import_units)


def build() -> typer.Typer:
    return group
