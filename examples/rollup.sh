#!/usr/bin/env bash
# Year-end rollup for the committee's report upward, built only on dangvien's CSV output
# (the documented script contract), with nothing but bash and the Python standard library.
#
#   examples/rollup.sh YEAR [UNIT] > rollup.csv
#
# The database is the usual one (DANGVIEN_DB, or the default file). DANGVIEN may name
# another command to run dangvien, e.g. DANGVIEN="python -m dangvien_cli".
# Prints "metric,value" lines: the unit's target and admissions per quota source, how many
# units directly below it met, beat or missed their quota, and the main rows of
# Biểu 2-BTCTW (new members) against the year before.
set -euo pipefail

year="${1:?usage: rollup.sh YEAR [UNIT]}"
unit="${2:-}"
read -r -a dangvien <<< "${DANGVIEN:-dangvien}"
scope=()
if [[ -n "$unit" ]]; then scope=(--unit "$unit"); fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"${dangvien[@]}" report quota --period "$year" --as-of "$year-12-31" --depth 2 \
    "${scope[@]}" --format csv > "$work/quota.csv"
"${dangvien[@]}" report composition --period "$year" --as-of "$year-12-31" \
    "${scope[@]}" --format csv > "$work/composition.csv"

python3 - "$year" "$work/quota.csv" "$work/composition.csv" <<'PY'
import csv
import sys

year, quota_file, composition_file = sys.argv[1:]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["metric", "value"])
out.writerow(["year", year])

with open(quota_file, encoding="utf-8") as f:
    quota = list(csv.DictReader(f))
tops = [r for r in quota if r["depth"] == "0"]
below = {}
for r in quota:
    if r["depth"] == "1":
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
