"""dangvien unit …"""

from typing import Annotated

import typer

from dangvien_cli.cli import _imports as imp
from dangvien_cli.cli._context import app_ctx, arg, command, info, new_group, opt, required
from dangvien_cli.i18n import fmt_date, t
from dangvien_cli.render import Column, emit, emit_object
from dangvien_cli.values import parse_date, required_date
from dangvien_cli.vocab import Block, UnitKind

LIST_COLUMNS = [
    Column("code", "col.code"),
    Column("name", "col.name", max_width=50),
    Column("kind", "col.kind"),
    Column("parent", "col.parent"),
    Column("block", "col.block"),
]
SHOW_FIELDS = [
    Column("code", "col.code"),
    Column("name", "col.name"),
    Column("kind", "col.kind"),
    Column("parent", "col.parent"),
    Column("block", "col.block"),
    Column("founded_on", "col.founded_on", "date"),
    Column("dissolved_on", "col.dissolved_on", "date"),
    Column("successor", "col.successor"),
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
KINDS = ", ".join(k.value for k in UnitKind)
BLOCKS = ", ".join(b.value for b in Block)


def build() -> typer.Typer:
    group = new_group()

    @command(group, "add", help_key="help.unit.add", records=False)
    def add(
        code: Annotated[str, arg("arg.unit_code")],
        name: Annotated[str, arg("arg.unit_name")],
        *,
        kind: Annotated[UnitKind, required("--kind", help_key="opt.kind", choices=KINDS)],
        parent: Annotated[str | None, opt("--parent", help_key="opt.parent")] = None,
        block: Annotated[Block | None, opt("--block", help_key="opt.block", choices=BLOCKS)] = None,
        founded: Annotated[str | None, opt("--founded", help_key="opt.founded")] = None,
    ) -> None:
        from dangvien_cli.services.units import add_unit

        with app_ctx().session(write=True) as session:
            unit = add_unit(
                session,
                code=code,
                name=name,
                kind=kind,
                parent=parent,
                block=block,
                founded_on=parse_date(founded),
            )
            info(t("unit.added", code=unit.code))

    @command(group, "edit", help_key="help.unit.edit", records=False)
    def edit(
        code: Annotated[str, arg("arg.unit_code")],
        *,
        name: Annotated[str | None, opt("--name", help_key="arg.unit_name")] = None,
        kind: Annotated[UnitKind | None, opt("--kind", help_key="opt.kind", choices=KINDS)] = None,
        parent: Annotated[str | None, opt("--parent", help_key="opt.parent")] = None,
        block: Annotated[Block | None, opt("--block", help_key="opt.block", choices=BLOCKS)] = None,
        founded: Annotated[str | None, opt("--founded", help_key="opt.founded")] = None,
        dissolved: Annotated[str | None, opt("--dissolved", help_key="opt.dissolved")] = None,
    ) -> None:
        from dangvien_cli.services.units import edit_unit

        with app_ctx().session(write=True) as session:
            unit = edit_unit(
                session,
                code,
                name=name,
                kind=kind,
                parent=parent,
                block=block,
                founded_on=parse_date(founded),
                dissolved_on=parse_date(dissolved),
            )
            info(t("unit.edited", code=unit.code))

    @command(group, "merge", help_key="help.unit.merge", records=False)
    def merge(
        sources: Annotated[list[str], arg("arg.source_units")],
        *,
        into: Annotated[str, required("--into", help_key="opt.into")],
        on: Annotated[str, required("--on", help_key="opt.on")],
        name: Annotated[str | None, opt("--name", help_key="arg.unit_name")] = None,
        kind: Annotated[UnitKind | None, opt("--kind", help_key="opt.kind", choices=KINDS)] = None,
        parent: Annotated[str | None, opt("--parent", help_key="opt.parent")] = None,
        block: Annotated[Block | None, opt("--block", help_key="opt.block", choices=BLOCKS)] = None,
    ) -> None:
        from dangvien_cli.services.restructure import merge_units

        day = required_date(on, "--on")
        with app_ctx().session(write=True) as session:
            done = merge_units(
                session,
                sources,
                into=into,
                on=day,
                name=name,
                kind=kind,
                parent=parent,
                block=block,
            )
        sources_text = ", ".join(done["sources"])
        info(t("unit.merged", **{**done, "sources": sources_text, "on": fmt_date(day)}))

    @command(group, "move", help_key="help.unit.move", records=False)
    def move(
        code: Annotated[str, arg("arg.unit_code")],
        *,
        parent: Annotated[str, required("--parent", help_key="opt.new_parent")],
        on: Annotated[str, required("--on", help_key="opt.on")],
    ) -> None:
        from dangvien_cli.services.restructure import move_unit

        day = required_date(on, "--on")
        with app_ctx().session(write=True) as session:
            done = move_unit(session, code, parent=parent, on=day)
        info(t("unit.moved", code=done["code"], parent=done["parent"], on=fmt_date(day)))

    @command(group, "rename", help_key="help.unit.rename", records=False)
    def rename(
        code: Annotated[str, arg("arg.unit_code")],
        *,
        name: Annotated[str, required("--name", help_key="opt.new_name")],
        on: Annotated[str, required("--on", help_key="opt.on")],
    ) -> None:
        from dangvien_cli.services.restructure import rename_unit

        day = required_date(on, "--on")
        with app_ctx().session(write=True) as session:
            done = rename_unit(session, code, name=name, on=day)
        info(t("unit.renamed", code=done["code"], on=fmt_date(day)))

    @command(group, "list", help_key="help.unit.list")
    def list_(
        *,
        under: Annotated[str | None, opt("--unit", help_key="opt.unit_filter")] = None,
        block: Annotated[Block | None, opt("--block", help_key="opt.block", choices=BLOCKS)] = None,
        as_of: AsOfOpt = None,
    ) -> None:
        from dangvien_cli.services.units import list_units

        ctx = app_ctx()
        with ctx.reader() as reader:
            rows = list_units(reader, under=under, block=block, as_of=parse_date(as_of))
        emit(rows, LIST_COLUMNS, ctx.fmt, title=t("title.units"))

    @command(group, "show", help_key="help.unit.show")
    def show(code: Annotated[str, arg("arg.unit_code")], *, as_of: AsOfOpt = None) -> None:
        from dangvien_cli.services.units import unit_detail

        ctx = app_ctx()
        with ctx.session() as session:
            detail = unit_detail(session, code, parse_date(as_of))
        detail["sub_unit_count"] = len(detail["sub_units"])
        emit_object(detail, SHOW_FIELDS, ctx.fmt, title=detail["name"])
        if ctx.fmt.value != "table":
            return
        if detail["sub_units"]:
            emit(detail["sub_units"], LIST_COLUMNS[:3], ctx.fmt, title=t("title.sub_units"))
        stages = [{"stage": s, "count": n} for s, n in detail["candidates_by_stage"].items() if n]
        if stages:
            emit(stages, STAGE_COLUMNS, ctx.fmt, title=t("title.candidates_in_progress"))

    imp.import_command(
        group,
        help_key="help.unit.import",
        runner="dangvien_cli.services.imports.units:import_units",
    )

    return group
