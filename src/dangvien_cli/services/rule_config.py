"""The rule book as this installation applies it: the packaged rules, with the values a
committee may set for itself.

DOMAIN.md: "An M, L or UNCONFIRMED value gives a warning, not a refusal, and can be changed in
configuration." Only those can: a value the Party's texts set beyond doubt (confidence H: the
Charter's 18 years, the 2/3 vote, the deadlines) is the same everywhere, and a file on one
clerk's machine must not lower it. A changed value still only warns, and its warnings cite
the reason the file gives (the committee's own document), not the Party text it replaces.

The file is ``$DANGVIEN_RULES`` when set (empty: none), else ``rules.toml`` in the user's
configuration folder (platformdirs), when there is one::

    [[override]]
    key = "youth_max_age_years"         # a setting of docs/rules.md
    value = 35
    reason = "Hướng dẫn 12-HD/TU (2026)" # cited instead of the Party text
    from = 2026-01-01                    # optional: acts on or after this day
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from dangvien_cli.errors import DangvienError
from dangvien_cli.services.rule_book import (
    PACKAGED,
    Rule,
    RuleBook,
    RuleBookError,
    RuleValue,
    read_value,
)
from dangvien_cli.vocab import EDUCATION_LEVELS

ENV_RULES = "DANGVIEN_RULES"
_WHERE = re.compile(r"at line (\d+), column (\d+)")


class RuleConfigError(DangvienError):
    """The configuration file asks for something it may not (one line, exit 1)."""


def configuration_file() -> Path | None:
    named = os.environ.get(ENV_RULES)
    if named is not None:
        return Path(named) if named.strip() else None
    from platformdirs import user_config_dir

    found = Path(user_config_dir("dangvien")) / "rules.toml"
    return found if found.is_file() else None


def configured(book: RuleBook, path: Path | None) -> RuleBook:
    """``book`` with the overrides of the file at ``path`` (None: as it is)."""
    if path is None:
        return book
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # tomllib words the mistake in English; the clerk is told where it is.
        found = _WHERE.search(str(exc))
        line, column = found.groups() if found else ("?", "?")
        raise RuleConfigError(
            "rules.config_syntax", path=str(path), line=line, column=column
        ) from None
    except (OSError, UnicodeDecodeError):
        raise RuleConfigError("rules.config_unreadable", path=str(path)) from None
    rules, seen = list(book.rules), set()
    for entry in data.get("override", []):
        if entry.get("key") in seen:
            raise RuleConfigError("rules.config_twice", path=str(path), key=entry["key"])
        seen.add(entry.get("key"))
        rules = _override(rules, entry, book, str(path))
    return RuleBook(tuple(rules), book.notes)


def _override(rules: list[Rule], entry: dict[str, Any], book: RuleBook, path: str) -> list[Rule]:
    key = entry.get("key")
    if key not in book.by_key:
        raise RuleConfigError("rules.config_unknown_key", path=path, key=key)
    known = book.by_key[key]
    code = known[0].code
    reason = str(entry.get("reason") or "").strip()
    if not reason:
        raise RuleConfigError("rules.config_no_reason", path=path, key=key)
    start = entry.get("from", date.min)
    if not isinstance(start, date):
        raise RuleConfigError("rules.config_bad_from", path=path, key=key, value=start)
    value = _value_like(known[0].value, entry.get("value"), key, path)
    changeable = [r for r in known if r.confidence != "H" and _ends_after(r, start)]
    if not changeable:
        raise RuleConfigError("rules.config_locked", path=path, key=key, rule=code)
    out = [r for r in rules if r not in changeable]
    for row in changeable:
        if row.effective_from < start:  # the Party text's value holds until the override
            out.append(replace(row, effective_to=start - timedelta(days=1)))
            row = replace(row, effective_from=start)
        out.append(replace(row, value=value, source=reason))
    return out


def _ends_after(rule: Rule, start: date) -> bool:
    return rule.effective_to is None or rule.effective_to >= start


def _value_like(packaged: RuleValue, given: Any, key: str, path: str) -> RuleValue:
    """The override's value, read as the rules file reads one, of the kind the setting holds
    (a whole number for months, a fraction for a vote, a level the checks can place)."""
    like = ", ".join(EDUCATION_LEVELS) if packaged in EDUCATION_LEVELS else _shown(packaged)
    try:
        value = read_value(given, key)
    except RuleBookError:
        value = None
    fits = type(value) is type(packaged) and not isinstance(value, tuple)
    if packaged in EDUCATION_LEVELS:
        fits = value in EDUCATION_LEVELS
    elif isinstance(value, int) and value < 0:
        fits = False
    if not fits or value is None:
        raise RuleConfigError("rules.config_bad_value", path=path, key=key, value=given, like=like)
    return value


def _shown(value: RuleValue) -> str:
    if isinstance(value, bool):
        return "true/false"
    return f'"{value}"' if isinstance(value, str | Fraction) else str(value)


BOOK = configured(PACKAGED, configuration_file())
