"""examples/rollup.sh with several top-level units (issue 14, point 10): the figures of one
tree, never two mixed; without UNIT it takes the only top-level unit holding a quota."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MESSY_UNITS = REPO / "examples" / "messy" / "units_bom_semicolon.csv"


def rollup(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DANGVIEN": f"{sys.executable} -m dangvien_cli"}
    script = REPO / "examples" / "rollup.sh"
    return subprocess.run(
        ["bash", str(script), *args], capture_output=True, text=True, env=env, check=False
    )


def figures(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    assert done.returncode == 0, done.stderr
    return dict(csv.reader(io.StringIO(done.stdout)))


def test_a_second_tree_does_not_change_the_figures(cli, demo_db):
    alone = figures(rollup("2021"))
    assert cli("unit", "import", MESSY_UNITS).exit_code == 0  # PHR and CTHR: new top-level
    # the tree of 2021: the province unit of the 2025 map (TINH) did not exist yet
    roots = [
        u["code"] for u in cli.json("unit", "list", "--as-of", "31/12/2021") if not u["parent"]
    ]
    assert sorted(roots) == ["CTHR", "PHR", "TP"]
    done = rollup("2021")
    assert figures(done) == alone
    assert (alone["unit"], alone["admitted"], alone["target_tinh"]) == ("TP", "256", "200")
    assert "TP" in done.stderr and "PHR" in done.stderr  # it says which tree it took
    named = figures(rollup("2021", "PHR"))
    below = [u for u in cli.json("unit", "list") if u["parent"] == "PHR"]
    assert (named["unit"], named["admitted"], int(named["units_below"])) == ("PHR", "0", 3)
    assert len(below) == 3
    assert "target_tinh" not in named


def test_two_trees_with_quotas_need_a_unit_named(cli, demo_db):
    assert cli("unit", "import", MESSY_UNITS).exit_code == 0
    assert cli("quota", "set", "PHR", "2021", "4").exit_code == 0
    done = rollup("2021")
    assert done.returncode == 1
    assert "PHR" in done.stderr and "TP" in done.stderr and "UNIT" in done.stderr
    assert figures(rollup("2021", "TP"))["admitted"] == "256"
