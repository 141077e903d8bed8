"""A throwaway PostgreSQL server for a ``--engine postgresql`` run (the pg_server fixture of
conftest.py starts one per test process), with databases made from templates on demand."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any


def _pg_bindir() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    raise RuntimeError("PostgreSQL not found: initdb is neither on PATH nor in /usr/lib/postgresql")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """A throwaway PostgreSQL cluster in a temporary directory, on 127.0.0.1 only.

    PostgreSQL refuses to run as root, so as root it runs as an unprivileged user
    (``DANGVIEN_PG_USER``, default ``nobody``). Its default collation is Vietnamese (ICU)
    where available, like a real server's: anything that sorts by the database collation
    instead of dangvien's byte-order keys then shows up as a failing test.
    """

    def __init__(self) -> None:
        self.bindir = _pg_bindir()
        self.user = os.environ.get("DANGVIEN_PG_USER", "nobody") if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="dangvien-pg-"))
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.port = 0
        self._names = itertools.count(1)
        self._pending: dict[str, str] = {}
        self._created: set[str] = set()
        self._admin: Any = None  # one connection to "postgres" for every CREATE and DROP

    def _run(self, *args: object) -> None:
        kwargs: dict[str, object] = {}
        if self.user:
            kwargs = {
                "user": self.user,
                "group": pwd.getpwnam(self.user).pw_gid,
                "extra_groups": [],
            }
        env = {"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"}
        subprocess.run(
            [str(self.bindir / str(args[0])), *map(str, args[1:])],
            check=True,
            capture_output=True,
            cwd=self.root,
            env=env,
            **kwargs,  # type: ignore[arg-type]
        )

    def start(self) -> None:
        data = self.root / "data"
        base = ["initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
        try:
            self._run(*base, "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=vi-VN")
        except subprocess.CalledProcessError:
            shutil.rmtree(data, ignore_errors=True)
            self._run(*base, "--locale=C.UTF-8")
        for _attempt in range(3):
            self.port = _free_port()
            options = (
                f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                self._run(
                    "pg_ctl", "-D", data, "-l", self.root / "log", "-w", "-o", options, "start"
                )
                return
            except subprocess.CalledProcessError:
                continue  # the port was taken between choosing and binding it
        log = (self.root / "log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"PostgreSQL did not start:\n{log}")

    def stop(self) -> None:
        try:
            if self._admin is not None:
                self._admin.close()
            self._run("pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, name: str, user: str = "postgres", password: str | None = None) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{name}"

    def admin(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname={database}"
        if database != "postgres":
            with psycopg.connect(dsn, autocommit=True) as conn:
                for statement in statements:
                    conn.execute(statement)  # type: ignore[arg-type]
            return
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(dsn, autocommit=True)
        for statement in statements:
            self._admin.execute(statement)

    def create_database(self, template: str = "template0", name: str | None = None) -> str:
        name = name or f"t{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    # Most tests never open a database; creating one for each would cost a CREATE and a
    # DROP (with a checkpoint) per test. A reserved database is created from its template
    # when something first connects to it (the do_connect hook below).
    def reserve(self, template: str) -> str:
        name = f"t{next(self._names)}"
        self._pending[name] = template
        return name

    def materialize(self, name: str) -> None:
        template = self._pending.pop(name, None)
        if template is not None:
            self.create_database(template=template, name=name)
            self._created.add(name)

    def contents_of(self, name: str) -> str:
        """The database that holds what ``name`` holds: its template until it is made."""
        return self._pending.get(name, name)

    def recreate(self, name: str, template: str) -> None:
        """Let database ``name`` be (or become) a copy of ``template`` instead."""
        if name in self._pending:
            self._pending[name] = template
        else:
            self.drop_database(name)
            self.create_database(template=template, name=name)
            self._created.add(name)

    def release(self, name: str) -> None:
        self._pending.pop(name, None)
        if name in self._created:
            self._created.discard(name)
            self.drop_database(name)
