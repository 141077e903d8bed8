#!/usr/bin/env python3
"""National-scale benchmark data in dangvien's own import formats. Deterministic.

    python benchmarks/gen_data.py --out benchmarks/data/full [--seed 42] [--scale 1]
                                  [--candidates N]

Writes into --out (UTF-8, English column keys, dates dd/mm/yyyy, NFC names):
  units.csv       code,name,kind,parent,block: ~60,000 units (see gen_units.py)
  quotas.csv      unit_code,period,source,target: every committee (levels 1-3) for each
                  year 2020-2025 and the 2020-2025 term, targets near the admissions made
  candidates.csv  1,000,000 candidates (x scale) with their pipeline; about 40 % admitted,
                  decisions spread over 2020-2025. Every row passes dangvien's own checks
                  (services/rules.py): age 18-60 at the cell vote, certificate under 60
                  months old at the vote, decision within 60 working days of the vote,
                  ceremony within 30 working days of the decision, official date exactly
                  12 months after the ceremony, CCCD consistent with birth year and gender
                  and unique, steps in order.

Same seed, scale, Python and `holidays` version => byte-identical files. Rows are
independent draws, so the first N rows of candidates.csv are a smaller data set of the same
shape (run.py uses that for the growth series). Standard library and the project only.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date
from pathlib import Path

from gen_people import CANDIDATE_COLUMNS, Calendar, People
from gen_units import build_tree

CANDIDATES_AT_SCALE_1 = 1_000_000
YEARS = range(2020, 2026)
TERM = "2020-2025"


def write_units(path: Path, rows: list[tuple[str, str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "name", "kind", "parent", "block"])
        out.writerows(rows)


def write_candidates(path: Path, people: People, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(CANDIDATE_COLUMNS)
        batch = []
        for _ in range(count):
            batch.append(people.one())
            if len(batch) == 10_000:
                out.writerows(batch)
                batch.clear()
        out.writerows(batch)


def write_quotas(path: Path, rng: random.Random, rows: list, admitted: dict) -> int:  # type: ignore[type-arg]
    """Committees get quotas (cells do not): a little above or below what they achieved,
    summed up the tree, as a province sums its districts' plans."""
    parent = {code: up for code, _n, _k, up, _b in rows}
    committee = {code for code, *_rest in rows if code.count(".") <= 2}  # levels 1-3
    totals: dict[str, list[int]] = {c: [0] * len(YEARS) for c in committee}
    for code, per_year in admitted.items():
        up = code if code in committee else parent[code]
        while up not in committee:
            up = parent[up]
        own = totals[up]
        for y, n in enumerate(per_year):
            own[y] += n
    targets: dict[str, list[int]] = {}
    for code, _n, _k, _p, _b in rows:  # grassroots first: their own plan from their figures
        if code in committee and code.count(".") == 2:
            targets[code] = [max(0, round(n * rng.uniform(0.8, 1.3))) for n in totals[code]]
    for depth in (1, 0):  # then each level above sums the level below
        for code, _n, _k, up, _b in rows:
            if code in committee and code.count(".") == depth + 1:
                sums = targets.setdefault(up, [0] * len(YEARS))
                for y, n in enumerate(targets[code]):
                    sums[y] += n
    written = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["unit_code", "period", "source", "target"])
        for code, *_rest in rows:
            if code not in targets:
                continue
            for year, target in zip(YEARS, targets[code], strict=True):
                out.writerow((code, year, "cap-tren", target))
            out.writerow((code, TERM, "cap-tren", sum(targets[code])))
            written += len(YEARS) + 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="output folder (created)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--scale", type=float, default=1.0, help="1 = 60,000 units, 1,000,000 rows")
    ap.add_argument("--candidates", type=int, default=None, help="exact candidate count")
    args = ap.parse_args(argv)
    if args.scale <= 0:
        ap.error("--scale must be > 0")
    count = (
        args.candidates
        if args.candidates is not None
        else round(CANDIDATES_AT_SCALE_1 * args.scale)
    )
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    tree = build_tree(rng, args.scale)
    write_units(args.out / "units.csv", tree.rows)
    calendar = Calendar(date(2016, 1, 1), date(2027, 12, 31))
    people = People(random.Random(args.seed + 1), tree, calendar)
    write_candidates(args.out / "candidates.csv", people, count)
    quotas = write_quotas(args.out / "quotas.csv", rng, tree.rows, people.admitted)
    n_adm = sum(sum(v) for v in people.admitted.values())
    print(
        f"units={len(tree.rows)} cells={len(tree.leaves)} candidates={count} "
        f"admitted={n_adm} ({n_adm / max(1, count):.1%}) quota_rows={quotas}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
