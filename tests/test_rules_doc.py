"""docs/rules.md is generated from the rule data: the committed page must be what the
generator writes today, and it must say, for every rule, what the exception data says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dangvien_cli.services import rules
from dangvien_cli.services.rules_doc import CODES, render

pytestmark = pytest.mark.no_database

PAGE = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_the_committed_page_is_up_to_date():
    assert PAGE.read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run python -m dangvien_cli.services.rules_doc docs/rules.md"
    )


def test_every_rule_has_a_line_saying_whether_it_takes_an_exception():
    text = render()
    for code in CODES:
        [line] = [x for x in text.splitlines() if x.startswith(f"| {code} |")]
        assert ("| yes:" in line) == rules.waivable(code), line
    assert rules.waivable("R3") and not rules.waivable("R1") and not rules.waivable("R14")


def test_the_module_writes_the_page(tmp_path):
    target = tmp_path / "rules.md"
    subprocess.run(
        [sys.executable, "-m", "dangvien_cli.services.rules_doc", str(target)], check=True
    )
    assert target.read_text(encoding="utf-8") == render()
