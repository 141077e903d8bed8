"""The table view of ``candidate show``: the person, the timeline in words, the dossier with
what is missing, classes, the exceptions a higher body approved, and what comes next."""

from datetime import date
from typing import Any

from dangvien_cli.i18n import code_label, fmt_date, t
from dangvien_cli.render import Column, OutputFormat, data_console, emit, emit_object
from dangvien_cli.render_table import output_is_terminal, width_of

SHOW_FIELDS = [
    Column("id", "col.id"),
    Column("full_name", "col.full_name"),
    Column("birth_date", "col.birth_date", "date"),
    Column("gender", "col.gender", labels="gender"),
    Column("ethnicity", "col.ethnicity"),
    Column("religion", "col.religion"),
    Column("education", "col.education", labels="education"),
    Column("national_id", "col.national_id"),
    Column("unit_name", "col.unit"),
    Column("stage", "col.stage", "stage"),
    Column("stage_on", "col.stage_on", "date"),
    Column("certificate_valid_until", "col.certificate_valid_until", "date", when_set=True),
    Column("party_age_from", "col.party_age_from", "date", when_set=True),
    Column("probation_end", "col.probation_end", "date", when_set=True),
    Column("next_step", "col.next_step", "step"),
    Column("next_deadline", "col.next_deadline", "date", when_set=True),
]
TIMELINE_COLUMNS = [
    Column("event_id", "col.event"),
    Column("date", "col.date", "date"),
    Column("step", "col.step", "step"),
    Column("document_no", "col.document_no"),
    Column("issuer", "col.issuer", max_width=28),
    Column("summary", "col.detail", max_width=48),
]
CLASS_COLUMNS = [
    Column("code", "col.code"),
    Column("start_on", "col.start_on", "date"),
    Column("result_label", "col.result"),
    Column("certificate_no", "col.certificate_no"),
    Column("certificate_date", "col.certificate_date", "date"),
]
EXCEPTION_COLUMNS = [
    Column("rule", "col.rule"),
    Column("approved_by", "col.approved_by", max_width=30),
    Column("document_no", "col.document_no"),
    Column("approved_on", "col.date", "date"),
    Column("reason", "col.reason", max_width=40),
]


def _date(value: str) -> str:
    return fmt_date(date.fromisoformat(value))


def _introducers(entries: list[dict[str, Any]]) -> str:
    parts = []
    for i in entries:
        text = i.get("name", "")
        shown = i.get("person_id", i.get("member_id"))  # older entries hold the line's id
        if shown is not None:
            text += f" (#{shown})"
        if i.get("months_together") is not None:
            text += " " + t("detail.months", n=i["months_together"])
        parts.append(text)
    return "; ".join(parts)


def summarize(event: dict[str, Any]) -> str:
    """One event's detail in words, in the user's language."""
    d = event["detail"]
    parts: list[str] = []
    if d.get("exceptions"):  # first, so that it is never cut off
        parts.append(t("detail.exceptions", rules=", ".join(d["exceptions"])))
    if d.get("mentor"):
        parts.append(t("detail.mentor", name=d["mentor"]))
    if "official_members" in d:
        parts.append(t("detail.cell_votes", found=d["votes_for"], of=d["official_members"]))
    if "committee_members" in d:
        parts.append(t("detail.committee_votes", found=d["votes_for"], of=d["committee_members"]))
    if d.get("route") and d["route"] != "two-members":
        parts.append(t(f"route.{d['route']}"))
    if d.get("introducers"):
        parts.append(_introducers(d["introducers"]))
    if d.get("union_document"):
        parts.append(t("detail.union_document", document=d["union_document"]))
    if d.get("item"):
        parts.append(t("detail.class_failed") if d["item"] == "class-failed" else d["item"])
    if d.get("class"):
        parts.append(t("detail.class", code=d["class"]))
    if d.get("area_exception"):
        parts.append(t(f"area.{d['area_exception']}"))
    if d.get("received_on"):
        parts.append(t("detail.received", date=_date(d["received_on"])))
    if d.get("cell_date"):
        parts.append(t("detail.cell_date", date=_date(d["cell_date"])))
    if d.get("decided_on"):
        parts.append(t("detail.decided", date=_date(d["decided_on"])))
    if d.get("special"):
        parts.append(t("detail.special"))
    if event["note"]:
        parts.append(event["note"])
    if event["superseded"]:
        parts.insert(0, t("timeline.superseded"))
    if event["supersedes"]:
        key = "timeline.voids" if event["step"] == "void" else "timeline.corrects"
        parts.insert(0, t(key, event=event["supersedes"]))
    return "; ".join(parts)


def items_in_lines(head: str, items: list[str], width: int | None) -> str:
    """``head`` and the items two spaces apart, each item whole on its line (a mark is never
    parted from its form) and later lines indented under the first item; one line when
    ``width`` is None (a pipe)."""
    lines, line = [], head
    indent = " " * (width_of(head) + 1)
    for item in items:
        joined = f"{line}{' ' if line == head else '  '}{item}"
        if width is not None and line != head and width_of(joined) > width:
            lines.append(line)
            line = indent + item
        else:
            line = joined
    return "\n".join([*lines, line])


def result_label(result: str | None) -> str:
    return t(f"result.{result}") if result else ""


def _label(code: str) -> str:
    """A step's name, or a form number as it is."""
    return code_label("step", code)


def print_candidate(detail: dict[str, Any]) -> None:
    table = OutputFormat.table
    emit_object(detail, SHOW_FIELDS, table, title=detail["full_name"])
    timeline = [{**e, "summary": summarize(e)} for e in detail["timeline"]]
    emit(timeline, TIMELINE_COLUMNS, table, title=t("title.timeline"), section=True)
    console = data_console()
    docs = [
        ("✔ " if d["present"] else "✘ ") + (d["form"] or _label(d["step"]))
        for d in detail["documents"]
    ]
    width = console.width if output_is_terminal(console.file) else None
    console.print(items_in_lines(f"{t('title.documents')}:", docs, width))
    if detail["classes"]:
        rows = [{**c, "result_label": result_label(c["result"])} for c in detail["classes"]]
        emit(rows, CLASS_COLUMNS, table, title=t("title.classes"), section=True)
    if detail["exceptions"]:
        emit(
            detail["exceptions"],
            EXCEPTION_COLUMNS,
            table,
            title=t("title.exceptions"),
            section=True,
        )
    if detail.get("report_up"):
        console.print(t("candidate.report_up", count=detail["failed_recognitions"]))
    if not detail["next_step"]:
        return
    step = t(f"step.{detail['next_step']}")
    if not detail["next_deadline"]:
        console.print(t("candidate.next_no_deadline", step=step))
    else:
        # the hint names whose deadline it is: the vote's is the certificate's (R8), the
        # committee's resolution's is the decision's (R17)
        deadline = f"{fmt_date(detail['next_deadline'])} ({detail['next_rule']})"
        if detail["overdue"]:
            deadline += " " + t("candidate.overdue")
        of = t(f"deadline.{detail['next_deadline_of']}")
        console.print(t("candidate.next", step=step, of=of, deadline=deadline))
    if detail["missing"]:
        missing = ", ".join(_label(m) for m in detail["missing"])
        console.print(t("candidate.missing", items=missing))
