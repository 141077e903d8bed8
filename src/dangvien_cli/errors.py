"""Errors the user is shown: each carries a catalogue key, its parameters and an exit code.

Services raise these and never print; the CLI turns them into one line on stderr.
"""

from __future__ import annotations

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


class SchemaOutOfDate(DangvienError):
    """The database schema is older or newer than this version (exit 4)."""

    exit_code = 4


class ThresholdNotMet(DangvienError):
    """A report's --fail-under threshold was not met (exit 3)."""

    exit_code = 3


# A run of 9+ digits (spaces or dots between them, a leading +) standing alone is a national
# ID or a phone number: 9 and 12 digits for ID cards, 10 to 11 for phones. Dates never reach
# 9 digits; digits inside a word (a file digest, a document number) are not touched.
_PRIVATE_NUMBER = re.compile(r"(?<![\w+])\+?\d(?:[\d .]{7,}\d)(?!\w)")


def redact(text: str) -> str:
    """Hide all but the last 3 digits of every ID-like or phone-like number in ``text``."""

    def hide(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        # A hierarchical unit code (05.003.001.02) is not personal: a phone written with
        # dots has at most two of them.
        if len(digits) < 9 or m.group(0).count(".") > 2:
            return m.group(0)
        return "•" * (len(digits) - 3) + digits[-3:]

    return _PRIVATE_NUMBER.sub(hide, text)


def one_line(text: str) -> str:
    """An error message as it may be shown: one line (a line break inside a value it echoes
    shows as ↵) and no whole ID or phone number."""
    return redact(re.sub(r"[ \t]*[\r\n]+[ \t]*", " ↵ ", text))


@dataclass(frozen=True)
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

    def add(self, line: int, column: str, value: object, reason: str) -> None:
        # The cell is echoed so the unit can find it, but never a whole ID or phone number:
        # error lists travel by e-mail and land in terminals' scrollback.
        cell = "" if value is None else redact(str(value))
        self.items.append(RowError(line, column, cell, reason))

    def __bool__(self) -> bool:
        return bool(self.items)


class InvalidFile(DangvienError):
    """An import file with bad rows: nothing was written."""

    def __init__(self, path: str, errors: list[RowError]) -> None:
        from dangvien_cli.i18n import t

        first = errors[0]
        super().__init__(
            "import.bad_rows",
            path=path,
            count=len({e.line for e in errors}),
            first=t(
                "import.row_error",
                line=first.line,
                column=first.column,
                value=first.value,
                reason=first.reason,
            ),
        )
        self.path = path
        self.errors = errors


class RuleViolation(DangvienError):
    """A Party rule refuses the act; the message names every rule it breaks and its source."""

    def __init__(self, violations: list[Any]) -> None:
        super().__init__("rule")
        self.violations = violations

    def lines(self) -> list[str]:
        """One text per breach, in the order the checks found them."""
        from dangvien_cli.i18n import get_lang

        en = get_lang() == "en"
        return [
            f"{v.rule} ({v.source}): {v.message_en if en else v.message_vi}"
            for v in self.violations
        ]

    def message(self) -> str:
        # A script reads one line: every breach, separated by " | ".
        return " | ".join(self.lines())
