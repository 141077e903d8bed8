"""Parsing of the values users type and files carry: dates, whole numbers, yes/no, choices.

Dates are read only in explicit day-first or ISO forms; a date that does not exist
(31/02/2000) or a form that could be read two ways is refused, never guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from dangvien_cli.errors import InvalidValue
from dangvien_cli.vntext import fold

E = TypeVar("E", bound=StrEnum)

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?\s*$")


def parse_date(value: str | date | datetime | None) -> date | None:
    """``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` or ``yyyy-mm-dd``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":  # fast path for ISO
        y, m, d = text[:4], text[5:7], text[8:]
    elif len(text) == 10 and text[2] == "/" and text[5] == "/":  # fast path for dd/mm/yyyy
        d, m, y = text[:2], text[3:5], text[6:]
    elif match := _DMY.match(text):
        d, m, y = match.groups()
    elif match := _YMD.match(text):
        y, m, d = match.groups()
    else:
        raise InvalidValue("error.invalid_date", value=value)
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise InvalidValue("error.invalid_date", value=value) from None


def required_date(value: str, field: str) -> date:
    """A date the command cannot do without (an empty value is refused as missing)."""
    day = parse_date(value)
    if day is None:
        raise InvalidValue("error.required", field=field)
    return day


def parse_int(value: str | int | float | None, field: str) -> int | None:
    """Whole numbers as clerks write them: ``1200``, ``1.200``, ``1 200``; never ``1,5``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidValue("error.invalid_int", value=value, field=field)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise InvalidValue("error.invalid_int", value=value, field=field)
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"-?\d{1,3}([. ]\d{3})+", text):
        text = text.replace(".", "").replace(" ", "")
    if not re.fullmatch(r"-?\d+", text):
        raise InvalidValue("error.invalid_int", value=value, field=field)
    return int(text)


_TRUE = {"1", "x", "true", "yes", "y", "co", "c", "dung", "v", "ok"}
_FALSE = {"0", "", "false", "no", "n", "khong", "k", "sai", "-"}


def parse_bool(value: str | bool | int | None, field: str) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    text = fold(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue("error.invalid_choice", value=value, field=field, choices="có, không")


def parse_choice(value: str | None, enum: type[E], field: str) -> E | None:
    """A closed value, matched ignoring case and diacritics, with ``_``, ``-`` and space alike
    (``Nữ`` and ``NU`` are ``nu``; ``Xã, phường`` is ``xa-phuong``)."""
    if value is None or not value.strip():
        return None
    key = re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")
    for member in enum:
        if member.value == key:
            return member
    choices = ", ".join(m.value for m in enum)
    raise InvalidValue("error.invalid_choice", value=value, field=field, choices=choices)


_YEAR = re.compile(r"^(\d{4})$")
_TERM = re.compile(r"^(\d{4})\s*[-–]\s*(\d{4})$")


def implied_period(code: str) -> tuple[str, str, date, date] | None:
    """A year ('2022') or a term ('2020-2025') needs no declaration: (code, kind, first day,
    last day) as implied; None for any other code."""
    if m := _YEAR.match(code):
        y = int(m.group(1))
        return code, "year", date(y, 1, 1), date(y, 12, 31)
    if m := _TERM.match(code):
        a, b = int(m.group(1)), int(m.group(2))
        if b <= a:
            raise InvalidValue("period.bad_range", code=code)
        return f"{a}-{b}", "term", date(a, 1, 1), date(b, 12, 31)
    return None
