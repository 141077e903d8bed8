"""What every command shares: the application context, the common options, the error
boundary. Nothing here imports SQLAlchemy at module level, so ``--help`` stays fast.
"""

import functools
import getpass
import inspect
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click import Context, HelpFormatter
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup

from dangvien_cli.cli import _words as words
from dangvien_cli.errors import DangvienError, RuleViolation, one_line
from dangvien_cli.i18n import MESSAGES, get_lang, has, set_lang, t
from dangvien_cli.render import OutputFormat

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from dangvien_cli.reader import Reader


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

_current: AppContext | None = None


def set_app_ctx(obj: AppContext) -> None:
    """Called by the root callback: one process (or one test invocation) runs one command."""
    global _current
    _current = obj


def app_ctx() -> AppContext:
    global _current
    if _current is None:
        _current = AppContext()
    return _current


err_console = None


def stderr_console():  # type: ignore[no-untyped-def]
    global err_console
    if err_console is None:
        from rich.console import Console

        err_console = Console(
            stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True
        )
    return err_console


def warn(text: str) -> None:
    stderr_console().print(f"{t('warning.prefix')}: {text}", style="yellow")


def info(text: str) -> None:
    stderr_console().print(text)


def interactive() -> bool:
    """True at a terminal: a missing required value is asked for instead of refused."""
    return sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("CI") is None


def yes_option() -> Any:
    """``--yes``/``-y``: a destructive command goes ahead without asking (scripts)."""
    return typer.Option("--yes", "-y", help=t("opt.yes"), show_default=False)


def confirm(question: str, *, yes: bool, needs_yes: str = "confirm.needs_yes") -> None:
    """Before a destructive act: ask at a terminal; in a script, refuse (exit 1, saying
    ``needs_yes``) unless --yes was given, since nobody is there to answer (clig.dev)."""
    if yes:
        return
    if not interactive():
        stderr_console().print(f"{t('error.prefix')}: {t(needs_yes)}", style="red")
        raise typer.Exit(1)
    if not typer.confirm(question, default=False):
        info(t("confirm.declined"))
        raise typer.Exit(1)


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


def required(*names: str, help_key: str, **fmt: Any) -> Any:
    """A required option: asked for at a terminal (choices listed), exit 2 in a script."""
    return typer.Option(
        ...,
        *names,
        help=t(help_key, **fmt),
        prompt=t(help_key, **fmt).rstrip(".") if interactive() else False,
        show_default=False,
    )


# Keywords of opt() that are Typer's, not the help text's parameters.
_OPTION_SETTINGS = frozenset({"min", "max", "callback", "metavar"})


def opt(*names: str, help_key: str, **fmt: Any) -> Any:
    settings = {k: fmt.pop(k) for k in _OPTION_SETTINGS & fmt.keys()}
    return typer.Option(*names, help=t(help_key, **fmt), show_default=False, **settings)


def choice(*names: str, enum: type[StrEnum], labels: str, help_key: str, need: bool = False) -> Any:
    """An option with closed values that takes what the tables show: the code, the
    Vietnamese words, the words without diacritics (`--stage "tạo nguồn"`, `"tao nguon"`,
    `sourced`); its help lists them. A value none of them is a usage error (exit 2).
    The parameter is annotated ``str``: the callback hands the body the enum member."""
    from dangvien_cli.values import choice_key, choice_words, parse_choice

    def read(ctx: typer.Context, param: Any, value: str | None) -> Any:
        if value is None or isinstance(value, enum):
            return value
        try:
            return parse_choice(value, enum, names[0], labels=labels)
        except DangvienError:
            choices = ", ".join(m.value for m in enum)
            message = t("choice.unknown", value=value, choices=choices)
            raise typer.BadParameter(message, ctx=ctx, param=param) from None

    def listed(member: StrEnum) -> str:
        words = choice_words(member, labels)
        if len(words) < 2 or get_lang() == "en":
            return member.value
        if choice_key(words[1]) == member.value:
            return words[1]
        return t("choice.words", label=words[1], code=member.value)

    help_text = t(help_key, choices=", ".join(map(listed, enum)))
    metavar = t("choice.metavar")
    if need:
        codes = "|".join(m.value for m in enum)
        prompt = f"{help_text.rstrip('.')} [{codes}]" if interactive() else False
        return typer.Option(
            ..., *names, help=help_text, callback=read, metavar=metavar, prompt=prompt
        )
    return typer.Option(*names, help=help_text, callback=read, metavar=metavar)


def arg(help_key: str, **kwargs: Any) -> Any:
    return typer.Argument(help=t(help_key), show_default=False, **kwargs)


