"""Files dangvien writes for people to carry away are owner-only, like the database."""

from __future__ import annotations

import os

import pytest


@pytest.mark.parametrize("name", ["candidates.csv", "candidates.xlsx"])
def test_exports_are_owner_only(cli, demo_db, tmp_path, name):
    target = tmp_path / name
    result = cli("export", "candidates", target, "--show-private")
    assert result.exit_code == 0, result.output
    assert os.stat(target).st_mode & 0o777 == 0o600


@pytest.mark.parametrize("name", ["deadlines.xlsx", "deadlines.csv"])
def test_report_outputs_are_owner_only(cli, demo_db, tmp_path, name):
    target = tmp_path / name
    result = cli("report", "deadlines", "--as-of", "06/01/2022", "--output", target)
    assert result.exit_code == 0, result.output
    assert os.stat(target).st_mode & 0o777 == 0o600
