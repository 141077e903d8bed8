"""The targets of issue #6, each judged on figures measured in the same run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench_lib import ENV, Case, fmt_s
from bench_report import Target, targets_table

FLAT = 1.25  # "flat": the peak at the largest size within 25 % of the peak at 10,000 rows


def check_alembic(demo: Path) -> list[str]:
    """Modules of note imported by `dangvien unit list`: Alembic must not be among them."""
    code = (
        "import sys\nfrom dangvien_cli.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\nprint('\\n'.join(sys.modules), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, "unit", "list", "--db", str(demo)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    loaded = set(out.stderr.split())
    return [m for m in ("alembic", "mako", "openpyxl", "holidays") if m in loaded]


def _ratio(a: Case | None, b: Case | None) -> float | None:
    if a is None or b is None or not a.samples or not b.samples:
        return None
    return a.wall / b.wall


def _ratio_target(what: str, a: Case | None, b: Case | None, limit: float) -> Target:
    r = _ratio(a, b)
    if r is None:
        return Target(what, "", f"≤ {limit}×", None)
    return Target(what, f"{fmt_s(a.wall)} vs {fmt_s(b.wall)} = {r:.2f}×", f"≤ {limit}×", r <= limit)


def _find(cases: list[Case], prefix: str) -> Case | None:
    return next((c for c in cases if c.name.startswith(prefix) and c.samples), None)


def targets(startup, imports, queries, extra_modules: list[str], more=()) -> str:  # type: ignore[no-untyped-def]
    s = lambda p: _find(startup, p)  # noqa: E731
    out = [
        _ratio_target(
            "`dangvien --help` vs the bare 10-command Typer app",
            s("dangvien --help"),
            s("python3 typer_hello.py"),
            1.2,
        ),
        _ratio_target(
            '`dangvien --version` vs `python3 -c "import typer"`',
            s("dangvien --version"),
            s('python3 -c "import typer"'),
            1.3,
        ),
        _ratio_target(
            "`unit list` (demo db) vs `import typer, sqlmodel, rich.table`",
            s("dangvien unit list"),
            s('python3 -c "import typer, sqlmodel'),
            1.2,
        ),
        Target(
            "nothing else on the `unit list` path (Alembic, Mako, openpyxl, holidays)",
            ", ".join(extra_modules) or "none imported",
            "none",
            not extra_modules,
        ),
    ]
    out += _import_targets(imports)
    out += _query_targets(queries)
    out += list(more)  # issue #16's lists (bench_lists.py)
    return targets_table(out)


def _import_targets(imports: dict[int, list[Case]]) -> list[Target]:
    """Issue #16: at 100,000 rows and at 1,000,000, ≤ 10× `sqlite3 .import` of the same file
    and ≥ 3× faster than `sqlite-utils insert --csv` (where it ran); memory under 150 MB, flat."""
    size = max(imports)
    ours = _find(imports[size], "dangvien")
    small = _find(imports[min(imports)], "dangvien")
    large = [n for n in sorted(imports) if n >= 100_000] or [size]
    out = [
        _ratio_target(
            f"import of {n:,} rows vs `sqlite3 .import` of the same file",
            _find(imports[n], "dangvien"),
            _find(imports[n], "sqlite3"),
            10,
        )
        for n in large
    ]
    for n in large:
        speedup = _ratio(_find(imports[n], "sqlite-utils"), _find(imports[n], "dangvien"))
        if speedup:
            out.append(
                Target(
                    f"import of {n:,} rows vs `sqlite-utils insert --csv`",
                    f"{speedup:.1f}× faster",
                    "≥ 3× faster",
                    speedup >= 3,
                )
            )
    if ours:
        out.append(
            Target(
                f"peak memory of the import at {size:,} rows",
                f"{ours.rss_mib:.1f} MiB",
                "< 150 MB",
                ours.rss_mib * 1.048576 < 150,
            )
        )
    if ours and small and small is not ours:
        growth = ours.rss_mib / small.rss_mib
        out.append(
            Target(
                f"memory flat from {min(imports):,} to {size:,} rows",
                f"{small.rss_mib:.1f} → {ours.rss_mib:.1f} MiB ({growth:.2f}×)",
                f"≤ {FLAT}×",
                growth <= FLAT,
            )
        )
    return out


def _query_targets(queries) -> list[Target]:  # type: ignore[no-untyped-def]
    size = max(queries)
    report, report_sql = queries[size][0]
    search = queries[size][2][0]
    out = [
        _ratio_target(
            f"`report quota` for 2024 over {size:,} candidates vs hand-written SQL",
            report,
            report_sql,
            3,
        )
    ]
    for case, limit in ((report, 1.0), (search, 0.5)):
        ok = case.wall < limit if case.samples else None
        out.append(
            Target(
                f"`{case.name.split(' --format')[0]}` at {size:,} rows",
                fmt_s(case.wall) if case.samples else "",
                f"< {limit} s",
                ok,
            )
        )
    return out
