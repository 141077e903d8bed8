"""The small engine between the rule book (rules.toml) and the checks: what a breach is, how a
check finds the rows in force on an act's date, and the registry of checks by pipeline step.

A breach (``Violation``) carries a catalogue key and its parameters, not sentences: it is worded
in the reader's language only when shown (``text()``), like a ``DangvienError``. A breach of an
H rule is an "error" (refused unless a recorded exception names the rule); of an M, L or U rule
a "warning". A new check is one function under ``@check(Step.x, "Rn")``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any, Literal, ParamSpec

from dangvien_cli.i18n import fmt_date, get_lang, template
from dangvien_cli.services.rule_book import Confidence, Rule, RuleNote
from dangvien_cli.services.rule_config import BOOK
from dangvien_cli.vocab import Step

Severity = Literal["error", "warning"]
Rules = Mapping[str, Rule] | None
_SEVERITY: dict[Confidence, Severity] = {
    "H": "error",
    "M": "warning",
    "L": "warning",
    "U": "warning",
}

RULES: tuple[Rule, ...] = BOOK.rules
RULE_NOTES: dict[str, RuleNote] = BOOK.notes


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a catalogue entry (a step's or an education level's label)."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Both:
    """A parameter that the rules file gives in both languages (a rule's title)."""

    vi: str
    en: str


def _word(name: str, value: Any, lang: str) -> Any:
    """One parameter as the reader sees it: a date as the tables write it (dd/mm/yyyy, in
    both languages); a name ending in ``_step`` is a step shown by its label, one in
    ``_items`` a list of steps or forms."""
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, Term):
        return _render(value.key, value.params, lang)
    if isinstance(value, Both):
        return value.en if lang == "en" else value.vi
    if name.endswith("_step"):
        return template(f"step.{value}", lang)
    if name.endswith("_items"):
        return ", ".join(_label(v, lang) for v in value)
    return value


def _label(item: str, lang: str) -> str:
    try:
        return template(f"step.{item}", lang)
    except KeyError:
        return item  # a form number such as 2-KNĐ


def _render(key: str, params: tuple[tuple[str, Any], ...], lang: str) -> str:
    return template(key, lang).format(**{n: _word(n, v, lang) for n, v in params})


@dataclass(frozen=True)
class Violation:
    """A rule an act breaks: the catalogue key and parameters of the sentence, and the citation."""

    rule: str
    severity: Severity
    key: str
    params: tuple[tuple[str, Any], ...]
    source: str

    def text(self, lang: str | None = None) -> str:
        """The sentence in ``lang``, by default the reader's language."""
        return _render(self.key, self.params, lang or get_lang())

    def line(self) -> str:
        """``R14 (source): sentence``, as refusals and row errors show a breach."""
        return f"{self.rule} ({self.source}): {self.text()}"


def breach(key: str, *rules: Rule, severity: Severity | None = None, **params: Any) -> Violation:
    """A violation of the first of ``rules``, worded by catalogue entry ``key``, citing all."""
    frozen = tuple((n, tuple(v) if isinstance(v, list) else v) for n, v in params.items())
    return Violation(rules[0].code, severity or severity_of(*rules), key, frozen, cite(*rules))


def severity_of(*rules: Rule) -> Severity:
    """An error only when every rule involved is well sourced (H); otherwise a warning."""
    return "error" if all(_SEVERITY[r.confidence] == "error" for r in rules) else "warning"


def cite(*rules: Rule) -> str:
    """The sources of several rows, each document named once."""
    parts: list[str] = []
    for rule in rules:
        parts += [p for p in rule.source.split("; ") if p not in parts]
    return "; ".join(parts)


class RuleNotOnFile(LookupError):
    """No row of a rule covers the date asked about (before 2016, or a gap between documents)."""

    def __init__(self, key: str, on: date) -> None:
        super().__init__(f"no rule {key!r} on file for {on.isoformat()}")
        self.key = key
        self.on = on

    def as_violation(self) -> Violation:
        known = BOOK.by_key[self.key][0]
        title = Both(known.title_vi, known.title_en)
        return Violation(
            known.code, "warning", "rules.not_on_file", (("title", title), ("on", self.on)), ""
        )


def rules_in_force(on: date) -> dict[str, Rule]:
    """The rule rows in force on `on`, keyed by `Rule.key` (a code such as R17 has several keys)."""
    return dict(BOOK.in_force(on))


def find(key: str, on: date, rules: Rules) -> Rule | None:
    return (rules if rules is not None else BOOK.in_force(on)).get(key)


def get(key: str, on: date, rules: Rules) -> Rule:
    rule = find(key, on, rules)
    if rule is None:
        raise RuleNotOnFile(key, on)
    return rule


def whole(rule: Rule) -> int:
    if isinstance(rule.value, bool) or not isinstance(rule.value, int):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a whole number")
    return rule.value


def code_of(rule: Rule) -> str:
    if not isinstance(rule.value, str):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a code")
    return rule.value


def fraction(rule: Rule) -> Fraction:
    if isinstance(rule.value, bool) or not isinstance(rule.value, int | Fraction):
        raise TypeError(f"rule {rule.key} holds {rule.value!r}, not a fraction")
    return Fraction(rule.value)


_P = ParamSpec("_P")
Check = Callable[..., list[Violation]]
# The checks by the step whose record they judge, with the rule codes they apply.
CHECKS: dict[Step | None, list[tuple[tuple[str, ...], Check]]] = {}


def check(
    *steps: Step | None, codes: tuple[str, ...] = ()
) -> Callable[[Callable[_P, list[Violation]]], Callable[_P, list[Violation]]]:
    """Register a check for ``steps`` (None: not tied to a step, e.g. the ID number) and turn a
    rule missing for the act's date into a warning instead of an exception."""

    def register(fn: Callable[_P, list[Violation]]) -> Callable[_P, list[Violation]]:
        @functools.wraps(fn)
        def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> list[Violation]:
            try:
                return fn(*args, **kwargs)
            except RuleNotOnFile as missing:
                return [missing.as_violation()]

        for step in steps:
            CHECKS.setdefault(step, []).append((codes, wrapper))
        return wrapper

    return register


def rule_note(code: str) -> RuleNote | None:
    return RULE_NOTES.get(code)


def waivable(code: str) -> bool:
    """Whether the rules give a higher body a route to approve a departure from ``code``
    that the tool records as an exception (R5 needs none, R26 and R28 are not modelled)."""
    note = RULE_NOTES.get(code)
    return note is not None and note.route is not None and code not in ("R26", "R28")
