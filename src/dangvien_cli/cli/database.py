"""dangvien db …: where the database is, its schema, its backups, its health."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, confirm, info, new_group
from dangvien_cli.cli._options import arg, opt, required
from dangvien_cli.errors import DangvienError
from dangvien_cli.i18n import fmt_int, t
from dangvien_cli.render import Column
from dangvien_cli.render_output import View, deliver

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CHECK_COLUMNS = [
    Column("check", "col.check", drop=2),  # a code for scripts and the docs; the detail says it
    Column("severity", "col.severity"),
    Column("table", "col.table", drop=1),
    Column("ref", "col.ref"),
    Column("date", "col.date", "date"),
    Column("detail", "col.detail", min_width=32, max_width=70, flex=True),  # a sentence
]
COPY_COLUMNS = [
    Column("table", "col.table"),
    Column("rows", "col.rows", "int"),
    Column("checksum", "col.checksum", flex=True),
]
FileArg = Annotated[Path, arg("arg.backup_file")]


def _sqlite_file(*, must_exist: bool = True) -> Path:
    from dangvien_cli.db import describe, sqlite_path

    url = app_ctx().url
    path = sqlite_path(url)
    if path is None:
        raise DangvienError("db.sqlite_only", where=describe(url))
    if must_exist and not path.exists():
        raise DangvienError("db.file_missing", path=str(path))
    return path


def _record(action: str, what: str, *, before: dict | None = None, after: dict) -> None:  # type: ignore[type-arg]
    """A change to the whole file goes to the trail of the file as it now is."""
    from dangvien_cli.services import audit

    with app_ctx().session(write=True) as session:
        audit.record(session, "database", what, action, before=before, after=after)


# The commands, declared when the module is imported (their help is read again in the
# language of each invocation: cli/_help.py).
group = new_group()


@command(group, "path", help_key="help.db.path", records=False)
def path() -> None:
    from dangvien_cli.db import describe

    typer.echo(describe(app_ctx().url))


@command(group, "init", help_key="help.db.init", records=False)
def init() -> None:
    from dangvien_cli.db import SCHEMA_HEAD, describe, missing, open_engine

    ctx = app_ctx()
    where = describe(ctx.url)
    try:
        open_engine(ctx.url).dispose()
    except DangvienError as exc:
        if exc.key != missing(ctx.url).key:
            raise  # an older or newer schema, another program's database: say so
        # Created empty, with no entry: its trail starts with the first act on records,
        # so that `db init` then `db copy --to` (the PostgreSQL order) finds it empty, as
        # `db upgrade` of an empty database leaves it.
        open_engine(ctx.url, create=True).dispose()
        info(t("db.created", where=where))
        return
    info(t("db.exists", where=where, rev=SCHEMA_HEAD))


@command(group, "upgrade", help_key="help.db.upgrade", records=False)
def upgrade() -> None:
    from dangvien_cli.db import describe, sqlite_path
    from dangvien_cli.schema_upgrade import upgrade as run_upgrade

    ctx = app_ctx()
    url = ctx.url

    def record(session: "Session", before: str | None) -> None:
        from dangvien_cli.db import SCHEMA_HEAD
        from dangvien_cli.services import audit

        audit.bind(session, actor=ctx.who(), command=ctx.command)
        audit.record(
            session,
            "database",
            describe(url),
            "upgrade",
            before={"schema": before},
            after={"schema": SCHEMA_HEAD},
        )

    before, after = run_upgrade(url, record)
    if before == after:
        info(t("db.up_to_date", rev=after))
        return
    info(t("db.upgraded", where=describe(url), before=before or "∅", after=after))
    path = sqlite_path(url)
    if path is not None and before is not None:
        saved = sorted(path.parent.glob(f"{path.name}.{before}.*.bak"))
        if saved:
            info(t("db.backup_made", path=saved[-1]))


@command(group, "backup", help_key="help.db.backup", records=False)
def backup(target: FileArg) -> None:
    from dangvien_cli.backups import backup_sqlite, file_revision

    source = _sqlite_file()
    if target.exists():
        raise DangvienError("db.backup_exists", path=str(target))
    file_revision(source)  # not a dangvien database, or damaged: nothing to copy
    backup_sqlite(source, target)
    info(t("db.backup_made", path=target))


@command(group, "restore", help_key="help.db.restore", records=False)
def restore(
    source: FileArg, *, yes: Annotated[bool, opt("--yes", "-y", help_key="opt.yes")] = False
) -> None:
    from dangvien_cli.backups import file_revision, restore_sqlite
    from dangvien_cli.db import SCHEMA_HEAD, describe
    from dangvien_cli.services.db_check import check_backup

    target = _sqlite_file(must_exist=False)
    # A bad file is refused before anyone is asked anything: damaged, not dangvien's,
    # or failing what db check proves of its history (the guards, the hash chain).
    if file_revision(source) == SCHEMA_HEAD:
        found = check_backup(source)
        if found:
            raise DangvienError(
                "db.restore_fails_check",
                path=str(source),
                count=fmt_int(len(found)),
                first=found[0]["detail"],
            )
    question = t("db.restore_confirm", source=source, target=describe(app_ctx().url))
    confirm(question, yes=yes, needs_yes="db.restore_needs_yes")
    saved = restore_sqlite(source, target)
    _record(
        "restore",
        str(source),
        after={"from": str(source), "previous_saved_to": str(saved) if saved else None},
    )
    info(t("db.restored", source=source, target=target))
    if saved is not None:
        info(t("db.backup_made", path=saved))


@command(group, "check", help_key="help.db.check")
def check(*, as_of: Annotated[str | None, opt("--as-of", help_key="opt.as_of_day")] = None) -> None:
    from datetime import date

    from dangvien_cli.db import describe
    from dangvien_cli.services.db_check import chain_summary, run_checks
    from dangvien_cli.values import parse_date

    ctx = app_ctx()
    day = parse_date(as_of) or date.today()
    with ctx.session() as session:
        rows = run_checks(session, as_of=day)
        damaged = [r for r in rows if r["check"] == "integrity"]
        if damaged:  # one line: nothing else in the file can be judged
            problem = damaged[0]["detail"]
            raise DangvienError("db.check_damaged", where=describe(ctx.url), problem=problem)
        entries, head = chain_summary(session)
    if ctx.fmt.value == "table" and rows:
        shown = [{**r, "severity": t(f"severity.{r['severity']}")} for r in rows]
        deliver(shown, View.table(CHECK_COLUMNS, t("title.check")), None, fmt=ctx.fmt)
    elif ctx.fmt.value != "table":
        deliver(rows, View.table(CHECK_COLUMNS, t("title.check")), None, fmt=ctx.fmt)
    info(t("db.check_chain", count=fmt_int(entries), head=(head or "-")[:16]))
    if not rows:
        info(t("db.check_ok"))
        return
    info(t("db.check_found", count=fmt_int(len(rows))))
    raise typer.Exit(1)


@command(group, "copy", help_key="help.db.copy")
def copy(to: Annotated[str, required("--to", help_key="opt.copy_to")]) -> None:
    from dangvien_cli.db import describe, resolve_url
    from dangvien_cli.services.db_copy import copy_database

    ctx = app_ctx()
    source, target = ctx.url, resolve_url(to)
    copied = copy_database(source, target)
    deliver(
        [c.as_dict() for c in copied], View.table(COPY_COLUMNS, t("title.copy")), None, fmt=ctx.fmt
    )
    info(
        t(
            "copy.done",
            rows=fmt_int(sum(c.rows for c in copied)),
            tables=len(copied),
            source=describe(source),
            target=describe(target),
        )
    )


def build() -> typer.Typer:
    return group
