"""Shared fixtures: an isolated environment, a CLI runner, and the demo database.

The whole suite runs on SQLite (default) or on a real PostgreSQL server
(``--engine postgresql`` or ``DANGVIEN_TEST_ENGINE=postgresql``). On PostgreSQL a
throwaway server is started once per test process (per pytest-xdist worker) and stopped at
the end; every test gets its own database, copied from one migrated to head, as DANGVIEN_DB.
The PostgreSQL pass leaves out what does not depend on the engine (``slow`` end-to-end tests,
``no_database`` tests): those run once per CI run, on the SQLite pass. What the tests share
beyond fixtures is in ``helpers/``.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

# The packaged rules, whatever rules configuration the machine running the suite has
# (services/rule_config.py reads it once, when first imported); tests that configure set it.
os.environ["DANGVIEN_RULES"] = ""

from dangvien_cli.i18n import set_lang  # noqa: E402
from helpers import templates
from helpers.cli import Cli
from helpers.pg_server import PgServer

ENGINES = ("sqlite", "postgresql")
pytest_plugins = ["helpers.postgres"]  # its fixture: roles


def pytest_addoption(parser):
    parser.addoption(
        "--engine",
        choices=ENGINES,
        default=os.environ.get("DANGVIEN_TEST_ENGINE", "sqlite"),
        help="database engine the suite runs on (DANGVIEN_TEST_ENGINE)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: SQLite by nature (files, WAL, sqlite3)")
    config.addinivalue_line("markers", "postgresql_only: needs the PostgreSQL server")
    config.addinivalue_line(
        "markers", "no_database: touches no database (runs once, on the SQLite pass, without one)"
    )


def pytest_report_header(config):
    return f"dangvien engine: {config.getoption('--engine')}"


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL pass runs what depends on the engine: the slow end-to-end tests and
    the tests that touch no database run once per CI run, on the SQLite pass."""
    engine = config.getoption("--engine")
    if engine == "postgresql":
        once = [
            i for i in items if i.get_closest_marker("slow") or i.get_closest_marker("no_database")
        ]
        if once:
            config.hook.pytest_deselected(items=once)
            items[:] = [i for i in items if i not in once]
    for item in items:
        if engine == "postgresql" and item.get_closest_marker("sqlite_only"):
            item.add_marker(pytest.mark.skip(reason="SQLite by nature"))
        if engine == "sqlite" and item.get_closest_marker("postgresql_only"):
            item.add_marker(pytest.mark.skip(reason="runs with --engine postgresql"))


# A test that asks for one of these uses a database, whatever its module's marker says.
DATABASE_FIXTURES = {"demo_db", "demo_template", "db_url", "new_db_url", "pg_server", "sql"}


def touches_no_database(item: pytest.Item) -> bool:
    marked = item.get_closest_marker("no_database") is not None
    return marked and not DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def engine_name(pytestconfig) -> str:
    return pytestconfig.getoption("--engine")


# --- the PostgreSQL server --------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server(engine_name):
    """The PostgreSQL server of a ``--engine postgresql`` run, with a database at head."""
    if engine_name != "postgresql":
        pytest.skip("runs with --engine postgresql")
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    from dangvien_cli import db

    def on_connect(_dialect, _record, _cargs, cparams):  # type: ignore[no-untyped-def]
        if cparams.get("port") in (server.port, str(server.port)):
            server.materialize(cparams.get("dbname", ""))

    server = PgServer()
    try:
        server.start()
        server.create_database(name="head")
        db.open_engine(server.url("head"), create=True).dispose()
        event.listen(Engine, "do_connect", on_connect)
        templates.pg_server = server
        yield server
    finally:
        if event.contains(Engine, "do_connect", on_connect):
            event.remove(Engine, "do_connect", on_connect)
        server.stop()


