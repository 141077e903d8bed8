"""The paragraphs of the committee's report that follow its results: the units ahead and
behind, who the new members are, the awareness classes, the candidates and what is overdue,
and what to do next (services.reports.document puts them together).

Each function takes the rows a report service returned for the document's period and day,
and notes in ``facts`` what its sentences state, for the next steps and for tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dangvien_cli.i18n import fmt_date, fmt_int, fmt_percent, get_lang, t, t_or
from dangvien_cli.services import classes as class_service
from dangvien_cli.services.reports.deadlines import report_deadlines
from dangvien_cli.services.reports.pipeline import FUNNEL
from dangvien_cli.services.reports.scope import Window, scope

Row = Mapping[str, Any]
# The same defaults as ``report deadlines``, so that the two agree for the same day.
DEADLINE_WITHIN, STALLED_AFTER = 30, 180
# Composition rows the document names, in the order of Biểu 2-BTCTW's first section.
GENERAL = ("women", "youth-union", "ethnic-minority", "religious", "private-owner")
ENTERPRISE = ("occ-enterprise-manager", "occ-enterprise-staff", "occ-enterprise-worker")


def source_words(code: str) -> str:
    return t_or(f"doc.source.{code}", code)


def ratio(row: Row) -> str:
    return t(
        "doc.ratio",
        n=fmt_int(row["admitted"]),
        target=fmt_int(row["target"]),
        pct=fmt_percent(row["percent"]),
    )


def units_paragraphs(
    rows: Sequence[Row], behind: Sequence[Row], facts: dict[str, Any]
) -> list[str]:
    """The first level below the top by status, each unit by name with its figures; the
    units behind come from ``report behind``, worst shortfall first."""
    first = [r for r in rows if r["depth"] == 1]
    if not first:
        return [t("doc.no_units")]
    # A unit with quotas from several sources has one row per source: name the source then.
    several = len({r["source"] for r in first if r["source"]}) > 1
    by_status: dict[str, list[Row]] = {}
    for r in first:
        by_status.setdefault(r["status"], []).append(r)
    by_status["vuot"] = sorted(
        by_status.get("vuot", []), key=lambda r: (-r["percent"], r["unit_code"])
    )
    by_status["cham"] = [r for r in behind if r["depth"] == 1]
    facts["units"] = len({r["unit_code"] for r in first})
    out = [t("doc.units_count", n=fmt_int(facts["units"]))]
    for status, key, detail in (
        ("vuot", "doc.ahead", "ratio"),
        ("dat", "doc.met", None),
        ("dung-tien-do", "doc.on_pace", "ratio"),
        ("cham", "doc.behind", "shortfall"),
        ("chua-giao", "doc.without_quota", None),
    ):
        listed = by_status.get(status, [])
        facts[status] = sorted({r["unit_code"] for r in listed})
        if listed:
            names = "; ".join(_named(r, detail, several) for r in listed)
            out.append(t(key, n=fmt_int(len(facts[status])), list=names))
        elif status == "cham":
            out.append(t("doc.none_behind"))
    return out


def _named(row: Row, detail: str | None, with_source: bool) -> str:
    figures = []
    if with_source and row["source"]:
        figures.append(source_words(row["source"]))
    if detail:
        figures.append(ratio(row))
    if detail == "shortfall":
        figures.append(t("doc.shortfall", n=fmt_int(row["shortfall"])))
    return f"{row['unit_name']} ({', '.join(figures)})" if figures else str(row["unit_name"])


# --- who the new members are -------------------------------------------------------------


def composition_paragraphs(rows: Sequence[Row], facts: dict[str, Any]) -> list[str]:
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


def class_paragraphs(
    session: Session, win: Window, unit: str | None, funnel: Sequence[Row], facts: dict[str, Any]
) -> list[str]:
    """Classes on file that started in the window (and in the scope), then the certificates
    the pipeline holds for the window (``funnel``: the scope's own rows of report_pipeline),
    which include candidates whose class is not on file."""
    sc = scope(session, unit)
    codes = {sc.tree[u].code for u in sc.levels}
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
    # "entered" counts the window's moves, whatever day "now" is read on.
    trained = sum(r["entered"] for r in funnel if r["stage"] == "trained")
    facts["certified"] = trained
    out.append(t("doc.certified", n=fmt_int(trained)))
    return out


# --- the pipeline and what is overdue ------------------------------------------------------


def pipeline_paragraphs(
    session: Session, as_of: date, unit: str | None, rows: Sequence[Row], facts: dict[str, Any]
) -> list[str]:
    """Who is on the way (``rows``: the scope's own rows of report_pipeline), what is
    overdue, who has stalled."""
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
    # Counted as the items stream by, in the order they come: a nation's are a million.
    overdue: dict[tuple[str, str], int] = {}
    soon: dict[tuple[str, str], int] = {}
    stalled = 0
    for r in due:
        if r["rule"]:
            into = overdue if r["overdue"] else soon
            into[(r["rule"], r["kind"])] = into.get((r["rule"], r["kind"]), 0) + 1
        elif r["kind"] == "stalled":
            stalled += 1
    n_overdue, n_soon = sum(overdue.values()), sum(soon.values())
    facts.update(overdue=n_overdue, due_soon=n_soon, stalled=stalled)
    if overdue:
        out.append(
            t("doc.overdue", n=fmt_int(n_overdue), day=fmt_date(as_of), list=_kinds(overdue))
        )
    else:
        out.append(t("doc.overdue_none", day=fmt_date(as_of)))
    if soon:
        out.append(t("doc.due_soon", n=fmt_int(n_soon), days=DEADLINE_WITHIN, list=_kinds(soon)))
    if stalled:
        out.append(t("doc.stalled", n=fmt_int(stalled), days=STALLED_AFTER))
    return out


def _kinds(counts: Mapping[tuple[str, str], int]) -> str:
    return "; ".join(
        f"{t('deadline.' + kind)} ({rule}) {fmt_int(n)}" for (rule, kind), n in counts.items()
    )


# --- what to do next ------------------------------------------------------------------------


def next_steps(facts: Mapping[str, Any]) -> list[str]:
    """Tasks that follow from the figures above; none is stated without its figure."""
    out = []
    if facts.get("cham"):
        out.append(t("doc.next_behind", n=fmt_int(len(facts["cham"]))))
    if facts.get("chua-giao"):
        out.append(t("doc.next_no_quota", n=fmt_int(len(facts["chua-giao"]))))
    if facts.get("overdue"):
        out.append(t("doc.next_overdue", n=fmt_int(facts["overdue"])))
    if facts.get("stalled"):
        out.append(t("doc.next_stalled", n=fmt_int(facts["stalled"])))
    for term, by_source in facts.get("term", {}).items():
        for source, r in by_source.items():
            if r["remaining"]:
                out.append(
                    t(
                        "doc.next_term",
                        term=term,
                        n=fmt_int(r["remaining"]),
                        source=source_words(source),
                    )
                )
    for year, by_source in facts.get("next_year", {}).items():
        # Several sources for one year: aim at the highest, which meets the others too.
        out.append(t("doc.next_year_task", year=year, target=fmt_int(max(by_source.values()))))
    out.append(t("doc.next_sourcing"))
    return out
