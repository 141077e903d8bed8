"""docs/rules.md, written from the rules file (services/rules.toml, read by rule_book): for
each rule R1–R30 its values by period with their sources, the step at which the tool judges
it, and whether a higher body may approve an exception, through which document.

The page is generated so that it can never say something the tool does not do; a test
(tests/test_rules_doc.py) fails when the committed page differs from what this writes.
Run ``python -m dangvien_cli.services.rules_doc docs/rules.md`` after changing the data.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

from dangvien_cli.services.rule_book import PACKAGED as BOOK
from dangvien_cli.services.rule_book import Rule, RuleValue
from dangvien_cli.services.rule_engine import waivable

RULES, RULE_NOTES = BOOK.rules, BOOK.notes

CODES = [f"R{n}" for n in range(1, 31)]


def _value(value: RuleValue, unit: str) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator} {unit}"
    if isinstance(value, tuple):
        return " → ".join(value)
    return (
        f"{value} {unit}"
        if unit not in ("flag", "education", "consent", "event", "body")
        else str(value)
    )


def _period(rule: Rule) -> str:
    start = rule.effective_from.strftime("%d/%m/%Y")
    end = rule.effective_to.strftime("%d/%m/%Y") if rule.effective_to else "…"
    return f"{start}–{end}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    lines = [
        "# The Party's rules as the tool applies them",
        "",
        "Generated from `services/rules.toml` by `python -m dangvien_cli.services.rules_doc "
        "docs/rules.md`; do not edit by hand. DOMAIN.md gives the research behind each row.",
        "An H value refuses the act; M, L and U values warn. Deliberate departures "
        "(`services/step_checks.py`): a missing certificate (R7, M) and a decision by a body "
        "without the power (R16, M after 2021) refuse; a late review or recognition (R20, R21, "
        "H) only warns, as R22 dates membership from the end of probation anyway; an applicant "
        "over 60 (R2) warns at the cell vote and refuses at the decision without the R3 "
        "consent. An exception is recorded with "
        "`dangvien candidate exception ID --rule R.. --by BODY --document NO --reason TEXT` "
        "and only for the rules marked *yes* below (DOMAIN 2.13).",
        "",
        "A committee may set an M, L or U value for itself in a rules configuration file "
        "(`$DANGVIEN_RULES`, or `rules.toml` in the user configuration folder: "
        "`[[override]]` with the setting's `key`, a `value`, the `reason` its warnings cite "
        "and an optional `from` day; `services/rule_config.py`). An H value cannot be "
        "configured: the command stops, naming the rule.",
        "",
        "| Rule | Step | Exception |",
        "| --- | --- | --- |",
    ]
    for code in CODES:
        note = RULE_NOTES[code]
        if waivable(code):
            exception = f"yes: {note.approver_en} ({note.route})"
        elif note.route:
            exception = f"route in {note.route}, not recorded by the tool: {note.why_en}"
        else:
            exception = f"no: {note.why_en}"
        lines.append(f"| {code} | {_cell(note.step_en)} | {_cell(exception)} |")
    lines += ["", "## Values by period", ""]
    for code in CODES:
        rows = [r for r in RULES if r.code == code]
        note = RULE_NOTES[code]
        title = rows[0].title_en if rows else note.step_en
        lines += [f"### {code}: {title}", ""]
        if not rows:
            lines += ["No value in the rule data: " + note.why_en + ".", ""]
            continue
        lines += [
            "| Setting | Value | In force | Source | Confidence |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in rows:
            lines.append(
                f"| `{r.key}` | {_cell(_value(r.value, r.unit))} | {_period(r)} "
                f"| {_cell(r.source)} | {r.confidence} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if not args:
        sys.stdout.write(text)
        return 0
    Path(args[0]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