def whole_number(ctx: typer.Context, param: Any, value: str | None) -> int | None:
    """A count typed on the command line (`quota set P01 2021 1.200`): a usage error (exit 2)
    when it is not a whole number or is negative."""
    from dangvien_cli.values import parse_int

    if value is None:
        return None
    field = (param.opts or [param.name])[0] if param.param_type_name == "option" else param.name
    try:
        number = parse_int(value, field)
    except DangvienError as exc:
        raise typer.BadParameter(exc.message(), ctx=ctx, param=param) from None
    if number is not None and number < 0:
        raise typer.BadParameter(
            t("error.negative", field=field, value=value), ctx=ctx, param=param
        )
    return number


def _common_parameters(records: bool) -> list[inspect.Parameter]:
    kw = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter(
            "_db",
            kw,
            default=None,
            annotation=Annotated[str | None, typer.Option("--db", help=t("opt.db"))],
        ),
        inspect.Parameter(
            "_lang",
            kw,
            default=None,
            annotation=Annotated[str | None, typer.Option("--lang", help=t("opt.lang"))],
        ),
        inspect.Parameter(
            "_reopen",
            kw,
            default=None,
            annotation=Annotated[str | None, typer.Option("--reopen", help=t("opt.reopen"))],
        ),
    ]
    if records:
        params.append(
            inspect.Parameter(
                "_fmt",
                kw,
                default=None,
                annotation=Annotated[
                    OutputFormat | None, typer.Option("--format", "-f", help=t("opt.format"))
                ],
            )
        )
    return params


# The mixin is a Command to the type checker (its super() calls reach one); at run time it
# stays a plain class, first in the bases of HelpCommand and HelpGroup.
if TYPE_CHECKING:
    from typer._click import Command as _Command
    from typer.core import TyperOption
else:
    _Command = object


class _ClerksWords(_Command):
    """Typer's own words in the clerk's language (cli/_words.py): the --help line, the usage
    line, argument names, value types, date formats, error sentences; and help texts given at
    import time (module-level option aliases) read again in the language of this invocation."""

    def get_help_option(self, ctx: Context) -> "TyperOption | None":
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("opt.help")
        return option

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        # Exact lookups: help never pays for compiling the error templates.
        pieces = [words.gettext(piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=words.gettext("Usage: "))

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        words.install_rich()
        params: list[Any] = self.get_params(ctx)  # Typer's: with help and display_type_rich
        for param in params:
            if param.help:
                param.help = text_now(param.help)
            if "display_type_rich" not in param.__dict__:
                param.display_type_rich = _type_in_clerks_words(param)
        example = "example." + ".".join(ctx.command_path.split()[1:])
        if has(example):
            self.epilog = f"{t('example.label')}: {t(example)}"
        super().format_help(ctx, formatter)

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        for param in self.params:
            if param.param_type_name == "argument":
                for key in (f"metavar.{self.name}.{param.name}", f"metavar.{param.name}"):
                    if has(key):
                        param.metavar = t(key)
                        break
        with usage_errors_in_clerks_words():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Context) -> Any:
        with usage_errors_in_clerks_words():
            return super().invoke(ctx)


def _type_in_clerks_words(param: Any) -> Callable[..., str | None]:
    """The type column of a parameter's help line: `<số>`, `<dd/mm/yyyy>` on dates."""
    typer_label = param.display_type_rich

    def label(ctx: typer.Context) -> str | None:
        if param.param_type_name == "option" and param.opts[0].lstrip("-") in DATE_OPTIONS:
            return DATE_METAVAR
        text = typer_label(ctx)
        return words.gettext(text) if text else text

    return label


class HelpCommand(_ClerksWords, TyperCommand):
    def make_parser(self, ctx: Context) -> Any:
        """A negative number (`quota set P01 2021 -3`) is a value, never an option name: no
        dangvien option is a digit, so the rule that judges the value gets to speak. Click's
        parser has no setting for it; its one step that reads a short option is wrapped."""
        parser = super().make_parser(ctx)
        read_option = parser._process_opts

        def read(arg: str, state: Any) -> None:
            if NEGATIVE_NUMBER.fullmatch(arg):
                state.largs.append(arg)
            else:
                read_option(arg, state)

        parser._process_opts = read  # type: ignore[method-assign]  # the wrapping above
        return parser


NEGATIVE_NUMBER = re.compile(r"-\d[\d.,]*")


class HelpGroup(_ClerksWords, TyperGroup):
    pass


# Options that take a day: their help shows the format the clerk types (values.parse_date).
DATE_OPTIONS = frozenset(
    {
        "as-of", "birth", "ceremony", "cell-date", "date", "decided", "dissolved", "end",
        "founded", "on", "received", "since", "sourced", "start",
    }
)  # fmt: skip
DATE_METAVAR = "<dd/mm/yyyy>"


