"""Checking a large first load's rows in worker processes.

Checking a row is Python work, about two thirds of what a row of a candidate import costs
(docs/benchmarks.md), and one process does it on one core. When the file is large and the
database holds nobody yet (a first load: no row is matched against stored people, so a row's
verdict depends on the row alone), batches of rows go to worker processes that check them
and send back staged rows; this process goes on reading the file and writing the database.
Results come back in file order, so ids, events and refusals are what one process gives.

Workers are forked: they start with the rules, the catalogue's language, the unit and
column maps this process holds, and only rows cross between processes. Where fork is not
the platform's way (Windows; macOS, where it is unsafe), or for a small file, checking
stays in this process.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dangvien_cli.errors import DangvienError, InvalidFile, RowError, RowErrors
from dangvien_cli.services.imports.candidate_load import Staged, staged
from dangvien_cli.services.imports.candidate_rows import parse_candidate
from dangvien_cli.services.imports.candidate_rules import Checking
from dangvien_cli.services.imports.columns import ColumnMap, Row

if TYPE_CHECKING:
    from concurrent.futures import Future

JOBS_ENV = "DANGVIEN_JOBS"
MAX_JOBS = 4  # beyond this the reading and writing process is the bottleneck
# A smaller file (~10,000 rows) is checked before forking would pay for itself.
PARALLEL_FROM_BYTES = 2_000_000
CHUNK = 1000  # rows a task
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
SoundRow = tuple[int, list[Any], bool]  # ColumnMap.sound_rows: the arguments of a Row
Checked = tuple[list[Staged], list[RowError], Counter[str]]  # a chunk: rows, refusals, warnings


def jobs_for(path: Path, first_load: bool) -> int:
    """How many processes check the file's rows: 1 (this one) unless it is a large first
    load on Linux, then ``$DANGVIEN_JOBS`` (1: never fork), else one per core up to MAX_JOBS."""
    raw = os.environ.get(JOBS_ENV, "").strip()
    asked = None
    if raw:
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:  # not "²", which int refuses
            raise DangvienError("import.bad_jobs", variable=JOBS_ENV, value=raw)
        asked = int(raw)
    if not first_load or sys.platform != "linux" or asked == 1:
        return 1
    try:
        if path.stat().st_size < PARALLEL_FROM_BYTES:
            return 1
    except OSError:
        return 1
    return asked if asked is not None else min(MAX_JOBS, len(os.sched_getaffinity(0)))


class _Worker:
    """What a worker checks with, set when it is forked."""

    mapping: ColumnMap
    units: dict[str, int]
    state: Checking


def _start(mapping: ColumnMap, units: dict[str, int], today: date, parent: int) -> None:
    # Ctrl-C is the main process's to handle: a worker stopped by it would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    _Worker.mapping, _Worker.units = mapping, units
    _Worker.state = Checking(today=today)
    _Worker.state.errors.limit = sys.maxsize  # the main process counts towards the limit


def _die_with(parent: int) -> None:
    """A worker must not outlive its import. Killed outright (SIGKILL, the out-of-memory
    killer, a shutdown), the main process tells nobody, and a worker waiting for its next
    chunk would wait for ever: Linux's prctl(PR_SET_PDEATHSIG) has the kernel kill it then.
    One system call that no maintained library wraps, hence ctypes."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl: the worker ends when its queue breaks
        pass
    if os.getppid() != parent:  # the main process died before the call above
        os._exit(1)


def checked_rows(
    rows: Iterable[SoundRow],
    mapping: ColumnMap,
    units: dict[str, int],
    state: Checking,
    *,
    stage: bool = True,
    as_text: bool = False,
) -> Iterator[Any]:
    """Each row judged, lazily (a refusal is noted as its row is read): None for a refused
    row, else the Candidate (``stage=False``: it may match someone stored) or its Staged row."""
    for line, cells, plain in rows:
        cand = parse_candidate(Row(line, cells, mapping, plain), units, state)
        yield staged(cand, as_text) if stage and cand is not None else cand


def chunks(rows: Iterable[Any]) -> Iterator[list[Any]]:
    """``rows`` CHUNK at a time."""
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check(rows: list[SoundRow]) -> Checked:
    state = _Worker.state
    state.errors.items = []
    state.warnings = Counter()
    judged = checked_rows(rows, _Worker.mapping, _Worker.units, state, as_text=True)
    return [s for s in judged if s is not None], state.errors.items, state.warnings


def checked_in_workers(
    mapping: ColumnMap, units: dict[str, int], state: Checking, jobs: int
) -> Generator[tuple[int, list[Staged]]]:
    """(rows read, their staged rows) a chunk at a time, in file order; refusals and
    warnings go to ``state`` as one process would note them. At most two chunks per worker
    are in flight, so memory stays flat however large the file."""
    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (the kernel's
    # out-of-memory killer) breaks the pool and every waiting result says so, where Pool
    # would wait for the lost chunk for ever.
    # Imported here: a first load is the only import that forks (~9 ms of imports).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(mapping, units, state.today, os.getpid()),
    )
    # A row of the wrong width or with a control character is refused here, as it is read;
    # its refusal joins the chunk it was read with, in line order, so that the first 10,000
    # refusals (RowErrors' limit) are the ones one process would list.
    unsound = RowErrors(path=state.errors.path, limit=state.errors.limit)
    try:
        pending: deque[tuple[int, list[RowError], Future[Checked]]] = deque()
        for chunk in chunks(_until_refused(mapping.sound_rows(unsound))):
            pending.append((len(chunk), _drain(unsound), pool.submit(_check, chunk)))
            if len(pending) > 2 * jobs:
                yield _collect(*pending.popleft(), state)
        while pending:
            yield _collect(*pending.popleft(), state)
        state.errors.take(unsound.items)  # bad rows after the last good one
    except BrokenProcessPool:  # said by the next chunk sent or the next result awaited
        raise DangvienError("import.worker_died", variable=JOBS_ENV) from None
    finally:  # a refusal or Ctrl-C: chunks not started are dropped, running ones finish
        pool.shutdown(wait=True, cancel_futures=True)


def _until_refused(rows: Iterator[SoundRow]) -> Iterator[SoundRow]:
    """The rows until 10,000 in a run are refused as they are read: reading stops there, and
    the rows before them are still checked, so that the import stops at the refusal one
    process would."""
    try:
        yield from rows
    except InvalidFile:
        return


def _drain(errors: RowErrors) -> list[RowError]:
    found, errors.items = errors.items, []
    return found


def _collect(
    count: int, unsound: list[RowError], job: Future[Checked], state: Checking
) -> tuple[int, list[Staged]]:
    rows, errors, warnings = job.result()
    state.errors.take(sorted(unsound + errors, key=_line) if unsound else errors)
    state.warnings.update(warnings)
    return count, rows


def _line(error: RowError) -> int:
    return error.line
