#!/usr/bin/env python3
"""dangvien against its peers, on this machine, in one run.

    python benchmarks/run.py                 # the full run: 1,000,000 candidates, minutes
    python benchmarks/run.py --scale 0.1     # 100,000 candidates, 6,000 units: a quick look

Run it with the Python that has dangvien installed (a project venv). It generates the data
(benchmarks/data/, once), creates benchmarks/.venv-peers with sqlite-utils (once), then
measures whole processes side by side: start-up, importing candidates with full validation,
the quota report and a name search, each against the yardstick issue #6 names, at each size
from 10,000 rows up. It prints the tables and writes them to benchmarks/out/results.md
(and the raw figures to results.json).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench_lib import (
    ENV,
    HERE,
    Case,
    dangvien_argv,
    machine,
    measure,
    peers_venv,
    progress,
    sqlite3_cli,
)
from bench_lists import (
    bench_lists,
    bench_unit_reports,
    list_targets,
    lists_table,
    unit_reports_table,
)
from bench_report import document, import_table, query_table, startup_table
from bench_targets import check_alembic, targets

PY = sys.executable
SEARCH = "Nguyễn Thị Lan"
DV = dangvien_argv()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="1 = 60,000 units, 1,000,000 rows")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command")
    ap.add_argument("--heavy-runs", type=int, default=3, help="timed runs of a 1M-row import")
    ap.add_argument("--startup-runs", type=int, default=10)
    ap.add_argument("--no-sqlite-utils-at-full-size", action="store_true")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args(argv)
    if sqlite3_cli() is None:
        ap.error("the sqlite3 command-line shell is needed (apt install sqlite3)")
    work = args.out / "work"
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    data = ensure_data(args.scale)
    utils = peers_venv()
    startup = bench_startup(work, utils, args.startup_runs)
    sizes = growth_files(data)
    base = base_db(work, data)
    imports, dbs = {}, {}
    for size, path in sizes.items():
        full = size >= 1_000_000
        imports[size], dbs[size] = bench_import(
            work,
            base,
            path,
            size,
            args.heavy_runs if full else args.runs,
            utils if not (full and args.no_sqlite_utils_at_full_size) else None,
        )
    queries = {size: bench_queries(db, args.runs) for size, db in dbs.items()}
    lists = bench_lists(base, dbs[max(dbs)], SEARCH, args.runs)
    unit_reports = bench_unit_reports(dbs[max(dbs)], args.runs)
    info["load"] += " at the start; " + machine()["load"] + " at the end"
    sections = [
        (
            "Targets",
            targets(
                startup, imports, queries, check_alembic(work / "demo.db"), list_targets(lists)
            ),
        ),
        ("Start-up", startup_table(startup)),
        ("Import of candidates (CSV → SQLite, one transaction)", import_table(imports)),
        ("Queries on the imported database", query_table(queries)),
        ("Lists as a table and in every format", lists_table(lists)),
        ("A unit's reports on the whole database", unit_reports_table(unit_reports)),
    ]
    text = document(info, sections, " ".join(["python benchmarks/run.py", *sys.argv[1:]]))
    print(text)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    raw = {
        "info": info,
        "cases": [
            {"name": c.name, "argv": c.argv, "samples": [s.__dict__ for s in c.samples]}
            for c in [
                *startup,
                *(c for v in imports.values() for c in v),
                *(c for v in queries.values() for p in v for c in p if c),
                *lists,
                *unit_reports,
            ]
        ],
    }
    (args.out / "results.json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    print(f"\nwritten: {args.out / 'results.md'}", file=sys.stderr)
    return 0


def ensure_data(scale: float) -> Path:
    folder = HERE / "data" / ("full" if scale == 1 else f"scale-{scale:g}")
    stamp = folder / "generated-with.txt"
    # regenerated when the arguments or the generator change
    sources = b"".join(p.read_bytes() for p in sorted(HERE.glob("gen_*.py")))
    wanted = f"gen_data.py --seed 42 --scale {scale:g} {hashlib.sha256(sources).hexdigest()}\n"
    if stamp.exists() and stamp.read_text() == wanted:
        return folder
    progress(f"generating the data set into {folder} (once)")
    for old in folder.glob("candidates_*.csv"):  # prefixes of the previous data set
        old.unlink()
    subprocess.run(
        [
            PY,
            str(HERE / "gen_data.py"),
            "--out",
            str(folder),
            "--seed",
            "42",
            "--scale",
            f"{scale:g}",
        ],
        check=True,
        env=ENV,
    )
    stamp.write_text(wanted)
    return folder


def growth_files(data: Path) -> dict[int, Path]:
    """10,000, 100,000, … rows: the first rows of candidates.csv (rows are independent)."""
    full = data / "candidates.csv"
    with full.open(encoding="utf-8") as fh:
        total = sum(1 for _ in fh) - 1
    sizes: dict[int, Path] = {}
    size = 10_000
    while size < total:
        part = data / f"candidates_{size}.csv"
        if not part.exists() or part.stat().st_mtime < full.stat().st_mtime:
            with full.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
                for _ in range(size + 1):
                    dst.write(src.readline())
        sizes[size] = part
        size *= 10
    sizes[total] = full
    return sizes


def base_db(work: Path, data: Path) -> Path:
    """The units and quotas, imported once by dangvien itself; each import starts from a copy."""
    base = work / "base.db"
    fresh(base)
    subprocess.run([*DV, "db", "init", "--db", str(base)], check=True, env=ENV, capture_output=True)
    for kind, name in (("unit", "units.csv"), ("quota", "quotas.csv")):
        progress(f"loading {name} into the base database")
        subprocess.run(
            [*DV, kind, "import", str(data / name), "--db", str(base), "--quiet"],
            check=True,
            env=ENV,
            stdout=subprocess.DEVNULL,
        )
    return base


def fresh(db: Path, copy_of: Path | None = None) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if copy_of is not None:
        shutil.copyfile(copy_of, db)


def bench_startup(work: Path, utils: Path | None, runs: int) -> list[Case]:
    demo = work / "demo.db"
    fresh(demo)
    subprocess.run([*DV, "demo", "--db", str(demo)], check=True, env=ENV, stdout=subprocess.DEVNULL)
    cases = [
        Case("python3 -c pass", [PY, "-c", "pass"]),
        Case('python3 -c "import typer"', [PY, "-c", "import typer"]),
        Case("dangvien --version", [*DV, "--version"]),
        Case("python3 typer_hello.py --help", [PY, str(HERE / "typer_hello.py"), "--help"]),
        Case("dangvien --help", [*DV, "--help"]),
        Case(
            'python3 -c "import typer, sqlmodel, rich.table"',
            [PY, "-c", "import typer, sqlmodel, rich.table"],
        ),
        Case("dangvien unit list --db demo.db", [*DV, "unit", "list", "--db", str(demo)]),
    ]
    if utils is not None:
        cases.insert(4, Case("sqlite-utils --help", [str(utils), "--help"]))
    measure(cases, runs, "start-up")
    return cases


def bench_import(
    work: Path, base: Path, csv_path: Path, size: int, runs: int, utils: Path | None
) -> tuple[list[Case], Path]:
    ours, plain, other = (work / f"{name}_{size}.db" for name in ("dangvien", "sqlite3", "utils"))
    cases = [
        Case(
            "sqlite3 .import --csv",
            [sqlite3_cli(), str(plain), f".import --csv {csv_path} c"],
            setup=lambda: fresh(plain),
        ),
        Case(
            "dangvien candidate import",
            [*DV, "candidate", "import", str(csv_path), "--db", str(ours), "--quiet"],
            setup=lambda: fresh(ours, base),
        ),
    ]
    if utils is not None:
        cases.append(
            Case(
                "sqlite-utils insert --csv",
                [str(utils), "insert", str(other), "c", str(csv_path), "--csv"],
                setup=lambda: fresh(other),
                runs=1,
                warmup=size < 1_000_000,
            )
        )
    measure(cases, runs, f"import {size:,}")
    fresh(plain)
    fresh(other)
    return cases, ours


def bench_queries(db: Path, runs: int) -> list[tuple[Case, Case | None]]:
    """The quota report (the top level a clerk reads, and every unit for a script) and a
    name search, each against the same query written by hand for the sqlite3 shell."""
    sql = HERE / "sql"
    cli = [sqlite3_cli(), "-readonly", "-csv", "-header", str(db)]
    dv = [*DV, "--db", str(db)]
    quota = ["report", "quota", "--period", "2024"]
    search = ["candidate", "list", "--search", SEARCH]
    pairs = [
        (
            Case("dangvien report quota --period 2024 --depth 1", [*dv, *quota, "--depth", "1"]),
            Case(
                "sqlite3 < report_quota_2024_top.sql",
                [*cli, f".read {sql / 'report_quota_2024_top.sql'}"],
            ),
            [*dv, *quota, "--depth", "1", "--format", "csv"],
        ),
        (
            Case(
                "dangvien report quota --period 2024 --format csv", [*dv, *quota, "--format", "csv"]
            ),
            Case(
                "sqlite3 < report_quota_2024_all.sql",
                [*cli, f".read {sql / 'report_quota_2024_all.sql'}"],
            ),
            None,
        ),
        (
            Case(
                f'dangvien candidate list --search "{SEARCH}" --format csv',
                [*dv, *search, "--format", "csv"],
            ),
            Case(
                "sqlite3 < search_nguyen_thi_lan.sql",
                [*cli, f".read {sql / 'search_nguyen_thi_lan.sql'}"],
            ),
            None,
        ),
    ]
    for ours, theirs, same_as in pairs:  # dangvien and the SQL must give the same answer
        _same(_output(same_as or ours.argv), _output(theirs.argv))
    measure([c for ours, theirs, _ in pairs for c in (theirs, ours)], runs, f"queries on {db.name}")
    return [(ours, theirs) for ours, theirs, _ in pairs]


def _output(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=True, env=ENV).stdout


def _same(ours: str, theirs: str) -> None:
    """dangvien and the hand-written SQL must answer alike: the same rows, the same total."""
    a = list(csv.DictReader(io.StringIO(ours)))
    b = list(csv.DictReader(io.StringIO(theirs)))
    if len(a) != len(b):
        raise SystemExit(f"dangvien gave {len(a)} rows, the SQL {len(b)}")
    if "admitted" in (b[0] if b else {}):
        got = sum(int(r.get("admitted") or 0) for r in a)
        want = sum(int(r["admitted"] or 0) for r in b)
        if got != want:
            raise SystemExit(f"dangvien counted {got} admissions, the SQL {want}")


if __name__ == "__main__":
    sys.exit(main())
