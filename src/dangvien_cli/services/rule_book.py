"""The rule book: the Party's rules read from ``rules.toml`` (shipped beside this module), checked
once when loaded, and looked up by the date of an act.

The values are data so that a new regulation (the rules changed in 2016, 2021, 2025) is an
edit of the TOML file plus a test, not a change of code. Loading refuses a file that could judge
one act two ways: two citations of one setting in force on the same day, a step that is not a
``vocab.Step``, a confidence outside H/M/L/U. The error names the rule and the setting.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from importlib import resources
from typing import Any, Literal, cast

from dangvien_cli.vocab import Step

Confidence = Literal["H", "M", "L", "U"]
RuleValue = int | bool | str | Fraction | tuple[str, ...]
CONFIDENCES: tuple[Confidence, ...] = ("H", "M", "L", "U")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")


@dataclass(frozen=True)
class Rule:
    """One value of one rule as one document set it, in force from/to the given days (inclusive)."""

    code: str
    key: str
    value: RuleValue
    unit: str
    title_vi: str
    title_en: str
    source: str
    effective_from: date
    effective_to: date | None
    confidence: Confidence

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class RuleNote:
    """What the tool does with one rule of DOMAIN.md: at which step it is judged and whether a
    higher body may approve a departure from it (DOMAIN 2.13), through which text.

    ``route`` is the document that gives the approval route and who approves, or None when
    the rule is a minimum that no body below the Central Committee can set aside; ``why``
    then says so in a line (both languages). ``covers`` lists the rules the exception also
    waives (R3's consent is what lets an applicant be over R2's age)."""

    code: str
    step_vi: str
    step_en: str
    route: str | None
    approver_vi: str | None
    approver_en: str | None
    why_vi: str
    why_en: str
    covers: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()


class RuleBookError(ValueError):
    """The rules file says something the engine cannot apply; the message names the rule."""


@dataclass
class RuleBook:
    rules: tuple[Rule, ...]
    notes: dict[str, RuleNote]
    by_key: dict[str, tuple[Rule, ...]] = field(init=False)
    # The rows in force change only on the days a row starts or stops applying, so the dates
    # between two such days share one set. Checks run per row of a million-row import: they
    # look the set up by bisection instead of testing every rule each time.
    _changes: list[date] = field(init=False)
    _sets: dict[int, dict[str, Rule]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.by_key = {}
        for r in self.rules:
            self.by_key[r.key] = (*self.by_key.get(r.key, ()), r)
        self._changes = sorted(
            {r.effective_from for r in self.rules}
            | {r.effective_to + timedelta(days=1) for r in self.rules if r.effective_to}
        )

    def in_force(self, on: date) -> Mapping[str, Rule]:
        """The rule rows in force on ``on`` by key, shared: callers must not change it."""
        span = bisect_right(self._changes, on)
        found = self._sets.get(span)
        if found is None:
            found = self._sets[span] = {r.key: r for r in self.rules if r.in_force(on)}
        return found


def read_value(raw: Any, where: str) -> RuleValue:
    """A setting's value as the file writes it: a number, a flag, a code, "2/3" or a list."""
    if isinstance(raw, list):
        return tuple(str(v) for v in raw)
    if isinstance(raw, str) and (m := _FRACTION.match(raw)):
        if not int(m[2]):
            raise RuleBookError(f"{where}: value {raw!r} divides by zero")
        return Fraction(int(m[1]), int(m[2]))
    if isinstance(raw, bool | int | str):
        return raw
    raise RuleBookError(f"{where}: value {raw!r} is not a number, flag, code, fraction or list")


def _steps(raw: list[str], where: str) -> tuple[Step, ...]:
    known = {s.value for s in Step}
    unknown = [s for s in raw if s not in known]
    if unknown:
        raise RuleBookError(f"{where}: unknown steps {unknown}; use vocab.Step values")
    return tuple(Step(s) for s in raw)


def _setting(code: str, setting: dict[str, Any]) -> list[Rule]:
    key = _field(setting, "key", f"rule {code}, a setting")
    where = f"rule {code}, setting {key}"
    with _fields_of(where):
        return _rows(code, key, setting, where)


def _rows(code: str, key: str, setting: dict[str, Any], where: str) -> list[Rule]:
    rows = []
    for cite in setting["citations"]:
        confidence = cite.get("confidence")
        if confidence not in CONFIDENCES:
            raise RuleBookError(f"{where}: confidence {confidence!r} is not one of {CONFIDENCES}")
        start, end = cite["from"], cite.get("to")
        for day in (start, end):
            if day is not None and not isinstance(day, date):
                raise RuleBookError(f"{where}: {day!r} is not a date (write it bare: 2025-07-01)")
        if end is not None and end < start:
            raise RuleBookError(f"{where}: citation {cite['source']!r} ends before it starts")
        value = read_value(cite.get("value", setting["value"]), where)
        if key == "step_order":
            value = tuple(s.value for s in _steps(list(cast(tuple[str, ...], value)), where))
        rows.append(
            Rule(
                code,
                key,
                value,
                setting["unit"],
                setting["title_vi"],
                setting["title_en"],
                cite["source"],
                start,
                end,
                cast(Confidence, confidence),
            )
        )
    rows.sort(key=lambda r: r.effective_from)
    for before, after in zip(rows, rows[1:], strict=False):
        if before.effective_to is None or before.effective_to >= after.effective_from:
            raise RuleBookError(
                f"{where}: {before.source!r} and {after.source!r} are both in force on "
                f"{after.effective_from.isoformat()}; close the first with `to`"
            )
    return rows


def load(text: str) -> RuleBook:
    """Read and validate a rules file (the TOML text); RuleBookError names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleBookError(f"rules file: {exc}") from exc
    rules: list[Rule] = []
    notes: dict[str, RuleNote] = {}
    for entry in data.get("rule", []):
        code = _field(entry, "code", "a [[rule]]")
        if code in notes:
            raise RuleBookError(f"rule {code}: defined twice")
        with _fields_of(f"rule {code}"):
            notes[code] = _note(code, entry)
        for setting in entry.get("setting", []):
            if any(r.key == setting.get("key") for r in rules):
                raise RuleBookError(f"rule {code}: setting {setting['key']} defined twice")
            rules.extend(_setting(code, setting))
    for code, note in notes.items():
        for covered in note.covers:
            if covered not in notes:
                raise RuleBookError(f"rule {code}: covers unknown rule {covered}")
    return RuleBook(tuple(rules), notes)


def _note(code: str, entry: dict[str, Any]) -> RuleNote:
    return RuleNote(
        code,
        entry["step_vi"],
        entry["step_en"],
        entry.get("exception_route"),
        entry.get("approver_vi"),
        entry.get("approver_en"),
        entry["why_vi"],
        entry["why_en"],
        tuple(entry.get("covers", ())),
        _steps(entry.get("steps", []), f"rule {code}"),
    )


def _field(table: dict[str, Any], name: str, where: str) -> Any:
    if name not in table:
        raise RuleBookError(f"{where}: no `{name}`")
    return table[name]


@contextmanager
def _fields_of(where: str) -> Iterator[None]:
    """A field the file leaves out is named, with the rule it belongs to."""
    try:
        yield
    except KeyError as missing:
        raise RuleBookError(f"{where}: no `{missing.args[0]}`") from None


def packaged_text() -> str:
    """The rules file shipped with the package."""
    return resources.files("dangvien_cli.services").joinpath("rules.toml").read_text("utf-8")


# The rules as shipped; services/rule_config.py adds what a committee may set for itself.
PACKAGED = load(packaged_text())
