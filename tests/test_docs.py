"""The words around the commands keep up with the commands: every command has its help in
both languages and a place in README's command table, every catalogue sentence takes the same
{placeholders} in Vietnamese and English, and CI runs the test command the README gives."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from dangvien_cli.cli import build_app
from dangvien_cli.i18n import MESSAGES, set_lang
from helpers import REPO

pytestmark = pytest.mark.no_database

README = (REPO / "README.md").read_text(encoding="utf-8")

# Where the two languages take different parameters on purpose.
OWN_PLACEHOLDERS = {
    # English shows the code alone: the label is the Vietnamese word for it.
    "choice.words",
    # The rule's note is passed in both languages; each sentence shows its own.
    "exception.not_waivable",
}


def commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every group and command under ``group``, with its path of names."""
    for name, command in getattr(group, "commands", {}).items():
        yield (*path, name), command
        yield from commands(command, (*path, name))


def helps(lang: str) -> dict[tuple[str, ...], str]:
    set_lang(lang)  # help texts are looked up when the tree is built
    try:
        tree = typer.main.get_command(build_app())
        return {path: (command.help or "").strip() for path, command in commands(tree)}
    finally:
        set_lang("vi")


def command_table() -> dict[str, str]:
    """README's command table: the group (or root command) -> what its row says."""
    rows = re.findall(r"^\| `dangvien ([\w-]+)` \|(.*)\|\s*$", README, re.M)
    return dict(rows)


def test_every_command_has_its_help_in_both_languages():
    vi, en = helps("vi"), helps("en")
    assert vi.keys() == en.keys()
    assert len(vi) > 60
    for path in vi:
        assert vi[path] and en[path], path
        assert vi[path] != en[path], path


def test_every_command_is_in_the_readme_s_command_table():
    table = command_table()
    for path in helps("vi"):
        assert path[0] in table, path
        if len(path) == 2:
            row = table[path[0]]
            assert re.search(rf"(?<![\w-]){re.escape(path[1])}(?![\w-])", row), path


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_vietnamese_and_english_take_the_same_placeholders():
    differ = {key for key, (vi, en) in MESSAGES.items() if placeholders(vi) != placeholders(en)}
    assert differ == OWN_PLACEHOLDERS


def test_ci_runs_the_test_command_the_readme_gives():
    [shown] = re.findall(r"^python3 -m venv .*'\.\[test\]'.*$", README, re.M)
    tests = shown[shown.index(".venv/bin/pytest") :]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci
