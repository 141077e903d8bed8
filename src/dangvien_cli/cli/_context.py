"""What every command shares: the application context, the common options, the questions
(the option helpers are in _options.py, the help classes in _help.py, the error boundary
and stderr in _console.py, and are re-exported here for the command modules). Nothing here
imports SQLAlchemy at module level, so ``--help`` stays fast.
"""

import functools
import getpass
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from dangvien_cli.cli._console import error, error_boundary, info, stderr_console, warn
from dangvien_cli.cli._help import (
    DATE_METAVAR,
    DATE_OPTIONS,
    HelpCommand,
    HelpGroup,
    usage_errors_in_clerks_words,
)
from dangvien_cli.cli._options import (
    _common_parameters,
    arg,
    choice,
    interactive,
    opt,
    required,
    whole_number,
    yes_option,
)
from dangvien_cli.errors import DangvienError
from dangvien_cli.i18n import fmt_date, get_lang, set_lang, t
from dangvien_cli.render import OutputFormat

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from dangvien_cli.reader import Reader
    from dangvien_cli.render_output import View


@dataclass
class AppContext:
    db: str | None = None
    fmt: OutputFormat = OutputFormat.table
    actor: str | None = None
    command: str = ""
    reopen: str | None = None  # --reopen "reason": may change a closed period (guards.py)
    create: bool = False  # db init and demo may create the database; nothing else may
    _engine: "Engine | None" = field(default=None, repr=False)

    @property
    def url(self) -> str:
        from dangvien_cli.db import resolve_url

        return resolve_url(self.db)

    def engine(self) -> "Engine":
        if self._engine is None:
            from dangvien_cli.db import open_engine

            self._engine = open_engine(self.url, create=self.create)
        return self._engine

    @contextmanager
    def session(self, *, write: bool = False, dry_run: bool = False) -> Iterator["Session"]:
        """One transaction for the whole command; a refusal inside it writes nothing."""
        from dangvien_cli.db import session_scope
        from dangvien_cli.services import audit

        with session_scope(self.engine(), write=write, dry_run=dry_run) as session:
            if write:
                audit.bind(session, actor=self.who(), command=self.command, reopen=self.reopen)
            yield session

    @contextmanager
    def reader(self) -> Iterator["Reader"]:
        """A read-only view for commands that only list rows: on SQLite it starts without
        SQLAlchemy (reader.py). The same schema check and error lines as ``session()``."""
        from dangvien_cli.reader import open_reader

        with open_reader(self.url) as reader:
            yield reader

    def who(self) -> str:
        if self.actor:
            return self.actor
        try:
            return getpass.getuser()
        except Exception:  # no user name on this system: still record the change
            return "?"

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


T = TypeVar("T")


def app_ctx() -> AppContext:
    """The invocation's AppContext: ``ctx.obj`` of the running command, which the root
    callback set (Click hands it down to every group and command below the root)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    obj = ctx.find_object(AppContext) if ctx is not None else None
    if obj is None:  # a command run without the root (a test building one group)
        obj = AppContext()
        if ctx is not None:
            ctx.find_root().obj = obj
    return obj


def confirm(question: str, *, yes: bool, needs_yes: str = "confirm.needs_yes") -> None:
    """Before a destructive act: ask at a terminal; in a script, refuse (exit 1, saying
    ``needs_yes``) unless --yes was given, since nobody is there to answer (clig.dev)."""
    if yes:
        return
    if not interactive():
        error(t(needs_yes))
        raise typer.Exit(1)
    if not _answered_yes(question):
        info(t("confirm.declined"))
        raise typer.Exit(1)


# Click's confirm takes y/yes/n/no only: a clerk who answered "có" or "không" was told to
# type y or n. The words are read as a search reads them (fold: any case and diacritics).
_ANSWERS = {"y": True, "yes": True, "c": True, "co": True}
_ANSWERS |= {"n": False, "no": False, "k": False, "khong": False, "": False}


def _answered_yes(question: str) -> bool:
    from dangvien_cli.vntext import fold

    while True:
        answer = typer.prompt(f"{question} [y/N]", default="", show_default=False)
        found = _ANSWERS.get(fold(answer))
        if found is not None:
            return found
        error(t("confirm.invalid"))


def confirmed_write(
    act: "Callable[[Session], T]", question: "Callable[[T], str]", *, yes: bool
) -> T:
    """Run a destructive ``act`` in one write transaction, after asking. What is asked about
    comes from a dry run of the same act (so a refusal comes before any question, and the
    write lock is not held while someone reads the question)."""
    ctx = app_ctx()
    if not yes:
        with ctx.session(write=True, dry_run=True) as session:
            preview = act(session)
        confirm(question(preview), yes=False)
    with ctx.session(write=True) as session:
        return act(session)


def show_added(read: "Callable[[Session], dict[str, Any]]", fields: list[Any]) -> None:
    """After an ``add``: with --format json/csv/tsv, the new record as ``show`` prints it
    (one object), read back in its own transaction; a table keeps the one-line notice."""
    ctx = app_ctx()
    if ctx.fmt is OutputFormat.table:
        return
    from dangvien_cli.render import emit_object

    with ctx.session() as session:
        record = read(session)
    emit_object(record, fields, ctx.fmt)


class Counted:
    """Rows passed on as they come, counted: a list that streams can still tell afterwards
    whether it showed anything."""

    def __init__(self, rows: "Iterable[Mapping[str, Any]]") -> None:
        self._rows, self.count = iter(rows), 0

    def __iter__(self) -> "Counted":
        return self

    def __next__(self) -> "Mapping[str, Any]":
        row = next(self._rows)
        self.count += 1
        return row


def say_if_dissolved(reader: "Reader", unit_code: str) -> None:
    """A list of today for a unit dissolved since is empty: say where its people went."""
    from dangvien_cli.services.unit_reads import dissolved

    found = dissolved(reader, unit_code)
    if found is not None:
        code, last, successor = found
        key = "unit.list_dissolved" if successor else "unit.list_dissolved_alone"
        warn(t(key, code=code, day=fmt_date(last), successor=successor))


def show_list(
    read: "Callable[[Session], Iterable[Mapping[str, Any]]]",
    view: "View",
    *,
    unit_code: str | None = None,
) -> None:
    """A list command's records as the format asks, delivered while the transaction that
    reads them is open: a long list streams from the cursor instead of being held. A list of
    today for ``unit_code`` that finds nobody says so when the unit was dissolved."""
    from dangvien_cli.reader import ConnectionReader
    from dangvien_cli.render_output import deliver

    ctx = app_ctx()
    with ctx.session() as session:
        rows = Counted(read(session))
        deliver(rows, view, None, fmt=ctx.fmt)
        if unit_code and not rows.count:
            say_if_dissolved(ConnectionReader(session.connection()), unit_code)


def group_options(
    db: Annotated[str | None, typer.Option("--db", help=t("opt.db"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=t("opt.lang"))] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False),
    ] = None,
) -> None:
    """--db, --lang and --format right after a group's name too (`dangvien unit --lang en`)."""
    obj = app_ctx()
    lang = lang_callback(lang)
    if lang:
        set_lang(lang)
    if db:
        obj.db = db
    if output_format:
        obj.fmt = output_format


