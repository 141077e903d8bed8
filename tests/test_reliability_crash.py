"""A process killed with SIGKILL in the middle of a large import leaves a sound database
holding all of that import or none of it.

The import runs as ``python -m dangvien_cli candidate import`` in its own process; the test
kills it at a random moment (uniform over the time a whole import takes), then opens the
file as the next command would. The default run kills a 5,000-row import 20 times;
``pytest -m fuzz`` kills a 50,000-row import 20 times.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = [pytest.mark.sqlite_only, pytest.mark.slow]

KILLS = 20
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
MIDDLE = ("Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thu")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Hà", "Lan", "Phương", "Quân")
HEADER = [
    "full_name",
    "birth_date",
    "gender",
    "education",
    "unit_code",
    "source_date",
    "class_date",
    "application_date",
    "vote_date",
    "votes_for",
    "official_members",
    "committee_date",
    "decision_no",
    "decision_date",
    "ceremony_date",
]


def write_candidates(path: Path, rows: int, seed: int) -> int:
    """``rows`` candidates; one in ten admitted (decision and ceremony). Returns admissions."""
    rnd = random.Random(seed)
    admitted = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(HEADER)
        for i in range(rows):
            name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
            birth = f"{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/{rnd.randint(1975, 2004)}"
            row = [name, birth, rnd.choice(("nam", "nu")), "thpt", f"C{rnd.randint(1, 3)}"]
            row.append("01/01/2024")
            if i % 10 == 0:
                admitted += 1
                row += ["01/03/2024", "01/04/2024", "10/05/2024", "10", "12", "20/05/2024"]
                row += [f"{i}-QĐ/TU", "03/06/2024", "01/07/2024"]
            else:
                row += [""] * 9
            out.writerow(row)
    return admitted


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = ("person", "pipeline_event", "admission", "member")
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["imports"] = conn.execute(
            "SELECT count(*) FROM audit_log WHERE entity = 'import'"
        ).fetchone()[0]
        return out
    finally:
        conn.close()


def start_import(db: Path, source: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dangvien_cli", "candidate", "import", str(source)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [*cmd, "--db", str(db), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wal_size(db: Path) -> int:
    try:
        return Path(f"{db}-wal").stat().st_size
    except FileNotFoundError:
        return 0


def run_to_end(db: Path, source: Path) -> tuple[float, float, float]:
    """One whole import, watched: when its transaction starts writing to the WAL, when the
    WAL is checkpointed away after the commit, and when the process ends (seconds)."""
    started = time.monotonic()
    proc = start_import(db, source)
    write_start = write_end = None
    while proc.poll() is None:
        size, now = wal_size(db), time.monotonic() - started
        if write_start is None and size > 0:
            write_start = now
        elif write_start is not None and write_end is None and size == 0:
            write_end = now
        time.sleep(0.002)
    assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
    whole = time.monotonic() - started
    assert write_start is not None, "the import never wrote"
    return write_start, write_end or whole, whole


def kill_once(
    base: Path, source: Path, db: Path, delay: float, *, once_writing: bool
) -> tuple[dict[str, int], bool]:
    """Start the import on a copy of ``base``; SIGKILL it ``delay`` seconds after its start
    (or after its first write to the WAL). Returns what is left, and whether the WAL held
    uncheckpointed pages when the kill came (the transaction was writing or committing)."""
    for attempt in range(10):
        shutil.copyfile(base, db)
        for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            side.unlink(missing_ok=True)
        proc = start_import(db, source)
        while once_writing and proc.poll() is None and wal_size(db) == 0:
            time.sleep(0.001)
        time.sleep(delay * 0.7**attempt)
        writing = wal_size(db) > 0
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            return counts(db), writing
        proc.wait()  # it finished before the kill: not a crash, try a little earlier
    raise AssertionError("the import kept finishing before the kill")


@pytest.mark.parametrize(
    "rows", [5_000, pytest.param(50_000, marks=pytest.mark.fuzz)], ids=["5k", "50k"]
)
def test_sigkill_during_import_leaves_all_or_nothing(cli, tmp_path, rows, record_property):
    base = tmp_path / "base.db"
    for args in (
        ("db", "init"),
        ("unit", "add", "TP", "Thành phố", "--kind", "dang-bo-cap-tren"),
        *(
            ("unit", "add", c, f"Chi bộ {c}", "--kind", "chi-bo-co-so", "--parent", "TP")
            for c in ("C1", "C2", "C3")
        ),
    ):
        assert cli(*args, "--db", base).exit_code == 0
    source = tmp_path / "candidates.csv"
    admitted = write_candidates(source, rows, seed=rows)
    empty = counts(base)

    # One import run to the end: the "all" state, and the moments to aim at.
    full_db = tmp_path / "full.db"
    shutil.copyfile(base, full_db)
    write_start, write_end, whole = run_to_end(full_db, source)
    full = counts(full_db)
    assert full["person"] - empty["person"] == rows
    assert full["admission"] - empty["admission"] == admitted
    assert full["imports"] == empty["imports"] + 1

    # Half the kills anywhere in the run, half while the transaction writes and commits.
    rnd = random.Random(20261127)
    window = write_end - write_start + 0.05
    plan = [
        (rnd.uniform(0.02, whole), False) if n % 2 else (rnd.uniform(0, window), True)
        for n in range(KILLS)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:  # two crashes at a time, apart
        trials = list(
            pool.map(
                lambda n: kill_once(
                    base, source, tmp_path / f"kill{n}.db", plan[n][0], once_writing=plan[n][1]
                ),
                range(KILLS),
            )
        )
    for found, _writing in trials:
        assert found in (empty, full), found
    mid_write = sum(w for _found, w in trials)
    assert mid_write >= KILLS // 4, mid_write  # the crashes did hit the writing
    outcomes = {
        "none": sum(f == empty for f, _w in trials),
        "all": sum(f == full for f, _w in trials),
        "killed_while_writing": mid_write,
    }
    record_property("outcomes", outcomes)
    sys.stderr.write(
        f"\n{rows} rows, writing {write_start:.1f}-{write_end:.1f}s of {whole:.1f}s: "
        f"{KILLS} kills -> {outcomes}\n"
    )
