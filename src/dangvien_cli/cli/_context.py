"""What every command shares: the application context, the common options, the error
boundary. Nothing here imports SQLAlchemy at module level, so ``--help`` stays fast.
"""

import functools
import getpass
import inspect
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from dangvien_cli.errors import DangvienError, RuleViolation, one_line
from dangvien_cli.i18n import get_lang, set_lang, t
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
    _engine: "Engine | None" = field(default=None, repr=False)

    @property
    def url(self) -> str:
        from dangvien_cli.db import resolve_url

        return resolve_url(self.db)

    def engine(self) -> "Engine":
        if self._engine is None:
            from dangvien_cli.db import open_engine

            self._engine = open_engine(self.url)
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


def required(*names: str, help_key: str, **fmt: Any) -> Any:
    """A required option: asked for at a terminal (choices listed), exit 2 in a script."""
    return typer.Option(
        ...,
        *names,
        help=t(help_key, **fmt),
        prompt=t(help_key, **fmt).rstrip(".") if interactive() else False,
        show_default=False,
    )


def opt(*names: str, help_key: str, **fmt: Any) -> Any:
    return typer.Option(*names, help=t(help_key, **fmt), show_default=False)


def arg(help_key: str, **kwargs: Any) -> Any:
    return typer.Argument(help=t(help_key), show_default=False, **kwargs)


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


class _TranslatedHelp:
    """Typer's own --help line ("Show this message and exit.") in the clerk's language."""

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("opt.help")
        return option


class HelpCommand(_TranslatedHelp, TyperCommand):
    pass


class HelpGroup(_TranslatedHelp, TyperGroup):
    pass


def new_group() -> typer.Typer:
    """A command group; a bare name lists its commands."""
    return typer.Typer(no_args_is_help=True, cls=HelpGroup)


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
            obj.command = describe_command(typer_ctx)
            with error_boundary():
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
    except Exception as exc:
        from dangvien_cli.dialect import engine_refusal

        refusal = engine_refusal(exc)
        if refusal is not None:
            stderr_console().print(f"{t('error.prefix')}: {refusal.message()}", style="red")
            raise typer.Exit(1) from None
        if os.environ.get("DANGVIEN_DEBUG") == "1":
            traceback.print_exc()
        kind = type(exc).__name__
        stderr_console().print(f"{t('error.prefix')}: {t('error.unexpected', kind=kind)}")
        raise typer.Exit(1) from None


def lang_callback(value: str | None) -> str | None:
    if value is not None and value not in ("vi", "en"):
        raise typer.BadParameter(
            t("error.invalid_choice", value=value, field="--lang", choices="vi, en")
        )
    return value


__all__ = [
    "AppContext",
    "OutputFormat",
    "app_ctx",
    "arg",
    "command",
    "error_boundary",
    "get_lang",
    "info",
    "opt",
    "required",
    "warn",
]