# --- every test ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def head_file(tmp_path_factory) -> Path:
    """An empty SQLite database at head, made once (`dangvien db init`) and copied per test."""
    path = tmp_path_factory.mktemp("head") / "head.db"
    result = Cli()("db", "init", "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, request, engine_name):
    """Nothing may touch the real user data directory or depend on the caller's terminal.

    Every test starts with an empty database at head as DANGVIEN_DB, as after
    `dangvien db init` (commands refuse a database that does not exist); a test marked
    no_database with a DANGVIEN_DB that does not exist, so that it fails if it uses one."""
    pg_database = None
    if touches_no_database(request.node):
        monkeypatch.setenv("DANGVIEN_DB", str(tmp_path / "no-database.db"))
    elif engine_name == "postgresql":
        server = request.getfixturevalue("pg_server")
        pg_database = server.reserve(template="head")
        monkeypatch.setenv("DANGVIEN_DB", server.url(pg_database))
    else:
        path = tmp_path / "dangvien.db"
        shutil.copyfile(request.getfixturevalue("head_file"), path)
        path.chmod(0o600)
        monkeypatch.setenv("DANGVIEN_DB", str(path))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("CI", "1")
    monkeypatch.delenv("DANGVIEN_LANG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield
    set_lang("vi")
    if pg_database:
        server.release(pg_database)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def db_url(engine_name, request) -> str:
    """This test's database as a SQLAlchemy URL (DANGVIEN_DB on either engine); on
    PostgreSQL it exists already, so that other processes can use it."""
    from sqlalchemy.engine import make_url

    from dangvien_cli.db import resolve_url

    url = resolve_url(None)
    if engine_name == "postgresql":
        request.getfixturevalue("pg_server").materialize(make_url(url).database or "")
    return url


@pytest.fixture
def sql():
    """``sql(statement, db=None, **params)``: the rows of one query on a dangvien database
    (this test's, or the file or URL given), whatever the engine."""
    from sqlalchemy import create_engine, text

    from dangvien_cli.db import resolve_url

    def run(statement: str, db: object = None, **params: object) -> list[tuple]:
        engine = create_engine(resolve_url(str(db) if db is not None else None))
        try:
            with engine.connect() as conn:
                return [tuple(r) for r in conn.execute(text(statement), params)]
        finally:
            engine.dispose()

    return run


@pytest.fixture
def new_db_url(tmp_path, request, engine_name):
    """A factory of empty databases (no schema yet) on this run's engine, as URLs."""
    made: list[str] = []
    counter = itertools.count(1)

    def make() -> str:
        if engine_name == "postgresql":
            server = request.getfixturevalue("pg_server")
            name = server.create_database()
            made.append(name)
            return server.url(name)
        return f"sqlite:///{tmp_path / f'new{next(counter)}.db'}"

    yield make
    for name in made:
        request.getfixturevalue("pg_server").drop_database(name)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, engine_name, request) -> Path | str:
    """The demo database, built once by `dangvien demo` itself (a file, or a template
    database on PostgreSQL)."""
    if engine_name == "postgresql":
        server = request.getfixturevalue("pg_server")
        target: Path | str = server.url(server.create_database(template="head", name="demo"))
    else:
        target = tmp_path_factory.mktemp("demo") / "demo.db"
    result = Cli()("demo", "--db", str(target))
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture
def demo_db(demo_template, tmp_path, monkeypatch, engine_name, request) -> Path | str:
    """A private copy of the demo database, set as DANGVIEN_DB: a file path on SQLite,
    a URL on PostgreSQL."""
    if engine_name == "postgresql":
        server = request.getfixturevalue("pg_server")
        name = server.reserve(template="demo")
        request.addfinalizer(lambda: server.release(name))
        server.materialize(name)  # now: scripts run in a subprocess use it too
        url = server.url(name)
        monkeypatch.setenv("DANGVIEN_DB", url)
        return url
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    monkeypatch.setenv("DANGVIEN_DB", str(path))
    return path
