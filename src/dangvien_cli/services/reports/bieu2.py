"""The rows of Biểu 2-BTCTW (đảng viên mới kết nạp, 11-HD/BTCTW 2021) and how a person's
recorded values map onto them: the one place to change when the form or the codes change.

DOMAIN.md §2.9 marks the row list as reproduced by third-party apps (M/L). Rows the database
cannot answer (KHHGĐ violations, marriage to a foreigner, readmission, academic titles) are
left out rather than printed as zeros that would look like facts.
"""

from __future__ import annotations

import re

from dangvien_cli.vntext import fold
from dangvien_cli.vocab import EDUCATION_LEVELS

# (section, row code) in the form's order. Labels live in the message catalogue under
# "bieu2.<row code>".
# A person whose ethnicity or religion is not recorded is counted as unknown, never as Kinh
# or as a non-believer: the "not stated" rows show how many the form's figures lack.
GENERAL_ROWS = (
    "total",
    "women",
    "ethnic-minority",
    "ethnicity-not-stated",
    "religious",
    "religion-not-stated",
    "youth-union",
    "private-owner",
)
OCCUPATION_ROWS = (
    "occ-state-body",
    "occ-party-mass-org",
    "occ-commune",
    "occ-village",
    "occ-public-servant",
    "occ-non-public-unit",
    "occ-enterprise-manager",
    "occ-enterprise-staff",
    "occ-enterprise-worker",
    "occ-agriculture",
    "occ-armed-forces",
    "occ-university-student",
    "occ-school-pupil",
    "occ-other",
    "occ-not-stated",
)
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("age-18-30", 0, 30),  # under 18 cannot be admitted (R1); a bad record still counts here
    ("age-31-35", 31, 35),
    ("age-36-40", 36, 40),
    ("age-41-45", 41, 45),
    ("age-46-50", 46, 50),
    ("age-51-55", 51, 55),
    ("age-56-60", 56, 60),
    ("age-over-60", 61, None),
)
AGE_ROWS = (*(code for code, _, _ in AGE_BANDS), "age-not-stated", "age-average")
EDUCATION_ROWS = (*(f"edu-{code}" for code in EDUCATION_LEVELS), "edu-not-stated")
PROFESSIONAL_LEVELS = ("so-cap", "trung-cap", "cao-dang", "dai-hoc", "thac-si", "tien-si")
PROFESSIONAL_ROWS = tuple(f"pro-{code}" for code in PROFESSIONAL_LEVELS)

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("general", GENERAL_ROWS),
    ("occupation", OCCUPATION_ROWS),
    ("age", AGE_ROWS),
    ("education", EDUCATION_ROWS),
    ("professional", PROFESSIONAL_ROWS),
)

# person.occupation code → occupation row. The first block are the codes of
# examples/candidates.csv; the rest name the form's rows that no example uses yet.
OCCUPATION_ROW_OF: dict[str, str] = {
    "cong-chuc": "occ-state-body",
    "can-bo-xa": "occ-commune",
    "khong-chuyen-trach-thon": "occ-village",
    "vien-chuc": "occ-public-servant",
    "quan-ly-doanh-nghiep": "occ-enterprise-manager",
    "chu-doanh-nghiep-tu-nhan": "occ-enterprise-manager",
    "nhan-vien-doanh-nghiep": "occ-enterprise-staff",
    "cong-nhan": "occ-enterprise-worker",
    "nong-nghiep": "occ-agriculture",
    "sy-quan-chien-sy": "occ-armed-forces",
    "sinh-vien": "occ-university-student",
    "hoc-sinh": "occ-school-pupil",
    "khac": "occ-other",
    "can-bo-dang-doan-the": "occ-party-mass-org",
    "ngoai-cong-lap": "occ-non-public-unit",
}
PRIVATE_OWNER = "chu-doanh-nghiep-tu-nhan"

# Folded spellings of each professional level. Multi-word phrases match anywhere in the
# text; the short abbreviations only when they are the whole entry ("ĐH", "ThS").
_PRO_PHRASES: dict[str, tuple[str, ...]] = {
    "so-cap": ("so cap", "cong nhan ky thuat", "cnkt"),
    "trung-cap": ("trung cap", "trung hoc chuyen nghiep", "thcn"),
    "cao-dang": ("cao dang",),
    "dai-hoc": ("dai hoc", "cu nhan", "ky su", "bac si", "duoc si", "kien truc su"),
    "thac-si": ("thac si", "thac sy", "cao hoc", "bac si chuyen khoa", "bac si noi tru"),
    "tien-si": ("tien si", "tien sy", "tskh"),
}
_PRO_ABBREVIATIONS: dict[str, str] = {
    "sc": "so-cap",
    "tc": "trung-cap",
    "cd": "cao-dang",
    "dh": "dai-hoc",
    "cn": "dai-hoc",
    "ks": "dai-hoc",
    "ths": "thac-si",
    "ts": "tien-si",
}
# A segment about political theory ("Trung cấp LLCT") is not a professional qualification.
_POLITICAL_THEORY = ("ly luan", "llct", "chinh tri")
_SEGMENTS = re.compile(r"[,;/+]| va ")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def professional_level(text: str | None) -> str | None:
    """The code (so-cap … tien-si) of the highest qualification a free-text entry names."""
    if not text:
        return None
    folded = fold(text).replace("-", " ").replace("_", " ")
    found: list[int] = []
    for segment in _SEGMENTS.split(folded):
        words = _NOT_WORD.sub(" ", segment).strip()
        if not words or any(p in words for p in _POLITICAL_THEORY):
            continue
        padded = f" {words} "
        if words.replace(" ", "-") in PROFESSIONAL_LEVELS:
            found.append(PROFESSIONAL_LEVELS.index(words.replace(" ", "-")))
        elif words in _PRO_ABBREVIATIONS:
            found.append(PROFESSIONAL_LEVELS.index(_PRO_ABBREVIATIONS[words]))
        for level, phrases in _PRO_PHRASES.items():
            if any(f" {p} " in padded for p in phrases):
                found.append(PROFESSIONAL_LEVELS.index(level))
    return PROFESSIONAL_LEVELS[max(found)] if found else None


def occupation_row(code: str | None) -> str:
    if not code or not code.strip():
        return "occ-not-stated"
    return OCCUPATION_ROW_OF.get(fold(code).replace(" ", "-"), "occ-other")


def age_row(age: int | None) -> str:
    if age is None:
        return "age-not-stated"
    for code, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return code
    return "age-not-stated"


def education_row(code: str | None) -> str:
    key = fold(code or "").replace(" ", "-")
    return f"edu-{key}" if key in EDUCATION_LEVELS else "edu-not-stated"


def is_ethnic_minority(ethnicity: str | None) -> bool:
    key = fold(ethnicity or "")
    return stated(ethnicity) and key != "kinh"


def is_religious(religion: str | None) -> bool:
    key = fold(religion or "")
    return stated(religion) and not key.startswith("khong") and key != "0"


def stated(text: str | None) -> bool:
    """Whether a free-text field holds a value (a dash or blank is not one)."""
    return bool(text and text.strip() and text.strip() not in ("-", "?"))
