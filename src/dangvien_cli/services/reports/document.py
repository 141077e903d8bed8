"""The committee's report on admitting new members, written from the data.

Every quarter and year the organization department writes the same document by hand from
``report quota``, ``report composition``, ``report deadlines`` and ``report pipeline``. This
module writes it: it calls those very services for the same period and day (never a query
of its own, so the document cannot say a figure the reports do not) and puts each figure
in a sentence from the message catalogue. Where the data holds nothing the sentence says
so. What the data cannot know (the document's number, its date, the signer) is left blank
for the clerk, as Hướng dẫn 36-HD/VPTW (2018) lays a Party document out.

The result is plain data (``Report``); docs/report-document.md says how it is laid out, and
``render_docx`` / ``text_of`` turn it into a Word file or Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli.errors import InvalidValue
from dangvien_cli.i18n import fmt_date, fmt_int, fmt_percent, t
from dangvien_cli.reader import ConnectionReader
from dangvien_cli.services.quotas import list_periods
from dangvien_cli.services.reports.behind import report_behind
from dangvien_cli.services.reports.composition import report_composition
from dangvien_cli.services.reports.document_sections import (
    class_paragraphs,
    composition_paragraphs,
    next_steps,
    pipeline_paragraphs,
    ratio,
    source_words,
    units_paragraphs,
)
from dangvien_cli.services.reports.pipeline import report_pipeline
from dangvien_cli.services.reports.quota import footer, report_quota
from dangvien_cli.services.reports.scope import Window, window

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Bar:
    """One bar of the attainment chart: a block (or unit) against its quota."""

    label: str
    target: int | None
    admitted: int
    percent: float | None


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str]


@dataclass
class Report:
    """The document as data: the header block, title, body, chart, recipients, signature."""

    party: str
    committee: str  # the committee the department belongs to, upper case
    issuer: str  # BAN TỔ CHỨC
    number: str  # with a blank for the clerk
    place_date: str  # blanks
    title: str
    subtitle: str
    sections: list[Section]
    chart_title: str
    chart: list[Bar]
    chart_by: str  # block | unit: what a bar stands for
    chart_after: int  # the chart follows this many sections
    recipients_label: str
    recipients: list[str]
    signer: list[str]
    figures: dict[str, Any] = field(default_factory=dict)  # what the sentences state


def build_report(
    session: Session, *, period_code: str, as_of: date, unit_code: str | None = None
) -> Report:
    """The whole document for a period cut at ``as_of``, for the tree or ``unit_code``."""
    reader = ConnectionReader(session.connection())
    win = window(session, period_code, as_of)
    if as_of < win.start:  # a sentence about a period yet to come could only be false
        raise InvalidValue(
            "doc.not_started", period=win.code, start=fmt_date(win.start), as_of=fmt_date(as_of)
        )
    rows = report_quota(reader, period_code=period_code, as_of=as_of, unit_code=unit_code, depth=2)
    tops = [r for r in rows if r["depth"] == 0]
    name = tops[0]["unit_name"] if len({r["unit_code"] for r in tops}) == 1 else None
    scope_name = name or t("doc.all_units")
    blocks = report_quota(
        reader, period_code=period_code, as_of=as_of, by="block", unit_code=unit_code
    )
    composition = report_composition(
        session, period_code=period_code, as_of=as_of, unit_code=unit_code
    )
    facts: dict[str, Any] = {}
    results = [
        *_admissions(rows, win, scope_name, facts),
        _previous_year(composition, facts),
        *_term(session, reader, win, unit_code, facts),
        *_next_year(session, reader, win, unit_code, facts),
        *_by_block(blocks),
    ]
    behind = report_behind(
        reader, period_code=period_code, as_of=as_of, unit_code=unit_code, depth=2
    )
    # The scope's own funnel rows, read once for the classes and the pipeline sections: a
    # nation's is one pass over four million events.
    funnel = [
        r
        for r in report_pipeline(
            session, period_code=period_code, as_of=as_of, unit_code=unit_code, depth=1
        )
        if r["depth"] == 0
    ]
    sections = [
        Section(t("doc.h.results"), [p for p in results if p]),
        Section(t("doc.h.units"), units_paragraphs(rows, behind, facts)),
        Section(t("doc.h.composition"), composition_paragraphs(composition, facts)),
        Section(t("doc.h.classes"), class_paragraphs(session, win, unit_code, funnel, facts)),
        Section(t("doc.h.pipeline"), pipeline_paragraphs(session, as_of, unit_code, funnel, facts)),
        Section(t("doc.h.next"), next_steps(facts)),
    ]
    chart, chart_by = _chart(blocks, rows)
    return Report(
        party=t("doc.party"),
        committee=(name or t("doc.blank_committee")).upper(),
        issuer=t("doc.issuer"),
        number=t("doc.number"),
        place_date=t("doc.place_date"),
        title=t("doc.title"),
        subtitle=t("doc.subtitle", period=_period_words(win), unit=scope_name),
        sections=sections,
        chart_title=t(f"doc.chart.{chart_by}", period=_period_words(win)),
        chart=chart,
        chart_by=chart_by,
        chart_after=2,  # under the units against their quotas
        recipients_label=t("doc.recipients"),
        recipients=[t(f"doc.recipient.{i}") for i in range(1, 4)],
        signer=[t("doc.signer"), t("doc.signer_note"), "", "", t("doc.signer_name")],
        figures=facts,
    )


# --- results against the quotas --------------------------------------------------------


def _period_words(win: Window) -> str:
    """'năm 2021', 'nhiệm kỳ 2020-2025' or 'kỳ Q1-2022', as the period's code reads."""
    code = win.code
    if code.isdigit():
        kind = "year"
    elif len(code) == 9 and code[4] == "-" and code.replace("-", "").isdigit():
        kind = "term"
    else:
        kind = "other"
    return t(f"doc.period.{kind}", code=code)


