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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli.i18n import MESSAGES, fmt_date, fmt_int, fmt_percent, get_lang, t
from dangvien_cli.reader import ConnectionReader
from dangvien_cli.services import classes as class_service
from dangvien_cli.services.quotas import list_periods
from dangvien_cli.services.reports.behind import report_behind
from dangvien_cli.services.reports.composition import report_composition
from dangvien_cli.services.reports.deadlines import report_deadlines
from dangvien_cli.services.reports.pipeline import FUNNEL, report_pipeline
from dangvien_cli.services.reports.quota import footer, report_quota
from dangvien_cli.services.reports.scope import Window, scope, subtree_of, window

Row = Mapping[str, Any]
# The same defaults as ``report deadlines``, so that the two agree for the same day.
DEADLINE_WITHIN, STALLED_AFTER = 30, 180
# Composition rows the document names, in the order of Biểu 2-BTCTW's first section.
GENERAL = ("women", "youth-union", "ethnic-minority", "religious", "private-owner")
ENTERPRISE = ("occ-enterprise-manager", "occ-enterprise-staff", "occ-enterprise-worker")


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
        *_by_block(blocks),
    ]
    behind = report_behind(
        reader, period_code=period_code, as_of=as_of, unit_code=unit_code, depth=2
    )
    sections = [
        Section(t("doc.h.results"), [p for p in results if p]),
        Section(t("doc.h.units"), _ahead_and_behind(rows, behind, facts)),
        Section(t("doc.h.composition"), _composition(composition, facts)),
        Section(t("doc.h.classes"), _classes(session, win, unit_code, facts)),
        Section(t("doc.h.pipeline"), _pipeline(session, win, as_of, unit_code, facts)),
        Section(t("doc.h.next"), _next_steps(facts)),
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


def _source(code: str) -> str:
    key = f"doc.source.{code}"
    return t(key) if key in MESSAGES else code


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
        key = "doc.quota_met" if r["admitted"] >= r["target"] else "doc.quota_short"
        out.append(
            t(
                key,
                source=_source(r["source"]),
                target=fmt_int(r["target"]),
                pct=fmt_percent(r["percent"]),
                remaining=fmt_int(r["remaining"]),
            )
        )
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
    """The term (and, for a year, the next year) that holds the window, as quota reports."""
    periods = list_periods(session)
    terms = [
        p
        for p in periods
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
                    source=_source(r["source"]),
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
    following = [
        p
        for p in periods
        if p["kind"] == "year"
        and win.years == [win.start.year]
        and p["start_on"].year == win.start.year + 1
    ]
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
                        source=_source(r["source"]),
                        target=fmt_int(r["target"]),
                    )
                )
    return out


def _label(row: Row) -> str:
    if row["row_type"] == "block":
        return t(f"block.{row['block']}") if row["block"] else t("report.no_block")
    return str(row.get("unit_name") or t("report.total_row"))


def _ratio(row: Row) -> str:
    return t(
        "doc.ratio",
        n=fmt_int(row["admitted"]),
        target=fmt_int(row["target"]),
        pct=fmt_percent(row["percent"]),
    )


def _by_block(blocks: Sequence[Row]) -> list[str]:
    shown = [r for r in blocks if r["row_type"] == "block"]
    if not shown:
        return []
    parts = [
        f"{_label(r)}: "
        + (
            _ratio(r)
            if r["target"] is not None
            else t("doc.block_no_quota", n=fmt_int(r["admitted"]))
        )
        for r in shown
    ]
    return [t("doc.by_block", list="; ".join(parts))]


def _names(rows: Iterable[Row], with_figures: bool = True) -> str:
    return "; ".join(
        f"{r['unit_name']} ({_ratio(r)})" if with_figures else r["unit_name"] for r in rows
    )


