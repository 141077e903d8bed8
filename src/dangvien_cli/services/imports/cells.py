"""Cells every import reads the same way: dates, CCCD and phone numbers as Excel and clerks
write them, and a memo for the texts a large file repeats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dangvien_cli.errors import InvalidValue
from dangvien_cli.services import people
from dangvien_cli.values import parse_date

MASK = "•"


def parse_date_cell(value: Any) -> Any:
    """A date as text or a real .xlsx date; a bare number is refused, never read as a date."""
    try:
        return parse_date(value)
    except AttributeError:  # an int or float from .xlsx: a serial or a year, we cannot tell
        raise InvalidValue("import.number_not_date", value=value) from None


def national_id_cell(value: Any) -> str:
    """A CCCD as text. Excel keeps one typed as a number and drops its leading zero (every
    province code starts with 0), so a number is padded back to 12 digits (9 for an old CMND)."""
    if isinstance(value, int):
        digits = str(value)
        return digits.zfill(9) if len(digits) <= 9 else digits.zfill(12)
    text = str(value).replace(" ", "").replace(".", "").replace("-", "")
    if MASK in text:
        raise InvalidValue("import.masked", field="national_id")
    return text


def phone_cell(value: Any) -> str:
    """A phone number as text; a number cell gets back the leading 0 Excel dropped."""
    if isinstance(value, int):
        digits = str(value)
        return digits if digits.startswith("84") else "0" + digits
    text = str(value)
    if MASK in text:
        raise InvalidValue("import.masked", field="phone")
    return text


def education_code(value: Any) -> str:
    """A file's education level ('12/12', 'THPT', 'Trung học phổ thông') as its code."""
    return people.education_code(str(value), "education")


class Memo(dict[Any, Any]):
    """A parser of cell texts that remembers its answers: a province's file repeats a few
    thousand dates, genders and education levels a million times, and a hit is one dict
    lookup. A refused value raises and is not remembered; the memory is bounded."""

    def __init__(self, parse: Callable[[Any], Any], limit: int = 20_000) -> None:
        super().__init__()
        self.parse = parse
        self.limit = limit

    def __missing__(self, value: Any) -> Any:
        found = self.parse(value)
        if len(self) >= self.limit:
            self.clear()
        self[value] = found
        return found
