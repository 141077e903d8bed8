"""How recorded values land on the rows of Biểu 2-BTCTW."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from dangvien_cli.i18n import MESSAGES
from dangvien_cli.services.reports import bieu2

pytestmark = pytest.mark.no_database

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Đại học", "dai-hoc"),
        ("đại học luật", "dai-hoc"),
        ("Cử nhân Kinh tế", "dai-hoc"),
        ("Kỹ sư xây dựng", "dai-hoc"),
        ("ĐH", "dai-hoc"),
        ("dai-hoc", "dai-hoc"),
        ("Thạc sỹ QTKD", "thac-si"),
        ("ThS.", "thac-si"),
        ("Tiến sĩ; Thạc sĩ", "tien-si"),
        ("TS", "tien-si"),
        ("Cao đẳng sư phạm", "cao-dang"),
        ("Trung cấp kế toán, Cao cấp LLCT", "trung-cap"),
        ("Sơ cấp", "so-cap"),
        ("CNKT", "so-cap"),
        ("Công nhân kỹ thuật bậc 3", "so-cap"),
        ("Trung cấp lý luận chính trị", None),
        ("12/12", None),
        ("", None),
        (None, None),
    ],
)
def test_professional_level_folds_vietnamese_spellings(text, level):
    assert bieu2.professional_level(text) == level
    if text:
        decomposed = unicodedata.normalize("NFD", text)
        assert bieu2.professional_level(decomposed) == level


def test_every_occupation_code_of_the_examples_has_a_form_row():
    with (EXAMPLES / "candidates.csv").open(encoding="utf-8") as f:
        codes = {r["occupation"] for r in csv.DictReader(f) if r["occupation"]}
    assert codes, "examples/candidates.csv carries occupation codes"
    rows = {code: bieu2.occupation_row(code) for code in codes}
    assert all(row in bieu2.OCCUPATION_ROWS for row in rows.values())
    assert [c for c, row in rows.items() if row == "occ-other"] == ["khac"]
    assert bieu2.occupation_row("chu-doanh-nghiep-tu-nhan") == "occ-enterprise-manager"
    assert bieu2.occupation_row("nghề lạ") == "occ-other"
    assert bieu2.occupation_row(None) == bieu2.occupation_row(" ") == "occ-not-stated"


@pytest.mark.parametrize(
    ("age", "row"),
    [
        (18, "age-18-30"),
        (30, "age-18-30"),
        (31, "age-31-35"),
        (45, "age-41-45"),
        (46, "age-46-50"),
        (60, "age-56-60"),
        (61, "age-over-60"),
        (None, "age-not-stated"),
    ],
)
def test_age_bands_follow_the_form(age, row):
    assert bieu2.age_row(age) == row


def test_minority_religion_and_education():
    assert not bieu2.is_ethnic_minority("Kinh")
    assert not bieu2.is_ethnic_minority(" KINH ")
    assert bieu2.is_ethnic_minority("Mường")
    assert not bieu2.is_ethnic_minority(None)
    assert bieu2.is_religious("Công giáo") and bieu2.is_religious("Phật giáo")
    for none in ("Không", "không có", "", None, "-"):
        assert not bieu2.is_religious(none)
    assert bieu2.education_row("THCS") == "edu-thcs"
    assert bieu2.education_row("đại học") == "edu-not-stated"


def test_every_row_has_a_label_in_both_languages():
    for section, rows in bieu2.SECTIONS:
        for key in (f"bieu2.section.{section}", *(f"bieu2.{row}" for row in rows)):
            vi, en = MESSAGES[key]
            assert vi.strip() and en.strip(), key
