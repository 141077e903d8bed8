"""The rules configuration through the installed command: $DANGVIEN_RULES names the file; an
unconfirmed value changed there changes what an import warns about; a value the Party's texts
set beyond doubt stops the command in one line with nothing written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.sqlite_only

# A certificate 62 months old at the cell meeting: over R8's 60 months (M: a warning).
ROW = (
    "full_name,birth_date,gender,unit_code,source_date,class_date,application_date,vote_date,"
    "votes_for,official_members\n"
    "Nguyễn Văn Thử,01/01/1990,Nam,HACTHANH,01/06/2014,01/01/2015,01/02/2020,15/03/2020,9,10\n"
)


def run(demo_db, tmp_path, config: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DANGVIEN_DB": str(demo_db), "DANGVIEN_LANG": "en", "DANGVIEN_RULES": ""}
    if config is not None:
        (tmp_path / "rules.toml").write_text(config, encoding="utf-8")
        env["DANGVIEN_RULES"] = str(tmp_path / "rules.toml")
    return subprocess.run(
        [sys.executable, "-m", "dangvien_cli", *args], capture_output=True, text=True, env=env
    )


def test_an_unconfirmed_value_set_in_configuration_changes_the_import_s_warnings(demo_db, tmp_path):
    roster = tmp_path / "late.csv"
    roster.write_text(ROW, encoding="utf-8")
    plain = run(demo_db, tmp_path, None, "candidate", "import", str(roster), "--dry-run")
    assert plain.returncode == 0 and "R8" in plain.stderr
    longer = (
        '[[override]]\nkey = "certificate_validity_months"\nvalue = 72\n'
        'reason = "Hướng dẫn 99-HD/TU"\n'
    )
    configured = run(demo_db, tmp_path, longer, "candidate", "import", str(roster), "--dry-run")
    assert configured.returncode == 0, configured.stderr
    assert "R8" not in configured.stderr


def test_a_charter_minimum_in_configuration_stops_the_command_and_writes_nothing(
    demo_db, tmp_path, cli
):
    roster = tmp_path / "late.csv"
    roster.write_text(ROW, encoding="utf-8")
    before = cli.json("candidate", "list", "--search", "Nguyễn Văn Thử")
    lower = '[[override]]\nkey = "min_age_months"\nvalue = 192\nreason = "16 tuổi"\n'
    done = run(demo_db, tmp_path, lower, "candidate", "import", str(roster))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("Error: Rules configuration") and "'min_age_months' (R1)" in line
    assert cli.json("candidate", "list", "--search", "Nguyễn Văn Thử") == before