def _admissions(rows: Sequence[Row], win: Window, name: str, facts: dict[str, Any]) -> list[str]:
    total = footer(list(rows))
    admitted = total["admitted"] if total else 0
    facts["admitted"] = admitted
    span = t("doc.window", start=fmt_date(win.start), end=fmt_date(win.end))
    out = [t("doc.admitted", period=_period_words(win), span=span, unit=name, n=fmt_int(admitted))]
    tops = [r for r in rows if r["depth"] == 0]
    quotas = [r for r in tops if r["target"] is not None] if len(tops) else []
    if len({r["unit_code"] for r in tops}) != 1:
        quotas = [total] if total and total["target"] is not None else []
    if not quotas:
        out.append(t("doc.no_quota", period=_period_words(win)))
    facts["quotas"] = {r["source"]: (r["target"], r["percent"]) for r in quotas}
    for r in quotas:
        short = r["admitted"] < r["target"]
        sentence = t(
            "doc.quota_short" if short else "doc.quota_met",
            source=source_words(r["source"]),
            target=fmt_int(r["target"]),
            pct=fmt_percent(r["percent"]),
            remaining=fmt_int(r["remaining"]),
        )
        if short and win.end < win.period.end_on and "expected" in r:
            # Cut before the period's end: say whether the share so far keeps pace.
            pace = "doc.pace_behind" if r["status"] == "cham" else "doc.pace_on"
            elapsed, expected = fmt_percent(r["elapsed_percent"]), fmt_int(round(r["expected"]))
            sentence += " " + t(pace, elapsed=elapsed, expected=expected)
        out.append(sentence)
    return out


def _previous_year(composition: Sequence[Row], facts: dict[str, Any]) -> str:
    total = next(r for r in composition if r["row"] == "total")
    span = t(
        "doc.window",
        start=fmt_date(total["previous_start_on"]),
        end=fmt_date(total["previous_end_on"]),
    )
    facts["previous"] = total["previous"]
    if not total["previous"]:
        # No decision on file for last year's window: the database may simply start later.
        return t("doc.previous_none", span=span)
    diff = total["current"] - total["previous"]
    key = "doc.previous_more" if diff > 0 else "doc.previous_less" if diff else "doc.previous_same"
    return t(
        key,
        span=span,
        previous=fmt_int(total["previous"]),
        diff=fmt_int(abs(diff)),
        pct=fmt_percent(total["ratio_percent"]),
    )


def _term(
    session: Session, reader: ConnectionReader, win: Window, unit: str | None, facts: dict[str, Any]
) -> list[str]:
    """The progress of the term that holds the window, from the term's quota report."""
    terms = [
        p
        for p in list_periods(session)
        if p["kind"] == "term" and p["start_on"] <= win.start and win.end <= p["end_on"]
    ]
    out = []
    if not terms:
        out.append(t("doc.no_term"))
    for p in terms:
        rows = report_quota(reader, period_code=p["code"], as_of=win.end, unit_code=unit, depth=1)
        total = footer(rows)
        tops = [r for r in rows if r["depth"] == 0 and r["target"] is not None]
        if total is None or not tops:
            out.append(t("doc.term_no_quota", term=p["code"]))
            continue
        facts.setdefault("term", {})[p["code"]] = {r["source"]: r for r in tops}
        for r in tops:
            pace = "doc.term_behind" if r["status"] == "cham" else "doc.term_on_pace"
            out.append(
                t(
                    "doc.term",
                    term=p["code"],
                    end=fmt_date(win.end),
                    n=fmt_int(r["admitted"]),
                    source=source_words(r["source"]),
                    target=fmt_int(r["target"]),
                    pct=fmt_percent(r["percent"]),
                    remaining=fmt_int(r["remaining"]),
                )
                + " "
                + t(
                    pace,
                    elapsed=fmt_percent(r["elapsed_percent"]),
                    expected=fmt_int(round(r["expected"])),
                )
            )
    return out