def text_now(text: str) -> str:
    """A help text in the language of this invocation, though it was written in another one
    when its module was imported (the module-level `Annotated` aliases); Typer's own (the
    completion options) from its catalogue."""
    key = _keys_by_text().get(text)
    return t(key) if key else words.gettext(text)


@functools.cache
def _keys_by_text() -> dict[str, str]:
    keys: dict[str, str] = {}
    for key, texts in MESSAGES.items():
        if "{" not in texts[0]:
            for text in texts:
                keys.setdefault(text, key)
    return keys


class _SpokenUsageError(UsageError):
    """A usage error already in the clerk's words."""


@contextmanager
def usage_errors_in_clerks_words() -> Iterator[None]:
    """Typer's usage errors (exit 2) in the clerk's language, whatever part of Typer wrote
    them; a Typer error that is not a usage error keeps its own exit code."""
    try:
        yield
    except ClickException as exc:
        words.install_rich()  # Typer shows the error in a Rich panel: its title in our words
        if isinstance(exc, _SpokenUsageError) or type(exc).__name__ == "NoArgsIsHelpError":
            raise
        spoken = _SpokenUsageError(
            words.translate(exc.format_message()), ctx=getattr(exc, "ctx", None)
        )
        spoken.exit_code = exc.exit_code
        raise spoken from None


def group_options(
    db: Annotated[str | None, typer.Option("--db", help=t("opt.db"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=t("opt.lang"))] = None,
    output_format: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", help=t("opt.format"))
    ] = None,
) -> None:
    """--db, --lang and --format right after a group's name too (`dangvien unit --lang en`)."""
    obj = app_ctx()
    lang_callback(lang)
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
                set_lang(lang)
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
        group.command(name, help=t(help_key), cls=HelpCommand)(wrapper)
        return fn

    return decorate


def check_arguments(ctx: typer.Context, values: dict[str, Any]) -> None:
    """Refuse at the door what no command may store or print: a control character (NUL,
    ESC, …; tab is let through), bytes that were not UTF-8, a whole number no column can
    hold. Every command's arguments pass here, before any of them is used."""
    from dangvien_cli.values import check_int
    from dangvien_cli.vntext import control_char

    names = {p.name: (p.opts[0] if p.opts else p.name) for p in ctx.command.params}
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


def describe_command(ctx: typer.Context) -> str:
    """The command as the audit trail records it: its path and the values given."""
    given = [
        f"{name}={value}"
        for name, value in ctx.params.items()
        if not name.startswith("_") and value not in (None, False, [], ())
    ]
    return " ".join([ctx.command_path, *given])[:200]


@contextmanager
def error_boundary() -> Iterator[None]:
    """Turn every failure into one line on stderr and the documented exit code."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except DangvienError as exc:
        # One line, never a whole ID card or phone number, whatever value it echoes back;
        # at a terminal, several broken rules as a list, one per line.
        lines = exc.lines() if isinstance(exc, RuleViolation) else []
        if len(lines) > 1 and sys.stderr.isatty():
            head = t("rule.refused_many", count=len(lines))
            stderr_console().print(f"{t('error.prefix')}: {head}", style="red")
            for line in lines:
                stderr_console().print(f"  • {one_line(line)}", style="red")
        else:
            stderr_console().print(f"{t('error.prefix')}: {one_line(exc.message())}", style="red")
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        stderr_console().print(t("error.interrupted"))
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`dangvien … | head`): stop quietly, as a SIGPIPE would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except OverflowError:
        # A date or number computed from a value the user gave ran past what Python's
        # dates can hold (--within 99999999 days): the value, not the program, is wrong.
        stderr_console().print(f"{t('error.prefix')}: {t('error.out_of_range')}", style="red")
        raise typer.Exit(1) from None
    except Exception as exc:
        from dangvien_cli.dialect import engine_refusal

        refusal = engine_refusal(exc)
        if refusal is None and isinstance(exc, OSError) and exc.strerror:
            # The machine refused: a full disk, a folder where a file was named, no right.
            where = f"{exc.filename}: " if exc.filename else ""
            refusal = DangvienError("error.os", reason=f"{where}{exc.strerror}")
        if refusal is not None:
            message = one_line(refusal.message())
            stderr_console().print(f"{t('error.prefix')}: {message}", style="red")
            raise typer.Exit(1) from None
        if os.environ.get("DANGVIEN_DEBUG") == "1":
            traceback.print_exc()
        kind = type(exc).__name__
        stderr_console().print(f"{t('error.prefix')}: {t('error.unexpected', kind=kind)}")
        raise typer.Exit(1) from None


def lang_callback(value: str | None) -> str | None:
    if value is not None and value not in ("vi", "en"):
        raise typer.BadParameter(t("choice.not_one_of", value=value, choices="vi, en"))
    return value


__all__ = [
    "AppContext",
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
    "warn",
    "yes_option",
]
