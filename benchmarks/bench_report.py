"""The tables run.py prints and writes: figures, ratios to the peers, and the targets of
issue #6 met or missed, as Markdown (readable in a terminal as it is)."""

from __future__ import annotations

from dataclasses import dataclass

from bench_lib import Case, fmt_s


@dataclass
class Target:
    what: str
    measured: str
    goal: str
    ok: bool | None  # None: not measured in this run


def table(headers: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(headers)))
    align = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def mib(value: float) -> str:
    return f"{value:,.1f} MiB"


def case_rows(cases: list[Case], floor: Case | None = None) -> list[list[str]]:
    rows = []
    for c in cases:
        if not c.samples:
            continue
        ratio = f"{c.wall / floor.wall:.2f}×" if floor is not None and floor.samples else ""
        rows.append(
            [f"`{c.name}`", fmt_s(c.wall), c.spread, str(len(c.samples)), ratio, mib(c.rss_mib)]
        )
    return rows


def startup_table(cases: list[Case]) -> str:
    headers = ["command", "median", "min–max", "runs", "", "peak RSS"]
    return table(headers, case_rows(cases))


def import_table(by_size: dict[int, list[Case]]) -> str:
    headers = [
        "rows",
        "method",
        "median",
        "min–max",
        "runs",
        "rows/s",
        "× sqlite3 .import",
        "peak RSS",
    ]
    rows = []
    for size, cases in by_size.items():
        floor = next((c for c in cases if c.name.startswith("sqlite3") and c.samples), None)
        for c in cases:
            if not c.samples:
                continue
            ratio = f"{c.wall / floor.wall:.2f}×" if floor else ""
            rows.append(
                [
                    f"{size:,}",
                    f"`{c.name}`",
                    fmt_s(c.wall),
                    c.spread,
                    str(len(c.samples)),
                    f"{size / c.wall:,.0f}",
                    ratio,
                    mib(c.rss_mib),
                ]
            )
    return table(headers, rows, right={0, 2, 3, 4, 5, 6, 7})


def query_table(by_size: dict[int, list[tuple[Case, Case | None]]]) -> str:
    headers = [
        "rows",
        "dangvien",
        "median",
        "peak RSS",
        "hand-written SQL (sqlite3 CLI)",
        "median",
        "dangvien ÷ SQL",
    ]
    rows = []
    for size, pairs in by_size.items():
        for ours, sql in pairs:
            if not ours.samples:
                continue
            sql_cells = (
                [f"`{sql.name}`", fmt_s(sql.wall), f"{ours.wall / sql.wall:.2f}×"]
                if (sql is not None and sql.samples)
                else ["", "", ""]
            )
            rows.append(
                [f"{size:,}", f"`{ours.name}`", fmt_s(ours.wall), mib(ours.rss_mib), *sql_cells]
            )
    return table(headers, rows, right={0, 2, 3, 5, 6})


def targets_table(targets: list[Target]) -> str:
    mark = {True: "met", False: "**missed**", None: "not measured"}
    rows = [[t.what, t.measured, t.goal, mark[t.ok]] for t in targets]
    return table(["target (issue #6)", "measured", "goal", ""], rows, right=set())


def document(info: dict[str, str], sections: list[tuple[str, str]], command: str) -> str:
    head = [
        "# dangvien benchmark results",
        "",
        *(f"- {k}: {v}" for k, v in info.items()),
        f"- command: `{command}`",
        "- method: whole-process wall time (time.perf_counter around each child), median "
        "after one warm-up, commands of a group interleaved round by round; peak RSS of each "
        "child from GNU time (%M; os.wait4 where /usr/bin/time is missing), median of the "
        "runs; outputs discarded (/dev/null).",
        "",
    ]
    body = []
    for title, text in sections:
        body += [f"## {title}", "", text, ""]
    return "\n".join(head + body)
