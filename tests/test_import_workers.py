"""A large first load is checked in worker processes (candidate_workers). Whatever checks
the rows, the import must write the same people, history and roster, and refuse the same
rows with the same reasons: checked here by importing one file both ways, on either engine."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dangvien_cli.errors import InvalidFile, RowError, RowErrors
from dangvien_cli.services.imports import candidate_workers as workers
from dangvien_cli.services.imports import candidates as importer

REPO = Path(__file__).resolve().parents[1]
TABLES = {  # what each table holds, without the moment it was written
    "person": "id, full_name, name_key, given_key, sort_key, birth_date, gender, national_id, "
    "phone, unit_id, education, stage, stage_on",
    "pipeline_event": "id, person_id, step, occurred_on, document_no, issuer, detail, note",
    "admission": "person_id, unit_id, decision_no, decision_date, ceremony_date, official_date",
    "member": "person_id, unit_id, status, admitted_on, official_on, left_on",
}


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("workers") / "data"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gen_data.py"), "--out", str(out)]
        + ["--scale", "0.002"],
        check=True,
        capture_output=True,
    )
    return out


def candidates_file(data: Path, target: Path, rows: int, extra: list[str] = ()) -> Path:
    with (data / "candidates.csv").open(encoding="utf-8") as src:
        lines = [src.readline() for _ in range(rows + 1)]
    target.write_text("".join(lines) + "".join(f"{e}\n" for e in extra), encoding="utf-8")
    return target


@pytest.fixture
def two_ways(cli, sql, data, new_db_url, monkeypatch):
    """``run(path)``: the file imported by this process alone and by two workers, each into
    a new database; the two outcomes (exit code, output, tables) as a pair."""
    forked = []

    def counted(*args):  # the real function, noted: the workers must have been used
        forked.append(args[-1])
        yield from checked_in_workers(*args)

    checked_in_workers = workers.checked_in_workers
    monkeypatch.setattr(workers, "checked_in_workers", counted)
    monkeypatch.setattr(workers, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(workers, "CHUNK", 37)  # many chunks, none the size of a batch
    monkeypatch.setattr(importer, "BATCH", 100)

    def one(path: Path, jobs: str):
        url = new_db_url()
        monkeypatch.setenv("DANGVIEN_DB", url)
        monkeypatch.setenv(workers.JOBS_ENV, jobs)
        assert cli("db", "init").exit_code == 0
        assert cli("unit", "import", data / "units.csv").exit_code == 0
        result = cli("candidate", "import", path)
        tables = {t: sql(f"SELECT {c} FROM {t} ORDER BY 1, 2", url) for t, c in TABLES.items()}
        return result.exit_code, result.stdout, result.stderr, tables

    def run(path: Path):
        forked.clear()
        alone = one(path, "1")
        assert forked == []
        both = one(path, "2")
        assert forked == [2]
        return alone, both

    return run


def first_row(data: Path) -> tuple[list[str], dict[str, str]]:
    """The header of the generated file and its first row with every step recorded."""
    with (data / "candidates.csv").open(encoding="utf-8") as src:
        rows = csv.DictReader(src)
        return list(rows.fieldnames or ()), next(r for r in rows if r["official_date"])


def as_xlsx(path: Path) -> Path:
    """The CSV as a unit's Excel file would hold it: text cells, as typed."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    with path.open(encoding="utf-8") as src:
        for row in csv.reader(src):
            sheet.append(row)
    target = path.with_suffix(".xlsx")
    book.save(target)
    return target


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_workers_write_what_one_process_writes(two_ways, data, tmp_path, kind):
    header, full = first_row(data)
    warned = [  # a warning of each kind, counted across chunks
        {**full, "national_id": "099" + full["national_id"][3:]},  # R29: no such province
        {**full, "national_id": "", "education": ""},  # R4: level not given
        {  # R2: over 60 at a vote that led to no decision yet
            **full,
            **dict.fromkeys(("national_id", "committee_date", "decision_no", "decision_date")),
            **dict.fromkeys(("decision_body", "ceremony_date", "official_date")),
            "birth_date": "01/01/1950",
        },
    ]
    extra = [",".join(r[h] or "" for h in header) for r in warned]
    path = candidates_file(data, tmp_path / "c.csv", 900, extra)
    alone, both = two_ways(as_xlsx(path) if kind == "xlsx" else path)
    assert alone[0] == 0, alone[2]
    assert all(f"{rule}." in alone[2] for rule in ("R2", "R4", "R29")), alone[2]
    assert len(alone[3]["person"]) == 903 and len(alone[3]["pipeline_event"]) > 903
    assert both == alone


