"""The in-process ``dangvien`` of the tests: argv in, Click's result out."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dangvien_cli.cli import build_app
from dangvien_cli.i18n import lang_from_argv, set_lang


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: object, input: str | None = None):  # noqa: A002
        argv = [str(a) for a in args]
        set_lang(lang_from_argv(argv))
        # Only the group the command line names is built, as `dangvien` itself does (main):
        # building and converting every command costs more than most commands take.
        return self.runner.invoke(build_app(argv), argv, input=input, catch_exceptions=False)

    def json(self, *args: object):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)
