"""Typer's and Click's own words (Usage, Options, [required], Missing option, Invalid value,
Try … for help, pydantic's "Input should be …") in the clerk's language.

Typer speaks English in three ways: strings it passes to stdlib gettext (typer/core.py, and
typer/rich_utils.py, which freezes them into module constants at import), f-strings in the
Click it bundles (typer/_click has no gettext at all), and pydantic's validation messages.
One catalogue, ``locale/typer.vi.po``, holds all of them; ``locale/typer.en.po`` says
pydantic's messages and the help's value types in plain English for the English interface.
It is read with the stdlib (a PO file is a few quoted strings; no compiled .mo to keep in
step). ``install()`` points Typer's ``_`` at it and resets rich_utils' constants for the
current language, so a process that switches language between invocations (the tests do)
never shows the previous one; ``translate()`` turns an error's finished English sentence
into Vietnamese by matching it against the catalogue's templates.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dangvien_cli.i18n import get_lang

LOCALE = Path(__file__).resolve().parent.parent / "locale"
_HOLE = re.compile(r"\{[^{}]*\}")

# rich_utils' constants, by the English text Typer gave them.
RICH_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


@dataclass(frozen=True)
class Template:
    english: str
    vietnamese: str
    pattern: re.Pattern[str]
    holes: tuple[str, ...]


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr of a PO file (no contexts or plurals: the catalogue has none); the
    header (the empty msgid) is left out."""
    entries: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("msgid "):
            if entry.get("msgid"):
                entries[entry["msgid"]] = entry["msgstr"]
            entry, field, line = {"msgid": "", "msgstr": ""}, "msgid", line[len("msgid ") :]
        elif line.startswith("msgstr "):
            field, line = "msgstr", line[len("msgstr ") :]
        if line.startswith('"') and field:
            entry[field] += ast.literal_eval(line)  # PO strings use C escapes, as Python does
    if entry.get("msgid"):
        entries[entry["msgid"]] = entry["msgstr"]
    return entries


@functools.cache
def catalogue(lang: str = "vi") -> dict[str, str]:
    return read_po(LOCALE / f"typer.{lang}.po")


@functools.cache
def templates(lang: str = "vi") -> tuple[Template, ...]:
    """The entries with {holes}, the most specific (most fixed text) first."""
    made = []
    for english, vietnamese in catalogue(lang).items():
        holes = tuple(_HOLE.findall(english))
        if not holes:
            continue
        fixed = _HOLE.split(english)
        regex = "(.+?)".join(re.escape(part) for part in fixed)
        made.append(Template(english, vietnamese, re.compile(regex, re.DOTALL), holes))
    made.sort(key=lambda tpl: -len(_HOLE.sub("", tpl.english)))
    return tuple(made)


def gettext(message: str) -> str:
    """What Typer's ``_()`` returns: the catalogue's text in the current language (English's
    says a few of Typer's words as a clerk would: `<text>` for `<str>`), else Typer's own."""
    if not message:
        return message
    return catalogue(get_lang()).get(message) or message


def translate(sentence: str) -> str:
    """An English sentence Typer built (an error, a usage piece) in the clerk's language; the
    values it carries are translated too when they are sentences of the catalogue. In
    English only pydantic's wording changes (typer.en.po)."""
    lang = get_lang()
    exact = catalogue(lang).get(sentence)
    if exact:
        return exact
    for template in templates(lang):
        match = template.pattern.fullmatch(sentence)
        if match:
            values = dict(zip(template.holes, map(translate, match.groups()), strict=True))
            return fill(template.vietnamese, values)
    return sentence


def fill(text: str, values: dict[str, str]) -> str:
    return _HOLE.sub(lambda hole: values[hole.group()], text)


def install() -> None:
    """Typer's own words in the current language, for the invocation about to run. Its Rich
    help and error panels (typer.rich_utils, which imports Rich's Console and Table) get
    theirs from install_rich, only when help or an error is about to be shown: a command
    that prints a table or CSV never pays for them."""
    import typer._click.termui
    import typer.core

    typer.core._ = gettext  # type: ignore[attr-defined]
    if "typer.rich_utils" in sys.modules:  # a second invocation in one process (tests)
        install_rich()
    # A yes/no question's "Error: invalid input" is an f-string echoed by termui itself.
    termui = typer._click.termui
    if not isinstance(termui.echo, functools.partial):  # once per process
        termui.echo = functools.partial(_echo_translated, termui.echo)


def install_rich() -> None:
    """The words of Typer's Rich help and error panels, in the current language."""
    import typer.rich_utils

    typer.rich_utils._ = gettext  # type: ignore[attr-defined]
    for name, english in RICH_CONSTANTS.items():
        setattr(typer.rich_utils, name, gettext(english))


def _echo_translated(echo: Any, message: Any = None, *args: Any, **kwargs: Any) -> Any:
    if isinstance(message, str):
        message = translate(message)
    return echo(message, *args, **kwargs)
