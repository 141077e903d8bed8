"""Two clerks' scripts writing to one file at once: no write lost, no "database is locked".

Each writer is a separate process running the real command tree (units, quotas and
candidates in turn, one transaction per command, exactly as ``dangvien`` runs them).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only

SUPPORT = Path(__file__).parent / "helpers" / "reliability.py"
WRITES = 500
NAMES = ("w1", "w2")


def start_writers(db: Path, tmp_path: Path, count: int) -> list[tuple[str, Path]]:
    go = tmp_path / "go"
    procs, outs = [], []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for name in NAMES:
        out = tmp_path / f"{name}.json"
        cmd = [sys.executable, str(SUPPORT), "writer", str(db), name, str(count), str(go), str(out)]
        procs.append(subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True))
        outs.append((name, out))
    time.sleep(0.5)  # both build their command tree, then start on the same signal
    go.touch()
    for proc in procs:
        _out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    return outs


def test_two_processes_of_500_writes_lose_nothing(cli, tmp_path):
    db = tmp_path / "shared.db"
    assert cli("db", "init", "--db", db).exit_code == 0
    assert (
        cli("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren", "--db", db).exit_code
        == 0
    )

    results = {
        name: json.loads(out.read_text(encoding="utf-8"))
        for name, out in start_writers(db, tmp_path, WRITES)
    }

    for name, runs in results.items():
        failed = [r for r in runs if r["code"] != 0 or r["err"].startswith(("Lỗi", "Error"))]
        assert failed == [], (name, failed[:3])
        assert all("locked" not in r["err"] and "bận" not in r["err"] for r in runs)

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        units = {r[0] for r in conn.execute("SELECT code FROM unit")}
        sources = {r[0] for r in conn.execute("SELECT source FROM quota")}
        people = dict(conn.execute("SELECT id, full_name FROM person").fetchall())
        actors = [r[0] for r in conn.execute("SELECT actor FROM audit_log ORDER BY id")]
        per_actor = Counter(
            conn.execute("SELECT actor, entity FROM audit_log WHERE entity != 'period'").fetchall()
        )
    finally:
        conn.close()

    # Writers queue, so the audit trail's hash chain never forks: db check finds it whole.
    checked = cli("db", "check", "--format", "json", "--db", db)
    assert not [f for f in json.loads(checked.stdout) if f["check"].startswith(("chain", "guard"))]

    written = {0: {"TP"}, 1: set()}
    for name, runs in results.items():
        by_kind = Counter(r["kind"] for r in runs)
        for kind in (0, 1):
            written[kind] |= {f"{name}-{r['i']}" for r in runs if r["kind"] == kind}
        for r in runs:
            if r["kind"] == 2:
                assert people[int(r["out"])] == f"Người {name} {r['i']}"
        assert per_actor[(name, "unit")] == by_kind[0]
        assert per_actor[(name, "quota")] == by_kind[1]
        assert per_actor[(name, "person")] == by_kind[2]
        assert per_actor[(name, "pipeline_event")] == by_kind[2]
    assert (units, sources) == (written[0], written[1])
    assert len(people) == sum(r["kind"] == 2 for runs in results.values() for r in runs)

    # The two scripts really ran at the same time: their commits alternate many times.
    switches = sum(1 for a, b in zip(actors, actors[1:], strict=False) if a != b)
    assert switches >= 50, switches
    sys.stderr.write(
        f"\n{len(NAMES)} writers x {WRITES} commands: {len(units) - 1} units, {len(sources)} "
        f"quotas, {len(people)} candidates held; the writers took turns {switches} times\n"
    )


def test_a_write_slipped_into_a_read_session_fails_at_once(tmp_path):
    """A write that did not open its session with write=True would work alone and fail at
    random under load (SQLITE_BUSY_SNAPSHOT); it is refused every time instead."""
    from sqlalchemy import text

    from dangvien_cli import db

    insert = text(
        "INSERT INTO period (code, name, kind, start_on, end_on) "
        "VALUES ('p', 'p', 'year', '2024-01-01', '2024-12-31')"
    )
    engine = db.open_engine(db.resolve_url(str(tmp_path / "x.db")), create=True)
    try:
        with pytest.raises(Exception, match="readonly"):
            with db.session_scope(engine, write=False) as session:
                session.execute(insert)
        with db.session_scope(engine, write=True) as session:
            session.execute(insert)
    finally:
        engine.dispose()


def _impatient_engine(path: Path):  # type: ignore[no-untyped-def]
    """The real engine, but SQLite answers "busy" at once instead of waiting: only the
    bounded retry of db._begin_sqlite stands between a writer and the error."""
    from sqlalchemy import event

    from dangvien_cli import db

    engine = db.make_engine(db.resolve_url(str(path)))
    event.listen(engine, "connect", lambda conn, _r: conn.execute("PRAGMA busy_timeout=0"))
    return engine


def _hold_write_lock(path: Path, seconds: float) -> threading.Thread:
    ready = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait()
    return thread


def test_taking_the_write_lock_is_retried_then_refused_cleanly(tmp_path):
    from dangvien_cli import db
    from dangvien_cli.errors import DangvienError

    path = tmp_path / "x.db"
    db.open_engine(db.resolve_url(str(path)), create=True).dispose()
    engine = _impatient_engine(path)
    try:
        holder = _hold_write_lock(path, 0.2)  # shorter than the retries last
        with db.session_scope(engine, write=True) as session:
            session.connection()
        holder.join()
        holder = _hold_write_lock(path, 8)  # longer than every retry together
        with pytest.raises(DangvienError) as refused:
            with db.session_scope(engine, write=True) as session:
                session.connection()
        assert refused.value.key == "db.locked"
        holder.join()
    finally:
        engine.dispose()
