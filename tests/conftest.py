"""Shared fixtures: an isolated environment, a CLI runner, and the demo database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dangvien_cli.cli import build_app
from dangvien_cli.i18n import lang_from_argv, set_lang

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Nothing may touch the real user data directory or depend on the caller's terminal."""
    monkeypatch.setenv("DANGVIEN_DB", str(tmp_path / "dangvien.db"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("CI", "1")
    monkeypatch.delenv("DANGVIEN_LANG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield
    set_lang("vi")


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: object, input: str | None = None):  # noqa: A002
        argv = [str(a) for a in args]
        set_lang(lang_from_argv(argv))
        return self.runner.invoke(build_app(), argv, input=input, catch_exceptions=False)

    def json(self, *args: object):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database, built once by `dangvien demo` itself."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = Cli()("demo", "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo database, set as DANGVIEN_DB."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv("DANGVIEN_DB", str(path))
    return path
