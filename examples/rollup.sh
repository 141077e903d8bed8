#!/usr/bin/env bash
# Year-end rollup for the committee's report upward, built only on dangvien's CSV output
# (the documented script contract), with nothing but bash and the Python standard library.
#
#   examples/rollup.sh YEAR [UNIT] > rollup.csv
#
# The database is the usual one (DANGVIEN_DB, or the default file). DANGVIEN may name
# another command to run dangvien, e.g. DANGVIEN="python -m dangvien_cli".
# Without UNIT, the top-level unit; with several (say, after importing another committee's
# file) the only one holding a quota for YEAR, else UNIT must name one: the figures of two
# trees are never mixed.
# Prints "metric,value" lines: the unit's target and admissions per quota source, how many
# units directly below it met, beat or missed their quota, and the main rows of
# Biểu 2-BTCTW (new members) against the year before.
set -euo pipefail

year="${1:?usage: rollup.sh YEAR [UNIT]}"
unit="${2:-}"
read -r -a dangvien <<< "${DANGVIEN:-dangvien}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "$unit" ]]; then
    # The top-level units, and which of them have a quota for the year.
    "${dangvien[@]}" report quota --period "$year" --as-of "$year-12-31" --depth 1 \
        --format csv > "$work/roots.csv"
    unit="$(python3 - "$year" "$work/roots.csv" <<'PY'
import csv
import sys

year, roots_file = sys.argv[1:]
with open(roots_file, encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["row_type"] == "unit" and r["depth"] == "0"]
roots = list(dict.fromkeys(r["unit_code"] for r in rows))
with_quota = list(dict.fromkeys(r["unit_code"] for r in rows if r["target"]))
if len(roots) == 1:
    print(roots[0])
elif len(with_quota) == 1:
    others = ", ".join(u for u in roots if u != with_quota[0])
    print(
        f"rollup.sh: {len(roots)} top-level units; {with_quota[0]} is the one with a quota "
        f"for {year} (not {others}); name another as UNIT",
        file=sys.stderr,
    )
    print(with_quota[0])
else:
    sys.exit(
        f"rollup.sh: {len(roots)} top-level units ({', '.join(roots) or 'none'}); "
        "name one: rollup.sh YEAR UNIT"
    )
PY
)"
fi
scope=(--unit "$unit")

"${dangvien[@]}" report quota --period "$year" --as-of "$year-12-31" --depth 2 \
    "${scope[@]}" --format csv > "$work/quota.csv"
"${dangvien[@]}" report composition --period "$year" --as-of "$year-12-31" \
    "${scope[@]}" --format csv > "$work/composition.csv"

python3 - "$year" "$unit" "$work/quota.csv" "$work/composition.csv" <<'PY'
import csv
import sys

year, unit, quota_file, composition_file = sys.argv[1:]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["metric", "value"])
out.writerow(["year", year])

with open(quota_file, encoding="utf-8") as f:
    quota = list(csv.DictReader(f))
tops = [r for r in quota if r["depth"] == "0" and r["unit_code"].casefold() == unit.casefold()]
below = {}
for r in quota:
    if r["depth"] == "1" and tops and r["parent_code"] == tops[0]["unit_code"]:
        below.setdefault(r["unit_code"], []).append(r)
if tops:
    out.writerow(["unit", tops[0]["unit_code"]])
    out.writerow(["admitted", tops[0]["admitted"]])
for r in tops:
    if r["source"]:
        out.writerow([f"target_{r['source']}", r["target"]])
        out.writerow([f"percent_{r['source']}", r["percent"]])
out.writerow(["units_below", len(below)])
# At the year's last day a unit has exceeded (vuot), met (dat) or missed (cham) its quota,
# or had none (chua-giao); with quotas from several sources it counts by the worst.
order = ["vuot", "dat", "dung-tien-do", "cham", "chua-giao"]
statuses = dict.fromkeys(order, 0)
for rows in below.values():
    statuses[max((r["status"] for r in rows), key=order.index)] += 1
out.writerow(["units_exceeded", statuses["vuot"]])
out.writerow(["units_met", statuses["dat"]])
out.writerow(["units_missed", statuses["cham"] + statuses["dung-tien-do"]])
out.writerow(["units_without_quota", statuses["chua-giao"]])

with open(composition_file, encoding="utf-8") as f:
    composition = {r["row"]: r for r in csv.DictReader(f)}
for row in ("total", "women", "ethnic-minority", "religious", "youth-union", "age-average"):
    r = composition[row]
    out.writerow([f"new_{row}", r["current"]])
    out.writerow([f"new_{row}_previous_year", r["previous"]])
PY