def test_workers_refuse_what_one_process_refuses(two_ways, data, tmp_path):
    with (data / "candidates.csv").open(encoding="utf-8") as src:
        header = src.readline().rstrip("\n").split(",")
        first = dict(zip(header, src.readline().rstrip("\n").split(","), strict=True))

    def row(**changed: str) -> str:
        return ",".join({**first, **changed}[h] for h in header)

    bad = [
        row(national_id="", birth_date="31/02/1990"),  # no such day
        row(national_id="", unit_code="KHONG-CO"),  # no such unit
        row(national_id="", source_date="01/01/2099"),  # an act in the future
        row(national_id="") + ",x,y",  # too wide, refused as read, after the last chunk
    ]
    # 959 + 3 = 962 rows of the right width: 26 whole chunks of 37, then the one too wide
    alone, both = two_ways(candidates_file(data, tmp_path / "bad.csv", 959, bad))
    assert alone[0] == 1
    assert all(f"\n{line}\t" in alone[2] for line in (961, 962, 963, 964)), alone[2]
    assert alone[3]["person"] == []  # all or nothing
    assert both == alone


def test_workers_find_a_national_id_given_twice(two_ways, data, tmp_path):
    with (data / "candidates.csv").open(encoding="utf-8") as src:
        src.readline()
        first = src.readline().rstrip("\n")  # its CCCD again, 900 rows and many chunks on
    alone, both = two_ways(candidates_file(data, tmp_path / "twice.csv", 900, [first]))
    assert alone[0] == 1
    assert "\n902\tnational_id\t" in alone[2], alone[2]
    assert alone[3]["person"] == []
    assert both == alone


def test_small_files_and_later_imports_stay_in_one_process(tmp_path, monkeypatch):
    path = tmp_path / "c.csv"
    path.write_bytes(b"x" * 100)
    monkeypatch.delenv(workers.JOBS_ENV, raising=False)
    assert workers.jobs_for(path, first_load=True) == 1  # too small to pay for a fork
    monkeypatch.setattr(workers, "PARALLEL_FROM_BYTES", 10)
    monkeypatch.setenv(workers.JOBS_ENV, "3")
    assert workers.jobs_for(path, first_load=True) == 3
    assert workers.jobs_for(path, first_load=False) == 1  # rows are matched against people
    monkeypatch.setenv(workers.JOBS_ENV, "1")
    assert workers.jobs_for(path, first_load=True) == 1


@pytest.mark.parametrize("value", ["0", "abc", "-2", "1.5", "²"])
@pytest.mark.parametrize(
    ("lang", "words"), [("vi", "phải là một số nguyên"), ("en", "must be a whole number")]
)
def test_a_bad_jobs_setting_is_refused_in_one_line(cli, tmp_path, monkeypatch, value, lang, words):
    path = tmp_path / "c.csv"
    path.write_text("full_name,unit_code\nAn,DL\n", encoding="utf-8")
    monkeypatch.setenv(workers.JOBS_ENV, value)
    result = cli("--lang", lang, "candidate", "import", path)
    assert result.exit_code == 1
    assert words in result.stderr and workers.JOBS_ENV in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_errors_taken_from_a_worker_count_towards_the_limit():
    errors = RowErrors(path="c.csv", limit=3)
    errors.add(1, "a", "x", "bad")
    with pytest.raises(InvalidFile) as stopped:
        errors.take([RowError(5, "b", "y", "bad"), RowError(4, "c", "z", "bad")])
    assert [e.line for e in stopped.value.errors] == [1, 4, 5]


