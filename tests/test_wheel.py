"""A wheel built from the repository carries its migrations and examples and works away from
the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]


def test_wheel_works_outside_the_checkout(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("dangvien-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("dangvien_cli/migrations/versions/") for n in names)
    assert "dangvien_cli/examples/units.csv" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "DANGVIEN_DB": str(elsewhere / "d.db")}
    where = subprocess.run(
        [sys.executable, "-c", "import dangvien_cli; print(dangvien_cli.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(target))
    run = subprocess.run(
        [sys.executable, "-m", "dangvien_cli", "demo", "--format", "json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    city = [r for r in json.loads(run.stdout) if r["unit_code"] == "TP"]
    assert city[0]["admitted"] == 256
