"""The benchmark's data generator: deterministic, in SPEC.md's words, and accepted whole
by dangvien's own imports (no refused row, no rule warning)."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from dangvien_cli.services import rules
from dangvien_cli.vocab import Block, UnitKind

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "benchmarks" / "gen_data.py"
SCALE = "0.002"  # ~1,400 units (every province keeps its committees), 2,000 candidates


def generate(out: Path, seed: int = 42) -> Path:
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), "--seed", str(seed), "--scale", SCALE],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("bench") / "data")


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes_other_seed_other_data(data, tmp_path):
    assert digest(generate(tmp_path / "again")) == digest(data)
    assert digest(generate(tmp_path / "other", seed=7)) != digest(data)


def test_units_form_one_tree_in_the_spec_vocabulary(data):
    units = rows(data / "units.csv")
    codes = {u["code"] for u in units}
    assert len(codes) == len(units)
    assert {u["kind"] for u in units} == {k.value for k in UnitKind}
    assert {u["block"] for u in units} == {b.value for b in Block}
    for u in units:
        if u["parent"]:
            assert u["parent"] in codes and u["code"].startswith(u["parent"] + ".")
        else:
            assert u["kind"] == "dang-bo-cap-tren"
    kinds = {u["code"]: u["kind"] for u in units}
    for u in units:  # cells hang under a grassroots committee or a sub-committee
        if u["kind"] == "chi-bo-truc-thuoc":
            assert kinds[u["parent"]] in ("dang-bo-co-so", "dang-bo-bo-phan")


def test_candidates_have_nfc_names_unique_consistent_cccds_and_live_in_cells(data):
    people = rows(data / "candidates.csv")
    kinds = {u["code"]: u["kind"] for u in rows(data / "units.csv")}
    assert len(people) == 2000
    ids = [p["national_id"] for p in people if p["national_id"]]
    assert len(ids) == len(set(ids)) > 1900
    for p in people:
        assert unicodedata.is_normalized("NFC", p["full_name"])
        assert kinds[p["unit_code"]] in ("chi-bo-co-so", "chi-bo-truc-thuoc")
    diacritics = [p for p in people if not p["full_name"].isascii()]
    assert len(diacritics) > 1500
    admitted = [p for p in people if p["decision_date"]]
    assert 0.3 < len(admitted) / len(people) < 0.5
    assert {p["decision_date"][-4:] for p in admitted} == {str(y) for y in range(2020, 2026)}


def test_every_cccd_passes_the_r29_check(data):
    from dangvien_cli.values import parse_date

    for p in rows(data / "candidates.csv"):
        if p["national_id"]:
            gender = "nu" if p["gender"] == "Nữ" else "nam"
            found = rules.check_cccd(p["national_id"], parse_date(p["birth_date"]), gender)
            assert found == [], (p["national_id"], found)


def test_dangvien_imports_the_whole_data_set_without_a_warning(data, cli):
    for kind, name, extra in (
        ("unit", "units.csv", []),
        ("quota", "quotas.csv", []),
        ("candidate", "candidates.csv", []),
    ):
        result = cli(kind, "import", data / name, *extra, "--format", "json")
        assert result.exit_code == 0, result.output
        assert '"warnings": []' in result.stdout, result.stdout
    people = cli.json("candidate", "list")
    assert len(people) == 2000
    report = cli.json("report", "quota", "--period", "2024")
    admitted_2024 = sum(
        1 for p in rows(data / "candidates.csv") if p["decision_date"].endswith("/2024")
    )
    top = [r for r in report if r["depth"] == 0]
    assert sum(r["admitted"] for r in top) == admitted_2024
