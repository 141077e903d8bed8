"""Parsing of the values users type and files carry: dates, whole numbers, yes/no, choices.

Dates are read only in explicit day-first or ISO forms; a date that does not exist
(31/02/2000) or a form that could be read two ways is refused, never guessed.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from dangvien_cli.errors import InvalidValue, Unparseable
from dangvien_cli.vntext import control_char, fold, invisible_char, nfc, visible

E = TypeVar("E", bound=StrEnum)

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?\s*$")


def parse_date(value: str | date | datetime | None) -> date | None:
    """``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` or ``yyyy-mm-dd``."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return check_date(value.date())
    if isinstance(value, date):
        return check_date(value)
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
        raise Unparseable("error.invalid_date", value=value)
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        raise Unparseable("error.invalid_date", value=value) from None
    return check_date(day, value)


def required_date(value: str, field: str) -> date:
    """A date the command cannot do without (an empty value is refused as missing)."""
    day = parse_date(value)
    if day is None:
        raise InvalidValue("error.required", field=field)
    return day


def required_text(value: str, field: str, limit: int) -> str:
    """``value`` in NFC, refused when empty, longer than ``limit`` characters, or holding a
    character that cannot be seen (a zero-width space, a right-to-left override that turns
    the rest of a table's row around): a name or a code, with the same limits in the
    commands and the imports, so what is exported imports back."""
    text = nfc(value)
    if not text:
        raise InvalidValue("error.required", field=field)
    if len(text) > limit:
        raise InvalidValue("error.too_long", field=field, limit=limit)
    hidden = invisible_in(text)
    if hidden is not None:
        raise InvalidValue("text.invisible_in", field=field, char=hidden, value=visible(text))
    return text


def invisible_in(text: str) -> str | None:
    """The first character of ``text`` that cannot be seen or is refused (invisible_char,
    control_char), as U+XXXX; the rare text that is not all printable is the only one
    looked at (str.isprintable is a C test, false for every such character)."""
    if text.isprintable():
        return None
    return invisible_char(text) or control_char(text)


def parse_int(value: str | int | float | None, field: str) -> int | None:
    """Whole numbers as clerks write them: ``1200``, ``1.200``, ``1 200``; never ``1,5``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise Unparseable("error.invalid_int", value=value, field=field)
    if isinstance(value, int):
        return check_int(value, field)
    if isinstance(value, float):
        if value.is_integer():
            return check_int(int(value), field)
        raise Unparseable("error.invalid_int", value=value, field=field)
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"-?\d{1,3}([. ]\d{3})+", text):
        text = text.replace(".", "").replace(" ", "")
    if not re.fullmatch(r"-?\d+", text):
        raise Unparseable("error.invalid_int", value=value, field=field)
    return check_int(int(text), field)


def parse_id(value: str | int | float | None, field: str = "id") -> int | None:
    """A person's id as a file gives it: the tool hands out ids from 1, so 0 and -5 are
    typing mistakes, never a new person's id."""
    number = parse_int(value, field)
    if number is not None and number < 1:
        raise InvalidValue("error.not_positive", field=field, value=number)
    return number


# Ids and counts are INTEGER columns: PostgreSQL's INTEGER stops at 2^31 - 1.
INT_LIMIT = 2**31 - 1
# Dates the tool computes with: a person born, a unit founded, a decision taken. Outside
# this range a date is a typing mistake, and year 1 or 9999 overflow the date arithmetic.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2199, 12, 31)


def check_int(number: int, field: str) -> int:
    from dangvien_cli.i18n import fmt_int

    if not -INT_LIMIT <= number <= INT_LIMIT:
        shown = str(number) if len(str(number)) <= 20 else str(number)[:19] + "…"
        limit = fmt_int(INT_LIMIT)
        raise InvalidValue("error.number_out_of_range", value=shown, field=field, limit=limit)
    return number


def check_date(day: date, value: object = None) -> date:
    if not DATE_MIN <= day <= DATE_MAX:
        raise InvalidValue(
            "error.date_out_of_range",
            value=day.isoformat() if value is None else value,
            low=DATE_MIN.year,
            high=DATE_MAX.year,
        )
    return day


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
    raise Unparseable("error.invalid_choice", value=value, field=field, choices="có, không")


def choice_key(text: str) -> str:
    """How a closed value is compared: no case, no diacritics, ``_``, ``-`` and space alike,
    a note in brackets left out (``Vùng khó khăn (R5)`` is ``vung-kho-khan``)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(re.sub(r"\(.*?\)", "", text))).strip("-")


def choice_words(member: StrEnum, labels: str | None) -> list[str]:
    """What a clerk may type for ``member``: its code, and with ``labels`` the words the
    tables show for it (catalogue key ``{labels}.{code}``) in either language."""
    words = [member.value]
    if labels:
        from dangvien_cli.i18n import both_languages

        words += both_languages(f"{labels}.{member.value}")
    return words


@functools.cache
def _choices(enum: type[E], labels: str | None) -> dict[str, E]:
    return {choice_key(word): m for m in enum for word in choice_words(m, labels)}


def parse_choice(
    value: str | None, enum: type[E], field: str, labels: str | None = None
) -> E | None:
    """A closed value, matched ignoring case and diacritics, with ``_``, ``-`` and space alike
    (``Nữ`` and ``NU`` are ``nu``; ``Xã, phường`` is ``xa-phuong``); with ``labels``, also by
    the words the tables show (``--stage "tạo nguồn"``, ``"tao nguon"``, ``sourced``)."""
    if value is None or not value.strip():
        return None
    member = _choices(enum, labels).get(choice_key(value))
    if member is not None:
        return member
    choices = ", ".join(m.value for m in enum)
    raise Unparseable("error.invalid_choice", value=value, field=field, choices=choices)


_YEAR = re.compile(r"^([0-9]{4})$")  # ASCII digits: NFKC has made fullwidth ones so
_TERM = re.compile(r"^([0-9]{4})\s*[-–]\s*([0-9]{4})$")


def _period_year(text: str) -> int:
    year = int(text)
    if not DATE_MIN.year <= year <= DATE_MAX.year:
        raise InvalidValue(
            "error.date_out_of_range", value=text, low=DATE_MIN.year, high=DATE_MAX.year
        )
    return year


def implied_period(code: str) -> tuple[str, str, date, date] | None:
    """A year ('2022') or a term ('2020-2025') needs no declaration: (code, kind, first day,
    last day) as implied; None for any other code."""
    if m := _YEAR.match(code):
        y = _period_year(m.group(1))
        return code, "year", date(y, 1, 1), date(y, 12, 31)
    if m := _TERM.match(code):
        a, b = _period_year(m.group(1)), _period_year(m.group(2))
        if b <= a:
            raise Unparseable("period.bad_range", code=code)
        return f"{a}-{b}", "term", date(a, 1, 1), date(b, 12, 31)
    return None
