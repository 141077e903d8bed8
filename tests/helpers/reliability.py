"""Helpers of the reliability, privacy and fuzz tests (no tests here).

Run as a script it is the writer process of the concurrency test:
``python tests/helpers/reliability.py writer DB NAME COUNT GO_FILE OUT_FILE``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck
from hypothesis import strategies as st

UNEXPECTED = ("Traceback", "Lỗi ngoài dự kiến", "Unexpected error")


def fingerprint(db: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """A digest of every table's rows: equal digests, equal contents."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        out = {}
        for table in tables:
            if table in skip:
                continue
            h = hashlib.sha256()
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                h.update(repr(row).encode())
            out[table] = h.hexdigest()
        return out
    finally:
        conn.close()


def table_count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


class FastCli:
    """The real command tree, built once: each call parses argv and runs the command as
    ``dangvien`` would (its own engine, its own transaction, its error boundary)."""

    def __init__(self) -> None:
        import typer
        from typer.testing import CliRunner

        from dangvien_cli.cli import build_app

        self.command = typer.main.get_command(build_app())
        self.runner = CliRunner()

    def __call__(self, *args: object, input: str | None = None) -> tuple[int, str, str]:  # noqa: A002
        from dangvien_cli.i18n import lang_from_argv, set_lang

        argv = [str(a) for a in args]
        set_lang(lang_from_argv(argv))
        with self.runner.isolation(input=input) as (out, err, _mixed):
            try:
                self.command.main(args=argv, prog_name="dangvien")
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
            return code, out.getvalue().decode(), err.getvalue().decode("utf-8", "replace")


def writer(db: str, name: str, count: int, go_file: str, out_file: str) -> None:
    """One clerk's script: ``count`` writes of three kinds, one command each."""
    cli = FastCli()
    while not Path(go_file).exists():
        time.sleep(0.005)
    results: list[dict[str, Any]] = []
    for i in range(count):
        kind = i % 3
        if kind == 0:
            args = ["unit", "add", f"{name}-{i}", f"Chi bộ {name} {i}", "--kind", "chi-bo-co-so"]
            args += ["--parent", "TP"]
        elif kind == 1:
            args = ["quota", "set", "TP", str(2000 + i % 20), str(i), "--source", f"{name}-{i}"]
        else:
            args = ["candidate", "add", f"Người {name} {i}", "--unit", "TP"]
            args += ["--birth", "01/01/1990", "--gender", "nam", "--sourced", "01/01/2024"]
        code, out, err = cli("--actor", name, *args, "--db", db)
        results.append({"i": i, "kind": kind, "code": code, "out": out.strip(), "err": err})
    Path(out_file).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


# --- what the fuzz tests share ----------------------------------------------------------

COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}

TEXT = st.text(
    alphabet=st.sampled_from(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÊỐỮàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộ"
        "ờớởỡợùúủũụừứửữựỳýỷỹỵ 0123456789-_/.,;:'\"\t\n\r\x00=+@[]{}…–"
    ),
    max_size=24,
)
DATES = st.one_of(
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["31/02/2021", "00/00/0000", "2021-13-01", "1/1/21", "03/06/2024", ""]),
    TEXT,
)
INTS = st.one_of(
    st.integers(-10, 10**13).map(str), st.sampled_from(["1.200", "1,5", "", "12 000"]), TEXT
)


UNITS = (
    "code,name,kind,parent\nTP,Thành phố,dang-bo-cap-tren,\nC1,Chi bộ 1,chi-bo-co-so,TP\n"
    "DALAN,Đảng bộ Dạ Lan,dang-bo-co-so,TP\nDALAN.CB1,Chi bộ 1 Dạ Lan,chi-bo-truc-thuoc,DALAN\n"
)
CANDIDATES = (
    "full_name,birth_date,gender,education,unit_code,source_date,class_date,application_date,"
    "vote_date,votes_for,official_members,committee_date,decision_no,decision_date\n"
    "Trần Thị Mai,15/05/1995,nu,thpt,C1,01/01/2024,,,,,,,,\n"
    "Lê Văn Hùng,20/10/1994,nam,thpt,C1,01/01/2024,01/03/2024,01/04/2024,10/05/2024,10,12,"
    "20/05/2024,2-QĐ/TU,03/06/2024\n"
)
MEMBERS = (
    "full_name,birth_date,gender,unit_code,status\nCao Hữu Thành,12/12/1996,nam,DALAN.CB1,dự bị\n"
)


def build_world(folder: Path) -> tuple[FastCli, Path]:
    """A small database built by the real commands, and the one command tree."""
    db = folder / "template.db"
    cli = FastCli()
    for name, text in (("units.csv", UNITS), ("cands.csv", CANDIDATES), ("mem.csv", MEMBERS)):
        (folder / name).write_text(text, encoding="utf-8")
    for args in (
        ("db", "init"),
        ("unit", "import", folder / "units.csv"),
        ("quota", "set", "TP", "2021", "200", "--source", "tinh"),
        ("candidate", "import", folder / "cands.csv"),
        ("member", "import", folder / "mem.csv", "--unit", "DALAN"),
        ("class", "add", "K1", "Lớp 1", "--start", "01/02/2024", "--end", "05/02/2024")
        + ("--organizer", "Trung tâm Chính trị"),
        ("class", "enroll", "K1", "1"),
    ):
        code, out, err = cli(*args, "--db", db)
        assert code == 0, (args, out, err)
    return cli, db


def write_tally(name: str, found: Counter) -> None:
    """One line per fuzz test: how many cases, how each ended (and to a file if asked)."""
    cases = sum(v for k, v in found.items() if k.startswith("exit"))
    line = f"{name}: {cases} cases {dict(sorted(found.items()))}\n"
    sys.stderr.write("\n" + line)
    report = os.environ.get("DANGVIEN_FUZZ_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as fh:
            fh.write(line)


if __name__ == "__main__":
    if sys.argv[1] == "writer":
        with contextlib.redirect_stdout(io.StringIO()):
            writer(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6])
