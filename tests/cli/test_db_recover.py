"""Files refused are left alone, damage is said in one line and restored over, a backup that
fails the proof is not restored, a read-only folder is still read, and an upgrade is never
without its audit entry (issue 13, points 2, 3 and 4). SQLite files by nature."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dangvien_cli import db
from helpers.migrations import alembic_at

pytestmark = pytest.mark.sqlite_only
DANGVIEN = str(Path(sys.executable).with_name("dangvien"))


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_refusal(result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "ngoài dự kiến" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --- point 4: refused files are left alone -------------------------------------------------

READS_AND_WRITES = [
    ("unit", "list"),
    ("unit", "add", "C9", "Chi bộ 9", "--kind", "chi-bo-co-so"),
    ("report", "quota", "--period", "2021"),
    ("db", "check"),
    ("db", "upgrade"),
]


@pytest.mark.parametrize("kind", ["foreign", "newer"])
def test_a_refused_file_is_byte_identical_after_every_command(cli, demo_db, tmp_path, kind):
    path = tmp_path / f"{kind}.db"
    if kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE note (body text)")
        conn.execute("INSERT INTO note VALUES ('của chương trình khác')")
        conn.commit()
        conn.close()
    else:
        shutil.copyfile(demo_db, path)
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")  # as today's bug would show: WAL again
        conn.close()
    before, mode = digest(path), stat.S_IMODE(path.stat().st_mode)
    # A backup of a newer file is a faithful copy (and allowed); of a foreign one, refused.
    backup = [("db", "backup", tmp_path / "never.db")] if kind == "foreign" else []
    for args in [*READS_AND_WRITES, *backup]:
        result = cli(*args, "--db", path)
        one_line_refusal(result, 1 if kind == "foreign" else 4)
        assert digest(path) == before, args
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(kind)) == [path.name]
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert not (tmp_path / "never.db").exists()


def test_an_empty_file_becomes_a_private_database(cli, tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    os.chmod(path, 0o644)
    refused = cli("unit", "add", "C9", "Chi bộ 9", "--kind", "khong-co", "--db", path)
    assert refused.exit_code != 0
    assert path.read_bytes() == b""  # refused at the door: the file not even opened
    assert cli("unit", "list", "--db", path).exit_code == 1  # not a database: db init makes it
    assert path.read_bytes() == b""
    assert cli("db", "init", "--db", path).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert rows(path, "SELECT version_num FROM alembic_version") == [(db.SCHEMA_HEAD,)]


# --- point 2: damage, restore -------------------------------------------------------------


def damage_pages(path: Path) -> None:
    with path.open("r+b") as fh:
        fh.seek(4096 * 20)
        fh.write(b"\xff" * 4096 * 3)


@pytest.mark.parametrize("damage", ["pages", "header", "truncated", "index"])
def test_db_check_on_a_damaged_file_says_so_in_one_line(cli, demo_db, damage):
    if damage == "pages":
        damage_pages(demo_db)
    elif damage == "header":
        with demo_db.open("r+b") as fh:
            fh.write(b"not a database at all!")
    elif damage == "truncated":
        os.truncate(demo_db, 3000)
    else:
        conn = sqlite3.connect(demo_db)
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_unit_name_key ON unit (code)' "
            "WHERE name = 'ix_unit_name_key'"
        )
        conn.commit()
        conn.close()
    line = one_line_refusal(cli("db", "check"))
    assert "hỏng" in line and "db restore" in line


@pytest.mark.parametrize("live", ["damaged", "foreign", "empty"])
def test_restore_replaces_a_damaged_or_foreign_live_file_keeping_its_bytes(
    cli, demo_db, tmp_path, live
):
    good = tmp_path / "good.db"
    assert cli("db", "backup", good).exit_code == 0
    if live == "damaged":
        damage_pages(demo_db)
    elif live == "foreign":
        demo_db.write_bytes(b"GIF89a not ours")
    else:
        demo_db.write_bytes(b"")
    kept = demo_db.read_bytes()
    result = cli("db", "restore", good, "--yes")
    assert result.exit_code == 0, result.output
    [saved] = tmp_path.glob("demo.db.before-restore.*.bak")
    assert saved.read_bytes() == kept and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(demo_db.stat().st_mode) == 0o600
    assert cli("db", "check", "--as-of", "2021-12-31").exit_code == 0
    assert rows(demo_db, "SELECT count(*) FROM unit") == rows(good, "SELECT count(*) FROM unit")
    assert not list(tmp_path.glob(".demo.db.restoring.*"))


def broken(kind: str, path: Path) -> None:
    conn = sqlite3.connect(path)
    if kind == "guard":
        conn.execute("DROP TRIGGER audit_log_no_update")
    elif kind == "planted":  # a "backup" handed over that renames everyone added later
        conn.execute(
            "CREATE TRIGGER rename AFTER INSERT ON person "
            "BEGIN UPDATE person SET full_name = 'X' WHERE id = NEW.id; END"
        )
    elif kind == "chain":
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("UPDATE audit_log SET actor = 'ke-gian' WHERE id = 1")
        conn.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'dangvien: audit_log is append-only'); END"
        )
    elif kind == "figures":
        conn.execute(
            "DELETE FROM admission WHERE person_id IN (SELECT person_id FROM admission LIMIT 10)"
        )
    conn.commit()
    conn.close()
    if kind == "integrity":
        damage_pages(path)


@pytest.mark.parametrize("kind", ["guard", "planted", "chain", "integrity"])
def test_restore_refuses_a_backup_that_fails_the_proof(cli, demo_db, tmp_path, kind):
    bad = tmp_path / "bad.db"
    assert cli("db", "backup", bad).exit_code == 0
    broken(kind, bad)
    live, backup = digest(demo_db), digest(bad)
    line = one_line_refusal(cli("db", "restore", bad, "--yes"))
    assert "bad.db" in line and ("không khôi phục" in line or "bị hỏng" in line)
    assert (digest(demo_db), digest(bad)) == (live, backup)  # neither file touched
    assert not list(tmp_path.glob("*.before-restore.*"))


def test_a_backup_with_figures_off_is_restored_and_db_check_names_them(cli, demo_db, tmp_path):
    """Figures that disagree with the events are db check's to report, not a reason to
    refuse a restore: the live database may hold the very same findings."""
    backup = tmp_path / "figures.db"
    assert cli("db", "backup", backup).exit_code == 0
    broken("figures", backup)
    assert cli("db", "restore", backup, "--yes").exit_code == 0
    result = cli("db", "check", "--format", "json", "--as-of", "2021-12-31")
    assert result.exit_code == 1
    assert {f["check"] for f in json.loads(result.stdout)} == {"admission_missing"}


def test_a_database_in_a_read_only_folder_is_still_read(demo_db, tmp_path_factory):
    """A read-only mount (a CD, a share): read commands work, a write says why in one line.
    Made with a private mount namespace, which works as root or not."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare")
    folder, out = demo_db.parent, tmp_path_factory.mktemp("outside")
    script = (
        f"mount --bind -o ro {folder} {folder} || exit 99\n"
        f"{DANGVIEN} unit list --format json --db {demo_db} > {out}/units.json || exit 1\n"
        f"{DANGVIEN} candidate list --format json --db {demo_db} > /dev/null || exit 2\n"
        f"{DANGVIEN} db check --as-of 2021-12-31 --db {demo_db} 2>/dev/null || exit 3\n"
        f"{DANGVIEN} unit add C9 'Chi bộ 9' --kind chi-bo-co-so --db {demo_db} "
        f"2> {out}/err.txt\n"
        "test $? -eq 1 || exit 4\n"
    )
    done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True)
    if done.returncode == 99:
        pytest.skip("no mount namespace here")
    assert done.returncode == 0, done.stderr
    assert '"code": "TP"' in (out / "units.json").read_text(encoding="utf-8")
    err = (out / "err.txt").read_text(encoding="utf-8").strip().splitlines()
    assert len(err) == 1 and "chỉ đọc được" in err[0] and "readonly" in err[0]


