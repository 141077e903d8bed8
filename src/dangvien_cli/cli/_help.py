"""Typer's own words in the clerk's language: the Click command and group classes every
dangvien command uses, so that help, usage lines and usage errors speak Vietnamese or
English as the invocation asks (cli/_words.py holds the words themselves).
"""

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from typer._click import Context, HelpFormatter
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup

from dangvien_cli.cli import _words as words
from dangvien_cli.cli._values import convert_directly
from dangvien_cli.i18n import MESSAGES, has, t

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

    def get_params(self, ctx: Context) -> list[Any]:
        """Every parameter Click parses, the help option it makes per call included, with
        dangvien's converter of plain values (cli/_values.py)."""
        params: list[Any] = super().get_params(ctx)
        convert_directly(params)
        return params

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        # Exact lookups: help never pays for compiling the error templates.
        pieces = [words.gettext(piece) for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=words.gettext("Usage: "))

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        words.install_rich()
        params = self.get_params(ctx)  # Typer's: with help and display_type_rich
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
        if text and "|" in text and len(text) > LISTED_CHOICES_UP_TO:
            # `<table|json|csv|tsv|ndjson>` has no space to wrap at: at 80 columns Rich cut
            # it mid-word and squeezed the option names to an ellipsis. The help lists them.
            return t("choice.code_metavar")
        return text_now(text) if text else text

    return label


class HelpCommand(_ClerksWords, TyperCommand):
    help_key: str | None = None  # set per command (cli._context.command): its help, read now

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help_key is not None:
            self.help = t(self.help_key)

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
    def get_params(self, ctx: Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if param.name == "install_completion":
                param.callback = _install_completion
            elif param.name == "show_completion":
                param.callback = _show_completion
        return params


# The shells Typer writes completion for (typer._completion_shared.Shells).
COMPLETION_SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def _completion_shell(value: Any) -> str:
    """The shell named, else the one running dangvien (Typer detects it with shellingham);
    one Typer cannot serve is refused in the clerk's words, not Typer's English."""
    from typer._completion_shared import _get_shell_name

    shell = value if isinstance(value, str) else _get_shell_name()
    if shell not in COMPLETION_SHELLS:
        from dangvien_cli.errors import DangvienError

        raise DangvienError(
            "completion.unsupported", shell=shell or "?", shells=", ".join(COMPLETION_SHELLS)
        )
    return shell


def _install_completion(ctx: Context, _param: Any, value: Any) -> Any:
    """Typer's --install-completion (its own installer writes the files), saying what it did
    in the clerk's language: Typer's sentences are English f-strings, beyond its gettext."""
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import install

    from dangvien_cli.cli._console import error_boundary, info
    from dangvien_cli.errors import DangvienError, os_reason

    with error_boundary():
        shell = _completion_shell(value)
        try:
            _shell, path = install(shell=shell)
        except OSError as exc:
            raise DangvienError("completion.cannot_install", reason=os_reason(exc)) from None
    info(t("completion.installed", shell=shell, path=path))
    raise typer.Exit(0)


def _show_completion(ctx: Context, _param: Any, value: Any) -> Any:
    if not value or ctx.resilient_parsing:
        return value
    from typer._completion_shared import get_completion_script

    from dangvien_cli.cli._console import error_boundary

    with error_boundary():
        shell = _completion_shell(value)
    root = ctx.find_root().info_name or "dangvien"
    complete_var = "_{}_COMPLETE".format(root.replace("-", "_").upper())
    typer.echo(get_completion_script(prog_name=root, complete_var=complete_var, shell=shell))
    raise typer.Exit(0)


# Options that take a day: their help shows the format the clerk types (values.parse_date).
DATE_OPTIONS = frozenset(
    {
        "as-of", "birth", "ceremony", "cell-date", "date", "decided", "dissolved", "end",
        "founded", "on", "received", "since", "sourced", "start",
    }
)  # fmt: skip
DATE_METAVAR = "<dd/mm/yyyy>"
LISTED_CHOICES_UP_TO = 14  # `<tsv|csv>` stays in the type column; a longer list goes to the help


# Help texts with parameters (a list of choices), as first written, and how to write them
# again: commands are declared when their module is imported, in that invocation's language.
_WRITTEN_LATER: dict[str, Callable[[], str]] = {}


def lazy_text(write: Callable[[], str]) -> str:
    """``write()`` now, and again in the language of a later invocation (``text_now``)."""
    text = write()
    _WRITTEN_LATER.setdefault(text, write)
    return text


def text_now(text: str) -> str:
    """A help text in the language of this invocation, though it was written in another one
    when its module was imported (commands are declared at module level); Typer's own (the
    completion options) from its catalogue."""
    later = _WRITTEN_LATER.get(text)
    if later is not None:
        return later()
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


def stopped_at_a_question(abort: BaseException) -> typer.Exit:
    """Ctrl-C or Ctrl-D at a question (a value asked for, a yes or no): Click turns both
    into an Abort that Typer reports as "Aborted." in English. The Abort's context says
    which it was: Ctrl-C stops as it does anywhere (130), Ctrl-D answers no (1). The
    answer's line was left open after the question: the notice takes a line of its own."""
    import sys

    interrupted = isinstance(abort.__context__, KeyboardInterrupt)
    notice = t("error.interrupted") if interrupted else t("confirm.declined")
    sys.stderr.write(("\n" if sys.stderr.isatty() else "") + notice + "\n")
    return typer.Exit(130 if interrupted else 1)


@contextmanager
def usage_errors_in_clerks_words() -> Iterator[None]:
    """Typer's usage errors (exit 2) in the clerk's language, whatever part of Typer wrote
    them; a Typer error that is not a usage error keeps its own exit code."""
    try:
        yield
    except typer.Abort as exc:
        raise stopped_at_a_question(exc) from None
    except ClickException as exc:
        words.install_rich()  # Typer shows the error in a Rich panel: its title in our words
        if isinstance(exc, _SpokenUsageError) or type(exc).__name__ == "NoArgsIsHelpError":
            raise
        spoken = _SpokenUsageError(
            words.translate(exc.format_message()), ctx=getattr(exc, "ctx", None)
        )
        spoken.exit_code = exc.exit_code
        raise spoken from None
