"""Databases built once per test run and copied into each test that wants one.

Building a test's starting data through the real commands or services costs far more than
copying it: on SQLite the built file is copied over this test's database; on PostgreSQL
this test's database is created from the built one (``CREATE DATABASE … TEMPLATE``). Each
test process (each pytest-xdist worker) builds its own templates.
"""

from __future__ import annotations

import atexit
import copy
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.engine import make_url

from dangvien_cli.db import resolve_url, sqlite_path

T = TypeVar("T")

# The PostgreSQL server of a --engine postgresql run (set by conftest's pg_server fixture).
pg_server: Any = None
_built: dict[str, tuple[str, Any]] = {}


def from_template(name: str, build: Callable[[Path], T]) -> T:
    """Make this test's database (DANGVIEN_DB) a copy of the one ``build(folder)`` fills,
    and return what ``build`` returned. The template starts from this test's database as it
    is at the first call (empty at head, or a copy of another template): call it from a
    fixture, before the test writes."""
    url = resolve_url(None)
    target = sqlite_path(url)
    database = make_url(url).database or ""
    if name not in _built:
        folder = Path(tempfile.mkdtemp(prefix=f"dangvien-{name}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        if target is not None:
            where = str(folder / f"{name}.db")
            shutil.copyfile(target, where)
        else:
            source = pg_server.contents_of(database)
            where = pg_server.create_database(template=source, name=f"template_{name}")
        saved = os.environ["DANGVIEN_DB"]
        os.environ["DANGVIEN_DB"] = where if target is not None else pg_server.url(where)
        try:
            _built[name] = (where, build(folder))
        finally:
            os.environ["DANGVIEN_DB"] = saved
    where, value = _built[name]
    if target is not None:
        shutil.copyfile(where, target)
    else:
        pg_server.recreate(database, template=where)
        pg_server.materialize(database)  # now: a command run in a subprocess uses it too
    return copy.deepcopy(value)