def _ahead_and_behind(
    rows: Sequence[Row], behind: Sequence[Row], facts: dict[str, Any]
) -> list[str]:
    first = [r for r in rows if r["depth"] == 1]
    if not first:
        return [t("doc.no_units")]
    by_status: dict[str, list[Row]] = {}
    for r in first:
        by_status.setdefault(r["status"], []).append(r)
    ahead = sorted(by_status.get("vuot", []), key=lambda r: (-r["percent"], r["unit_code"]))
    met = by_status.get("dat", [])
    late = [r for r in behind if r["depth"] == 1]
    facts["units"] = len({r["unit_code"] for r in first})
    facts["ahead"] = [r["unit_code"] for r in ahead]
    facts["met"] = [r["unit_code"] for r in met]
    facts["behind"] = [r["unit_code"] for r in late]
    facts["on_pace"] = [r["unit_code"] for r in by_status.get("dung-tien-do", [])]
    facts["no_quota"] = [r["unit_code"] for r in by_status.get("chua-giao", [])]
    out = [t("doc.units_count", n=fmt_int(facts["units"]))]
    if ahead:
        out.append(t("doc.ahead", n=fmt_int(len(ahead)), list=_names(ahead)))
    if met:
        out.append(t("doc.met", n=fmt_int(len(met)), list=_names(met, False)))
    if facts["on_pace"]:
        out.append(
            t(
                "doc.on_pace",
                n=fmt_int(len(facts["on_pace"])),
                list=_names(by_status["dung-tien-do"]),
            )
        )
    if late:
        parts = "; ".join(
            f"{r['unit_name']} ({_ratio(r)}, " + t("doc.shortfall", n=fmt_int(r["shortfall"])) + ")"
            for r in late
        )
        out.append(t("doc.behind", n=fmt_int(len(late)), list=parts))
    else:
        out.append(t("doc.none_behind"))
    if facts["no_quota"]:
        names = _names(by_status["chua-giao"], False)
        out.append(t("doc.without_quota", n=fmt_int(len(facts["no_quota"])), list=names))
    return out


# --- who the new members are -------------------------------------------------------------


def _composition(rows: Sequence[Row], facts: dict[str, Any]) -> list[str]:
    value = {r["row"]: r["current"] for r in rows}
    total = value["total"]
    facts["composition"] = value
    if not total:
        return [t("doc.no_new_members")]

    def share(n: int) -> str:
        return t("doc.share", n=fmt_int(n), pct=fmt_percent(round(100 * n / total, 1)))

    general = [f"{_lower_first(t('bieu2.' + code))} {share(value[code])}" for code in GENERAL]
    out = [t("doc.composition", n=fmt_int(total), list="; ".join(general))]
    enterprise = sum(value[c] for c in ENTERPRISE)
    facts["enterprise"] = enterprise
    out.append(t("doc.enterprise", share=share(enterprise)))
    young = value["age-18-30"]
    average = value["age-average"]
    out.append(
        t("doc.age", share=share(young), average=fmt_percent(average)[:-1])  # 32,5
        if average is not None
        else t("doc.age_unknown", share=share(young))
    )
    pro = [(code, value[code]) for code in value if code.startswith("pro-") and value[code]]
    if pro:
        listed = "; ".join(f"{t('bieu2.' + code)} {share(n)}" for code, n in pro)
        out.append(t("doc.professional", list=listed))
    else:
        out.append(t("doc.professional_none"))
    secondary = value["edu-thpt"]
    out.append(t("doc.education", share=share(secondary)))
    return out


def _lower_first(label: str) -> str:
    """A form row's label inside a sentence: 'Trong đó: nữ' → 'nữ', 'Dân tộc…' → 'dân tộc…'."""
    label = label.removeprefix(t("doc.of_whom"))
    # The English labels are lower case already but for names ("Youth Union").
    return label[:1].lower() + label[1:] if get_lang() == "vi" else label


# --- awareness classes --------------------------------------------------------------------


def _classes(session: Session, win: Window, unit: str | None, facts: dict[str, Any]) -> list[str]:
    """Classes on file that started in the window (and in the scope), then the certificates
    the pipeline holds for the window, which include candidates whose class is not on file."""
    sc = scope(session, unit)
    codes = {sc.tree[u].code for u in subtree_of(sc.tree, sc.tops)}
    held = [
        c
        for c in class_service.list_classes(session)
        if win.start <= c["start_on"] <= win.end and (unit is None or c["unit_code"] in codes)
    ]
    names = {n.code: n.name for n in sc.tree.values()}
    out = []
    facts["classes"] = [(c["code"], c["attendees"], c["passed"], c["failed"]) for c in held]
    for c in sorted(held, key=lambda c: (c["start_on"], c["code"])):
        whose = names.get(c["unit_code"]) or c["organizer"]
        month = f"{c['start_on'].month}/{c['start_on'].year}"
        if c["attendees"] and c["passed"] == c["attendees"]:
            result = t("doc.class_all_passed", n=fmt_int(c["passed"]))
        else:
            result = t(
                "doc.class_result",
                passed=fmt_int(c["passed"]),
                failed=fmt_int(c["failed"]),
                pending=fmt_int(c["attendees"] - c["passed"] - c["failed"]),
            )
        out.append(
            t("doc.class", month=month, unit=whose, n=fmt_int(c["attendees"]), result=result)
        )
    if not held:
        out.insert(0, t("doc.no_classes"))
    pipeline = report_pipeline(
        session, period_code=win.code, as_of=win.end, unit_code=unit, depth=1
    )
    trained = sum(r["entered"] for r in pipeline if r["depth"] == 0 and r["stage"] == "trained")
    facts["certified"] = trained
    out.append(t("doc.certified", n=fmt_int(trained)))
    return out


