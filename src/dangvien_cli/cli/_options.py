"""The options and arguments commands declare: help texts from the catalogue, closed
choices in the clerk's words, required values asked for at a terminal, the --db/--lang/
--format/--reopen every command takes after its own name too.
"""

import inspect
import os
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from dangvien_cli.cli._help import DATE_OPTIONS, lazy_text
from dangvien_cli.errors import DangvienError
from dangvien_cli.i18n import get_lang, t
from dangvien_cli.render import OutputFormat


def interactive() -> bool:
    """True at a terminal: a missing required value is asked for instead of refused."""
    return sys.stdin.isatty() and sys.stdout.isatty() and os.environ.get("CI") is None


def question(text: str) -> str:
    """A question's text (a help sentence, its full stop dropped) broken at spaces to the
    terminal's width: Click prints it as it is, and a list of choices ran past 80 columns,
    cut mid-word by the terminal."""
    import shutil
    import textwrap

    width = shutil.get_terminal_size().columns - 2  # the ": " Click adds
    return textwrap.fill(text.rstrip("."), width=max(width, 20))


def yes_option() -> Any:
    """``--yes``/``-y``: a destructive command goes ahead without asking (scripts)."""
    return typer.Option("--yes", "-y", help=t("opt.yes"), show_default=False)


def required(*names: str, help_key: str, **fmt: Any) -> Any:
    """A required option: asked for at a terminal (choices listed), exit 2 in a script. A
    date asked for is read at once, so that one mistyped is asked again, not refused after
    every other question was answered."""
    asked = interactive()  # a script's bad date stays the command's own one-line refusal
    return typer.Option(
        ...,
        *names,
        help=lazy_text(lambda: t(help_key, **fmt)),
        prompt=question(t(help_key, **fmt)) if asked else False,
        show_default=False,
        callback=_a_date if asked and names[0].lstrip("-") in DATE_OPTIONS else None,
    )


def _a_date(ctx: typer.Context, param: Any, value: str | None) -> str | None:
    """The date as typed, once it reads as one (the command parses it again): a usage
    error otherwise, which Click answers at a terminal by asking again."""
    from dangvien_cli.values import parse_date

    try:
        parse_date(value)
    except DangvienError as exc:
        raise typer.BadParameter(exc.message(), ctx=ctx, param=param) from None
    return value


# Keywords of opt() that are Typer's, not the help text's parameters.
_OPTION_SETTINGS = frozenset({"min", "max", "callback", "metavar"})


def opt(*names: str, help_key: str, **fmt: Any) -> Any:
    settings = {k: fmt.pop(k) for k in _OPTION_SETTINGS & fmt.keys()}
    help_text = lazy_text(lambda: t(help_key, **fmt))
    return typer.Option(*names, help=help_text, show_default=False, **settings)


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
            message = t("choice.unknown", value=value, choices=", ".join(map(listed, enum)))
            raise typer.BadParameter(message, ctx=ctx, param=param) from None

    def listed(member: StrEnum) -> str:
        words = choice_words(member, labels)
        if len(words) < 2 or get_lang() == "en":
            return member.value
        if choice_key(words[1]) == member.value:
            return words[1]
        return t("choice.words", label=words[1], code=member.value)

    help_text = lazy_text(lambda: t(help_key, choices=", ".join(map(listed, enum))))
    metavar = t("choice.metavar")
    if need:  # asked for at a terminal: the help's sentence lists the words it takes
        prompt = question(help_text) if interactive() else False
        return typer.Option(
            ..., *names, help=help_text, callback=read, metavar=metavar, prompt=prompt
        )
    return typer.Option(*names, help=help_text, callback=read, metavar=metavar)


def arg(help_key: str, **kwargs: Any) -> Any:
    return typer.Argument(help=lazy_text(lambda: t(help_key)), show_default=False, **kwargs)


def whole_number(ctx: typer.Context, param: Any, value: str | None) -> int | None:
    """A count typed on the command line (`quota set P01 2021 1.200`): a usage error (exit 2)
    when it is not a whole number or is negative. In English it may be typed as the English
    tables write it (`1,200`); in Vietnamese a comma is a decimal mark, and refused."""
    import re

    from dangvien_cli.values import parse_int

    if value is None:
        return None
    if get_lang() == "en" and re.fullmatch(r"\s*\d{1,3}(,\d{3})+\s*", value):
        value = value.replace(",", "")
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
                    OutputFormat | None,
                    typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False),
                ],
            )
        )
    return params


# Parameters many commands share, declared once.
UnitCodeArg = Annotated[str, arg("arg.unit_code")]
OnDateOpt = Annotated[str, required("--on", help_key="opt.on")]
UnitFilterOpt = Annotated[str | None, opt("--unit", help_key="opt.unit_filter")]
PeriodFilterOpt = Annotated[str | None, opt("--period", help_key="arg.period")]
# The step commands' (candidate, admission): whose step, its day, its document, why.
PersonIdArg = Annotated[int, arg("arg.person_id")]
StepDateOpt = Annotated[str, required("--date", help_key="opt.date")]
DocumentOpt = Annotated[str | None, opt("--document", help_key="opt.document")]
ReasonOpt = Annotated[str, required("--reason", help_key="opt.reason")]