def dying_check(rows):  # a worker the kernel kills (out of memory) on the chunk after line 500
    if rows[0][0] > 500:
        os._exit(9)
    return checking_a_chunk(rows)


checking_a_chunk = workers._check


@pytest.mark.parametrize(("lang", "words"), [("vi", "dừng bất thường"), ("en", "unexpectedly")])
def test_a_worker_that_dies_stops_the_import_with_nothing_written(
    cli, sql, data, tmp_path, monkeypatch, lang, words
):
    monkeypatch.setattr(workers, "_check", dying_check)
    monkeypatch.setattr(workers, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(workers, "CHUNK", 100)
    monkeypatch.setattr(importer, "BATCH", 100)  # batches were written before it died
    monkeypatch.setenv(workers.JOBS_ENV, "2")
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    result = cli(
        "--lang", lang, "candidate", "import", candidates_file(data, tmp_path / "c.csv", 900)
    )
    assert result.exit_code == 1
    assert words in result.stderr and f"{workers.JOBS_ENV}=1" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sql("SELECT count(*) FROM person") == [(0,)]


def test_workers_stop_at_the_same_row_when_refusals_run_over_the_limit(two_ways, data, tmp_path):
    """Past 10,000 refusals the import stops and lists them: the same ones either way, rows
    of the wrong width (refused as they are read) and rows the rules refuse (in a worker)
    taken in file order."""
    header, full = first_row(data)
    bad_date = ",".join({**full, "national_id": "", "birth_date": "31/02/1990"}[h] for h in header)
    too_wide = bad_date.replace("31/02/1990", "01/01/1990") + ",x,y"
    mixed = [too_wide if i % 3 == 0 else bad_date for i in range(10_300)]
    # 10,000 refused as they are read, in a run: reading stops there, the rows before are
    # still judged, and the import stops where one process does
    run = [bad_date] * 250 + [too_wide] * 10_100
    for name, lines in (("mixed", mixed), ("run", run)):
        alone, both = two_ways(candidates_file(data, tmp_path / f"{name}.csv", 0, lines))
        assert alone[0] == 1
        assert "10.000" in alone[2], alone[2][-300:]
        assert both == alone, name


SLOW_WORKERS = """
import sys, time
from dangvien_cli.cli import main
from dangvien_cli.services.imports import candidate_workers as workers

workers.PARALLEL_FROM_BYTES, workers.CHUNK = 0, 20
checking = workers._check


def slowly(rows):  # the import lasts long enough to be killed in the middle
    time.sleep(0.2)
    return checking(rows)


workers._check = slowly
main(sys.argv[1:])
"""


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.sqlite_only  # processes, not the engine
@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_workers_do_not_outlive_an_import_killed_outright(cli, data, tmp_path):
    assert cli("unit", "import", data / "units.csv").exit_code == 0
    path = candidates_file(data, tmp_path / "c.csv", 900)
    env = {**os.environ, workers.JOBS_ENV: "2"}
    argv = [sys.executable, "-c", SLOW_WORKERS, "candidate", "import", str(path), "--quiet"]
    main = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(forked := children_of(main.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(forked) >= 2, main.stderr.read() if main.poll() is not None else "no workers"
    main.kill()  # SIGKILL: nothing in the main process runs after it
    main.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in forked) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in forked if Path(f"/proc/{pid}").exists()]
    for pid in left:  # not to leave them behind when the test fails
        os.kill(pid, 9)
    assert left == []