def new_group() -> typer.Typer:
    """A command group; a bare name lists its commands."""
    return typer.Typer(no_args_is_help=True, cls=HelpGroup, callback=group_options)


def command(
    group: typer.Typer, name: str, *, help_key: str, records: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a command: adds --db/--lang (and --format where it prints records) after the
    command too, and runs the body inside the one error boundary."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(fn, eval_str=True)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            obj = app_ctx()
            typer_ctx = kwargs.pop("_ctx")
            db = kwargs.pop("_db", None)
            lang = kwargs.pop("_lang", None)
            fmt = kwargs.pop("_fmt", None)
            obj.reopen = kwargs.pop("_reopen", None) or obj.reopen
            if db:
                obj.db = db
            if lang:
                set_lang(lang_callback(lang))
            if fmt:
                obj.fmt = fmt
            with error_boundary():
                given = {"_db": obj.db, "_reopen": obj.reopen, "_actor": obj.actor}
                check_arguments(typer_ctx, {**kwargs, **given})
                obj.command = describe_command(typer_ctx)
                try:
                    return fn(*args, **kwargs)
                finally:
                    obj.close()

        context_param = inspect.Parameter(
            "_ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context
        )
        params = [*signature.parameters.values(), context_param, *_common_parameters(records)]
        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        # Its own class, that knows the help's key: the help is read when Click's command
        # is made, in the language of that invocation, not when the module was imported.
        cls = type("HelpCommand", (HelpCommand,), {"help_key": help_key})
        group.command(name, help=t(help_key), cls=cls)(wrapper)
        return fn

    return decorate


def check_arguments(ctx: typer.Context, values: dict[str, Any]) -> None:
    """Refuse at the door what no command may store or print: a control character (NUL,
    ESC, …; tab is let through), bytes that were not UTF-8, a whole number no column can
    hold. Every command's arguments pass here, before any of them is used."""
    from dangvien_cli.values import check_int
    from dangvien_cli.vntext import control_char

    names = {p.name: _shown_name(ctx, p) for p in ctx.command.params}
    for key, value in values.items():
        field = names.get(key, "--" + key.lstrip("_"))
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, bool) or item is None:
                continue
            if isinstance(item, int):
                check_int(item, field)
                continue
            text = str(item)
            char = control_char(text)
            if char is not None:
                if "\ud800" <= chr(int(char[2:], 16)) <= "\udfff":
                    key = "text.not_utf8_path" if isinstance(item, PurePath) else "text.not_utf8"
                    raise DangvienError(key, field=field)
                raise DangvienError("text.control_char", char=char, field=field)


def _shown_name(ctx: typer.Context, param: Any) -> str:
    """A parameter as the usage line names it: an option by its flag, an argument by its
    name in the clerk's language ({MÃ_SỐ}), not the Python name (person_id)."""
    if param.param_type_name != "argument":
        return str(param.opts[0] if param.opts else param.name)
    from dangvien_cli.cli import _words

    return "'" + _words.gettext(param.get_usage_pieces(ctx)[0]).strip("{}[]. ") + "'"


def describe_command(ctx: typer.Context) -> str:
    """The command as the audit trail records it: its path and the values given."""
    given = [
        f"{name}={value}"
        for name, value in ctx.params.items()
        if not name.startswith("_") and value not in (None, False, [], ())
    ]
    return " ".join([ctx.command_path, *given])[:200]


def lang_callback(value: str | None) -> str | None:
    chosen = value.strip().lower() if value is not None else None  # --lang EN is English
    if chosen is not None and chosen not in ("vi", "en"):
        raise typer.BadParameter(t("choice.not_one_of", value=value, choices="vi, en"))
    return chosen


__all__ = [
    "DATE_METAVAR",
    "DATE_OPTIONS",
    "AppContext",
    "HelpCommand",
    "HelpGroup",
    "choice",
    "interactive",
    "usage_errors_in_clerks_words",
    "whole_number",
    "OutputFormat",
    "app_ctx",
    "arg",
    "command",
    "confirm",
    "confirmed_write",
    "error_boundary",
    "get_lang",
    "info",
    "opt",
    "required",
    "show_added",
    "show_list",
    "stderr_console",
    "warn",
    "yes_option",
]
