"""Help at a clerk's 80-column terminal, in both languages: every option keeps its whole
name, every type label its whole word (`<table|json|csv|tsv|ndjson>` used to be cut as
`<table|json|csv|t` / `sv|ndjson>`, and `--no-key-position` squeezed to `--no-key-positi…`)."""

from __future__ import annotations

import re

import pytest
import typer.main
from rich.cells import cell_len

from dangvien_cli.cli import build_app
from dangvien_cli.i18n import set_lang

CUT_NAME = re.compile(r"-[\w-]*…")
LABEL = re.compile(r"<[^<>]*>")
PYTHON_TYPE = re.compile(r"<(str|int|float|bool|path|list\[\w+\])>")


def every_help_path() -> list[list[str]]:
    app = typer.main.get_command(build_app())
    paths: list[list[str]] = [[]]
    for name, group in app.commands.items():
        paths.append([name])
        paths += [[name, sub] for sub in getattr(group, "commands", {})]
    return paths


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_fits_80_columns_with_whole_names_and_labels(cli, monkeypatch, lang):
    monkeypatch.setenv("COLUMNS", "80")
    paths = every_help_path()
    assert len(paths) > 70
    for path in paths:
        shown = cli("--lang", lang, *path, "--help").stdout
        set_lang("vi")
        for line in shown.splitlines():
            assert cell_len(line) <= 80, (path, line)
            assert not CUT_NAME.search(line), (path, line)
            # A type label opened on a row is closed on it: none is cut across two rows.
            opened = line.count("<") - len(LABEL.findall(line))
            assert opened == 0, (path, line)
            # A type in a clerk's words, not Python's (English said <list[str]>, <bool>).
            assert not PYTHON_TYPE.search(line), (path, line)


def test_a_long_list_of_choices_is_said_in_the_help_not_the_type_column(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("member", "list", "--help").stdout
    assert "--no-key-position" in shown
    assert "<mã>" in shown and "table, json, ndjson" in shown