# --- point 3: the upgrade and its record, one transaction ------------------------------------


def old_database(path: Path) -> None:
    """A database at 0003 with two entries in its trail, written as 0003 wrote them."""
    alembic_at(path, "0003")
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO audit_log (at, actor, command, entity, entity_id, action, after) "
        "VALUES (?, 'lan', 'dangvien unit add', 'unit', ?, 'add', ?)",
        [
            ("2024-01-02 03:04:05.000006", "TP", '{"name": "Thành phố"}'),
            ("2024-01-03 03:04:05.000000", "C1", None),
        ],
    )
    conn.commit()
    conn.close()


def columns(path: Path) -> set[str]:
    return {r[1] for r in rows(path, "PRAGMA table_info(audit_log)")}


def test_the_upgrade_chains_the_old_trail_and_records_itself(cli, tmp_path):
    path = tmp_path / "old.db"
    old_database(path)
    result = cli("--actor", "bao", "db", "upgrade", "--db", path)
    assert result.exit_code == 0, result.output
    trail = rows(path, "SELECT id, actor, action, prev_hash, entry_hash FROM audit_log ORDER BY id")
    assert [(r[1], r[2]) for r in trail] == [("lan", "add"), ("lan", "add"), ("bao", "upgrade")]
    assert [r[3] for r in trail[1:]] == [r[4] for r in trail[:-1]]  # each points at the last
    assert cli("db", "check", "--db", path).exit_code == 0


