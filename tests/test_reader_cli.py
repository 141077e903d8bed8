"""`unit list` and `candidate list` on the light read path: the output the rows from the
models give, in every format and language; and on SQLite, a start without SQLAlchemy."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from dangvien_cli import db
from dangvien_cli.cli import units as unit_cli
from dangvien_cli.cli.candidate import commands as candidate_cli
from dangvien_cli.i18n import set_lang, t
from dangvien_cli.render import OutputFormat, emit
from dangvien_cli.vocab import Block, Stage
from helpers.truth import expected_candidates, expected_units

FORMATS = ["table", "json", "csv", "tsv"]
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "dangvien_cli.models")


def expected_output(rows, columns, fmt: str, lang: str, title_key: str) -> str:
    set_lang(lang)
    out = io.StringIO()
    emit(rows, columns, OutputFormat(fmt), title=t(title_key), out=out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "args, filters",
    [
        ([], {}),
        (["--show-private"], {"show_private": True}),
        (["--unit", "dalan", "--search", "n"], {"unit_code": "dalan", "search": "n"}),
        (
            ["--stage", "probationary", "-s", "Nguyễn Thị", "--show-private"],
            {"stage": Stage.probationary, "search": "Nguyễn Thị", "show_private": True},
        ),
    ],
    ids=["all", "private", "unit-search", "stage-search-private"],
)
def test_candidate_list_prints_what_the_models_hold(cli, demo_db, fmt, lang, args, filters):
    rows = expected_candidates(db.resolve_url(str(demo_db)), **filters)
    assert rows
    result = cli("candidate", "list", *args, "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.output
    wanted = expected_output(rows, candidate_cli.LIST_COLUMNS, fmt, lang, "title.candidates")
    assert result.stdout == wanted


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    "args, filters",
    [
        ([], {}),
        (
            ["--unit", "DALAN", "--block", "doanh-nghiep"],
            {"under": "DALAN", "block": Block.doanh_nghiep},
        ),
    ],
    ids=["all", "unit-block"],
)
def test_unit_list_prints_what_the_models_hold(cli, demo_db, fmt, lang, args, filters):
    rows = expected_units(db.resolve_url(str(demo_db)), **filters)
    result = cli("unit", "list", *args, "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_output(rows, unit_cli.LIST_COLUMNS, fmt, lang, "title.units")


@pytest.mark.parametrize("command", [["unit", "list"], ["candidate", "list"]])
def test_an_unknown_unit_is_refused_as_before(cli, demo_db, command):
    result = cli(*command, "--unit", "KHONG-CO", "--lang", "en")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "Error: No unit with code 'KHONG-CO'.\n"


# --- start-up ---------------------------------------------------------------------------


def import_roots(*args: str) -> tuple[dict[str, list[str]], str]:
    """``python -X importtime -m dangvien_cli …``: each module imported at run time (the
    roots of the import tree) with all it pulled in, and the command's output."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dangvien_cli", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    roots: dict[str, list[str]] = {}
    pulled: list[str] = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        name = line.split("|", 2)[2]
        if name.startswith("  "):
            pulled.append(name.strip())
        else:
            roots[name.strip()] = pulled + [name.strip()]
            pulled = []
    return roots, out.stdout


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["unit", "list"], "Nguyễn"),
        (["candidate", "list", "--search", "Nguyễn Thị", "--format", "csv"], "Nguyễn"),
        (["report", "quota", "--period", "2021", "--depth", "1"], "Thanh Hóa"),
        (["report", "behind", "--period", "2021", "--as-of", "31/12/2021"], "Ngọc Trạo"),
    ],
)
def test_a_light_command_on_sqlite_imports_neither_sqlalchemy_nor_pydantic(demo_db, command, shown):
    roots, stdout = import_roots(*command, "--db", str(demo_db))
    modules = {m for tree in roots.values() for m in tree}
    assert "dangvien_cli.reader" in modules and shown in stdout
    assert not [m for m in modules if m.startswith(HEAVY)]
    # Typer 0.29 would build a pydantic adapter for every option (cli/_values.py).
    assert not [m for m in modules if m.startswith("pydantic")]


@pytest.mark.sqlite_only
def test_the_light_path_itself_imports_no_pydantic(demo_db):
    code = (
        "import sys\n"
        "from dangvien_cli.cli.candidate.commands import LIST_COLUMNS\n"
        "from dangvien_cli.reader import open_reader\n"
        "from dangvien_cli.render import OutputFormat, emit\n"
        "from dangvien_cli.services.people_lists import stream_candidates\n"
        "from dangvien_cli.services.unit_reads import stream_units\n"
        "with open_reader(sys.argv[1]) as reader:\n"
        "    units = list(stream_units(reader, under='TINH'))\n"
        "    rows = list(stream_candidates(reader, unit_code='TINH', search='nguyen',"
        " stage=None))\n"
        "emit(rows, LIST_COLUMNS, OutputFormat.table)\n"
        "print(len(units), '\\n'.join(sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, db.resolve_url(str(demo_db))],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(out.stderr.split())
    assert "Nguyễn" in out.stdout and "89" in modules  # TINH, 7 wards, 76 units, 5 cells
    assert not [m for m in modules if m.startswith((*HEAVY, "pydantic"))]


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "command",
    [
        ["report", "quota", "--period", "2021", "--format", "csv"],
        ["report", "quota", "--period", "2020-2025", "--by", "block"],
        ["report", "behind", "--period", "2021", "--format", "json"],
    ],
)
def test_the_quota_reports_on_sqlite_import_no_sqlalchemy(cli, demo_db, command):
    roots, stdout = import_roots(*command, "--db", str(demo_db))
    modules = {m for tree in roots.values() for m in tree}
    assert "dangvien_cli.reader" in modules
    assert not [m for m in modules if m.startswith(HEAVY)]
    assert stdout == cli(*command, "--db", demo_db).stdout  # the same report as in-process


# Rendering a table streams with rich.cells only: a Rich Table or Console (measuring every
# row) on these paths would bring back the 22 s that 60,000 units took.
LAYOUT_HEAVY = ("rich.table", "rich.console", "rich.progress", "openpyxl", "holidays")


@pytest.mark.sqlite_only
@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv", "tsv"])
@pytest.mark.parametrize(
    "command",
    [
        ["unit", "list"],
        ["candidate", "list", "--search", "Nguyễn Thị"],
        ["report", "quota", "--period", "2021", "--depth", "1"],
    ],
    ids=["unit-list", "search", "quota"],
)
def test_the_fast_paths_import_nothing_heavy_in_any_format(demo_db, monkeypatch, command, fmt):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # the terminal's layout, not the pipe's lines
    roots, stdout = import_roots(*command, "--format", fmt, "--db", str(demo_db))
    modules = {m for tree in roots.values() for m in tree}
    assert stdout.strip()
    heavy = [m for m in modules if m.startswith(HEAVY) or m.startswith(LAYOUT_HEAVY)]
    assert not heavy
    assert ("dangvien_cli.render_table" in modules) == (fmt == "table")