def _next_year(
    session: Session, reader: ConnectionReader, win: Window, unit: str | None, facts: dict[str, Any]
) -> list[str]:
    """For a year, the quota already set for the year after (the article's "năm 2022")."""
    if not win.code.isdigit():
        return []
    out = []
    following = [p for p in list_periods(session) if p["code"] == str(int(win.code) + 1)]
    for p in following:
        rows = report_quota(
            reader, period_code=p["code"], as_of=p["start_on"], unit_code=unit, depth=1
        )
        for r in rows:
            if r["depth"] == 0 and r["target"] is not None:
                facts.setdefault("next_year", {}).setdefault(p["code"], {})[r["source"]] = r[
                    "target"
                ]
                out.append(
                    t(
                        "doc.next_year",
                        year=p["code"],
                        source=source_words(r["source"]),
                        target=fmt_int(r["target"]),
                    )
                )
    return out


def _label(row: Row) -> str:
    if row["row_type"] == "block":
        return t(f"block.{row['block']}") if row["block"] else t("report.no_block")
    return str(row.get("unit_name") or t("report.total_row"))


def _by_block(blocks: Sequence[Row]) -> list[str]:
    shown = [r for r in blocks if r["row_type"] == "block"]
    if not shown:
        return []
    parts = [
        f"{_label(r)}: "
        + (
            ratio(r)
            if r["target"] is not None
            else t("doc.block_no_quota", n=fmt_int(r["admitted"]))
        )
        for r in shown
    ]
    return [t("doc.by_block", list="; ".join(parts))]


# --- the chart --------------------------------------------------------------------------------


def _chart(blocks: Sequence[Row], rows: Sequence[Row]) -> tuple[list[Bar], str]:
    """Attainment by block when the first level's blocks have quotas, else by unit of the
    first level; only what has a quota, since a share of nothing cannot be drawn."""
    by_block = [r for r in blocks if r["row_type"] == "block" and r["target"] is not None]
    if by_block:
        return [Bar(_label(r), r["target"], r["admitted"], r["percent"]) for r in by_block], "block"
    by_unit = [r for r in rows if r["depth"] == 1 and r["target"] is not None]
    return [Bar(_label(r), r["target"], r["admitted"], r["percent"]) for r in by_unit], "unit"


# --- as text ----------------------------------------------------------------------------------


def to_markdown(report: Report) -> str:
    """The document as Markdown: the header block as two lines, then the body; the chart as
    a table of the same figures."""
    head = [
        f"{report.committee}  \n**{report.issuer}**  \n{report.number}",
        "",
        f"**{report.party}**  \n*{report.place_date}*",
        "",
        f"# {report.title}",
        f"**{report.subtitle[:1].upper()}{report.subtitle[1:]}**",
        "",
    ]
    body: list[str] = []
    for i, section in enumerate(report.sections):
        if i == report.chart_after:
            body += _chart_table(report)
        body += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            body += [paragraph, ""]
    tail = ["", f"**{report.recipients_label}**", *(f"{r}  " for r in report.recipients)]
    signer = [f"**{line}**  " if i == 0 else f"{line}  " for i, line in enumerate(report.signer)]
    tail += ["", *(line for line in signer if line.strip())]
    return "\n".join([*head, *body, *tail]) + "\n"


def _chart_table(report: Report) -> list[str]:
    """The chart's figures as a Markdown table (the .docx draws them as a picture too)."""
    out = [f"**{report.chart_title}**", ""]
    if not report.chart:
        return [*out, t("doc.chart_none"), ""]
    first = t("col.block") if report.chart_by == "block" else t("col.unit")
    out += [
        f"| {first} | {t('col.target')} | {t('col.admitted')} | {t('col.percent')} |",
        "| --- | ---: | ---: | ---: |",
    ]
    out += [
        f"| {b.label} | {fmt_int(b.target)} | {fmt_int(b.admitted)} | {fmt_percent(b.percent)} |"
        for b in report.chart
    ]
    return [*out, ""]