def test_a_failed_audit_write_rolls_the_upgrade_back(cli, tmp_path):
    path = tmp_path / "old.db"
    old_database(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TRIGGER refuse_upgrade_entry BEFORE INSERT ON audit_log "
        "WHEN NEW.action = 'upgrade' BEGIN SELECT RAISE(ABORT, 'no room for the record'); END"
    )
    conn.commit()
    conn.close()
    result = cli("db", "upgrade", "--db", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert rows(path, "SELECT version_num FROM alembic_version") == [("0003",)]
    assert "entry_hash" not in columns(path)  # the migration went back with the record
    assert rows(path, "SELECT count(*) FROM audit_log") == [(2,)]


KILLS = 16


def test_a_kill_during_the_upgrade_never_leaves_it_unrecorded(tmp_path):
    """SIGKILL at a random moment of `db upgrade`: either nothing happened (0003, no upgrade
    entry) or all of it (head, one upgrade entry, the chain whole)."""
    template = tmp_path / "template.db"
    old_database(template)
    rng = random.Random(13)
    outcomes = {"before": 0, "after": 0}
    timed = tmp_path / "timed.db"
    shutil.copyfile(template, timed)
    start = time.perf_counter()
    subprocess.run([DANGVIEN, "db", "upgrade", "--db", str(timed)], capture_output=True, check=True)
    whole = time.perf_counter() - start  # kills land from mid-start-up to just after the end
    for i in range(KILLS):
        path = tmp_path / f"k{i}.db"
        shutil.copyfile(template, path)
        proc = subprocess.Popen(
            [DANGVIEN, "db", "upgrade", "--db", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.05) * whole)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        version = rows(path, "SELECT version_num FROM alembic_version")[0][0]
        upgrades = rows(path, "SELECT count(*) FROM audit_log WHERE action = 'upgrade'")[0][0]
        assert (version, upgrades) in (("0003", 0), (db.SCHEMA_HEAD, 1)), i
        outcomes["before" if version == "0003" else "after"] += 1
        if version == db.SCHEMA_HEAD:
            assert "entry_hash" in columns(path)
    assert sum(outcomes.values()) == KILLS  # 16 kills: 5 before the commit, 11 after (seed 13)