# --- the pipeline and what is overdue ------------------------------------------------------


def _pipeline(
    session: Session, win: Window, as_of: date, unit: str | None, facts: dict[str, Any]
) -> list[str]:
    rows = [
        r
        for r in report_pipeline(
            session, period_code=win.code, as_of=as_of, unit_code=unit, depth=1
        )
        if r["depth"] == 0
    ]
    now: dict[str, int] = {}
    entered: dict[str, int] = {}
    for r in rows:
        now[r["stage"]] = now.get(r["stage"], 0) + r["now"]
        entered[r["stage"]] = entered.get(r["stage"], 0) + r["entered"]
    facts["pipeline_now"], facts["sourced"] = now, entered.get("sourced", 0)
    out = [t("doc.sourced", n=fmt_int(entered.get("sourced", 0)))]
    waiting = [(s.value, now.get(s.value, 0)) for s in FUNNEL if s.value not in ("probationary",)]
    listed = "; ".join(f"{t('stage.' + s)} {fmt_int(n)}" for s, n in waiting if n)
    out.append(
        t("doc.pipeline_now", n=fmt_int(sum(n for _, n in waiting)), list=listed)
        if listed
        else t("doc.pipeline_empty")
    )
    due = report_deadlines(
        session, as_of=as_of, within=DEADLINE_WITHIN, stalled=STALLED_AFTER, unit_code=unit
    )
    by_rule = [r for r in due if r["rule"]]
    overdue = [r for r in by_rule if r["overdue"]]
    soon = [r for r in by_rule if not r["overdue"]]
    stalled = [r for r in due if r["kind"] == "stalled"]
    facts.update(overdue=len(overdue), due_soon=len(soon), stalled=len(stalled))
    if overdue:
        out.append(
            t("doc.overdue", n=fmt_int(len(overdue)), day=fmt_date(as_of), list=_kinds(overdue))
        )
    else:
        out.append(t("doc.overdue_none", day=fmt_date(as_of)))
    if soon:
        out.append(t("doc.due_soon", n=fmt_int(len(soon)), days=DEADLINE_WITHIN, list=_kinds(soon)))
    if stalled:
        out.append(t("doc.stalled", n=fmt_int(len(stalled)), days=STALLED_AFTER))
    return out


def _kinds(rows: Sequence[Row]) -> str:
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["rule"], r["kind"])] = counts.get((r["rule"], r["kind"]), 0) + 1
    return "; ".join(
        f"{t('deadline.' + kind)} ({rule}) {fmt_int(n)}" for (rule, kind), n in counts.items()
    )


# --- what to do next ------------------------------------------------------------------------


def _next_steps(facts: Mapping[str, Any]) -> list[str]:
    """Tasks that follow from the figures above; none is stated without its figure."""
    out = []
    if facts.get("behind"):
        out.append(t("doc.next_behind", n=fmt_int(len(facts["behind"]))))
    if facts.get("no_quota"):
        out.append(t("doc.next_no_quota", n=fmt_int(len(facts["no_quota"]))))
    if facts.get("overdue"):
        out.append(t("doc.next_overdue", n=fmt_int(facts["overdue"])))
    if facts.get("stalled"):
        out.append(t("doc.next_stalled", n=fmt_int(facts["stalled"])))
    for term, by_source in facts.get("term", {}).items():
        for source, r in by_source.items():
            if r["remaining"]:
                out.append(
                    t("doc.next_term", term=term, n=fmt_int(r["remaining"]), source=_source(source))
                )
    for year, by_source in facts.get("next_year", {}).items():
        # Several sources for one year: aim at the highest, which meets the others too.
        out.append(t("doc.next_year_task", year=year, target=fmt_int(max(by_source.values()))))
    out.append(t("doc.next_sourcing"))
    return out


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
