"""Errors the user is shown: each carries a catalogue key, its parameters and an exit code.

Services raise these and never print; the CLI turns them into one line on stderr.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from typing import Any


class DangvienError(Exception):
    """A refusal shown to the user as one line (exit 1)."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self) -> str:
        from dangvien_cli.i18n import t

        return t(self.key, **self.params)


class NotFound(DangvienError):
    """A unit, person, period or class that does not exist."""


class Conflict(DangvienError):
    """A record that would duplicate another one."""


class InvalidValue(DangvienError):
    """One value given by the user is malformed."""


class Unparseable(InvalidValue):
    """A value that cannot be read at all (a date, a number, a choice): a usage error, exit 2,
    like Typer's own; a value that reads but breaks a rule stays a refusal (exit 1)."""

    exit_code = 2


class SchemaOutOfDate(DangvienError):
    """The database schema is older or newer than this version (exit 4)."""

    exit_code = 4


class ThresholdNotMet(DangvienError):
    """A report's --fail-under threshold was not met (exit 3)."""

    exit_code = 3


# A run of 9+ digits (spaces, dots or hyphens between them, a leading +) standing alone is a
# national ID or a phone number: 9 and 12 digits for ID cards, 10 to 11 for phones, written
# 0912345678, 0912 345 678, 0912.345.678, 0912-345-678 or 038-090-012-347. Dates never reach
# 9 digits; digits inside a word (a file digest, a document number) are not touched.
_PRIVATE_NUMBER = re.compile(r"(?<![\w+])\+?\d(?:[\d .\-]{7,}\d)(?!\w)")


def os_reason(exc: OSError) -> str:
    """Why the machine refused, in the reader's language: the system's own words
    (``strerror``) are English whatever the clerk reads."""
    from dangvien_cli.i18n import has, t

    key = f"os.{errno.errorcode.get(exc.errno or 0, '')}"
    return t(key) if has(key) else exc.strerror or type(exc).__name__


def redact(text: str) -> str:
    """Hide all but the last 3 digits of every ID-like or phone-like number in ``text``."""

    def hide(m: re.Match[str]) -> str:
        found = m.group(0)
        digits = re.sub(r"\D", "", found)
        # A hierarchical unit code (05.003.001.02) is not personal: a phone written with
        # dots has at most two of them. Two dates (01-01-2024 - 31-12-2024) are not either:
        # a number is written with at most three hyphens.
        if len(digits) < 9 or found.count(".") > 2 or found.count("-") > 3:
            return found
        return "•" * (len(digits) - 3) + digits[-3:]

    return _PRIVATE_NUMBER.sub(hide, text)


def one_line(text: str) -> str:
    """An error message as it may be shown: one line (a line break inside a value it echoes
    shows as ↵) and no whole ID or phone number."""
    return redact(shorten(re.sub(r"[ \t]*[\r\n]+[ \t]*", " ↵ ", text), 1000))


# A bad cell is echoed this far (the rest is in the file itself), and a file stops being read
# after this many errors: a million bad rows would otherwise take a minute and a gigabyte
# only to say the same thing a million times.
SHOWN_CELL_CHARS = 60
SHOWN_REASON_CHARS = 300  # a reason may echo the cell too
MAX_ROW_ERRORS = 10_000


def shorten(text: str, limit: int = SHOWN_CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad cell of an import file."""

    line: int
    column: str
    value: str
    reason: str


@dataclass
class RowErrors:
    """Collects the bad rows of a file so that all of them are reported at once."""

    items: list[RowError] = field(default_factory=list)

    path: str = ""
    limit: int = MAX_ROW_ERRORS
    # Field key -> the file's own header: a check that names the field by its key (one made
    # after the rows are read, on the records) still points at the column the unit wrote.
    headers: dict[str, str] = field(default_factory=dict)

    def add(self, line: int, column: str, value: object, reason: str) -> None:
        # The cell is echoed, shortened, so the unit can find it, but never a whole ID or
        # phone number: error lists travel by e-mail and land in terminals' scrollback.
        cell = "" if value is None else shorten(redact(str(value)[:200]))
        column = self.headers.get(column, column)
        self.take([RowError(line, column, cell, shorten(reason, SHOWN_REASON_CHARS))])

    def take(self, found: list[RowError]) -> None:
        """Errors another collector noted (a worker process's), already shortened."""
        for error in found:
            self.items.append(error)
            if len(self.items) >= self.limit:
                raise InvalidFile(
                    self.path, sorted(self.items, key=lambda e: e.line), stopped=error.line
                )

    def __bool__(self) -> bool:
        return bool(self.items)


class InvalidFile(DangvienError):
    """An import file with bad rows: nothing was written."""

    def __init__(self, path: str, errors: list[RowError], stopped: int | None = None) -> None:
        from dangvien_cli.i18n import fmt_int, t

        first = errors[0]
        super().__init__(
            "import.bad_rows" if stopped is None else "import.too_many_errors",
            path=path,
            count=fmt_int(len({e.line for e in errors})),
            line=fmt_int(stopped),
            first=t(
                "import.row_error",
                line=fmt_int(first.line),
                column=first.column,
                value=first.value,
                reason=first.reason,
            ),
        )
        self.path = path
        self.errors = errors
        self.stopped = stopped  # the line where reading stopped, after MAX_ROW_ERRORS


class RuleViolation(DangvienError):
    """A Party rule refuses the act; the message names every rule it breaks and its source."""

    def __init__(self, violations: list[Any]) -> None:
        super().__init__("rule")
        self.violations = violations

    def lines(self) -> list[str]:
        """One text per breach, in the order the checks found them."""
        return [v.line() for v in self.violations]

    def message(self) -> str:
        # A script reads one line: every breach, separated by " | ".
        return " | ".join(self.lines())
