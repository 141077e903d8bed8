"""Whole-process timing for run.py: each command runs as a fresh child; wall time from
time.perf_counter around it, CPU time and peak RSS from os.wait4's resource usage of that
child alone (so one figure is one process, as GNU time reports it).

Commands of one group run in rounds, one of each per round, after a warm-up of each: a
burst of load from elsewhere on the machine then slows every command of the round alike,
and the ratios between them stay fair.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Case:
    name: str
    argv: list[str]
    setup: Callable[[], None] | None = None  # before each run, not timed
    runs: int | None = None  # None: the group's number of runs
    check: Callable[[str], None] | None = None  # given the warm-up's stdout
    warmup: bool = True
    samples: list[Sample] = field(default_factory=list)
    stdout: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def rss_mib(self) -> float:
        return statistics.median(s.rss_kib for s in self.samples) / 1024

    @property
    def spread(self) -> str:
        walls = [s.wall for s in self.samples]
        return f"{fmt_s(min(walls))}–{fmt_s(max(walls))}"


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_kib: int


class CommandFailed(RuntimeError):
    pass


def child_env() -> dict[str, str]:
    """The caller's environment as a user has it: bytecode caches allowed (a sandbox that
    sets PYTHONDONTWRITEBYTECODE would otherwise recompile dangvien on every start), no
    colours, a fixed width, Vietnamese (the default)."""
    env = dict(os.environ)
    for name in (
        "PYTHONDONTWRITEBYTECODE",
        "DANGVIEN_LANG",
        "DANGVIEN_DB",
        "PYTHONPROFILEIMPORTTIME",
    ):
        env.pop(name, None)
    env.update(NO_COLOR="1", COLUMNS="120", PYTHONUNBUFFERED="0")
    return env


ENV = child_env()


# GNU time reports the peak RSS of the command alone. os.wait4's figure for a child of this
# Python also counts the pages the child shared with it before exec (a floor of ~20 MiB).
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def run_once(case: Case, capture: bool = False) -> Sample:
    if case.setup is not None:
        case.setup()
    with (
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryFile() as out,
        tempfile.NamedTemporaryFile("r") as peak,
    ):
        argv = [GNU_TIME, "-f", "%M", "-o", peak.name, *case.argv] if GNU_TIME else case.argv
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdout=out if capture else subprocess.DEVNULL, stderr=err, env=ENV
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        rss = usage.ru_maxrss
        if GNU_TIME:
            text = peak.read().split()
            rss = int(text[-1]) if text and text[-1].isdigit() else rss
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            raise CommandFailed(f"{' '.join(case.argv)} exited {proc.returncode}:\n{tail}")
        if capture:
            out.seek(0)
            case.stdout = out.read().decode("utf-8", "replace")
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss)


def measure(cases: list[Case], runs: int, label: str) -> None:
    """A warm-up run of each case (its output checked), then rounds of timed runs."""
    for case in cases:
        if case.warmup:
            progress(f"{label}: warm-up {case.name}")
            run_once(case, capture=case.check is not None)
        if case.check is not None:
            case.check(case.stdout)
    for round_no in range(max(case.runs or runs for case in cases)):
        for case in cases:
            if round_no < (case.runs or runs):
                progress(f"{label}: run {round_no + 1} {case.name}")
                case.samples.append(run_once(case))


def progress(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def tool_version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True, env=ENV, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else "?"


def machine() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{mem_kib / 1024 / 1024:.0f} GiB"
    except OSError:
        memory = "?"
    packages = []
    for name in ("dangvien", "typer", "rich", "sqlmodel", "SQLAlchemy", "pydantic", "alembic"):
        try:
            packages.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            packages.append(f"{name} ?")
    import sqlite3

    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{cpu}, {os.cpu_count()} cores, {memory} RAM, {platform.system()} "
        f"{platform.release()}",
        "python": f"CPython {platform.python_version()} ({sys.executable})",
        "sqlite": f"sqlite3 module {sqlite3.sqlite_version}; CLI "
        f"{tool_version(['sqlite3', '-version']).split(' ')[0]}",
        "packages": ", ".join(packages),
        "load": "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def dangvien_argv() -> list[str]:
    """The installed console script next to this Python, as a clerk runs it."""
    script = Path(sys.executable).parent / "dangvien"
    return [str(script)] if script.exists() else [sys.executable, "-m", "dangvien_cli"]


def peers_venv(quiet: bool = False) -> Path | None:
    """sqlite-utils in its own virtual environment (benchmarks/.venv-peers), created on the
    first run; None (and a note) when it cannot be installed."""
    venv = HERE / ".venv-peers"
    exe = venv / "bin" / "sqlite-utils"
    if exe.exists():
        return exe
    progress("creating benchmarks/.venv-peers with sqlite-utils (first run only)")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "sqlite-utils"],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"sqlite-utils could not be installed ({exc}); its rows are skipped", file=sys.stderr)
        return None
    return exe if exe.exists() else None


def sqlite3_cli() -> str | None:
    return shutil.which("sqlite3")
