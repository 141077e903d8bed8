"""Which column of a candidate file holds which part of which pipeline step.

A candidate row carries a person's past steps as columns (a date, perhaps a document number,
an issuer, counts kept in the event's detail). Three places turn between those columns and
pipeline events: reading a row (candidate_rows), fanning a staged row out into events by SQL
(candidate_load), and folding events back into columns (exports). All three read this table,
so a step's columns are named once and a new column is one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from dangvien_cli.vocab import Step


@dataclass(frozen=True)
class StepField:
    step: Step
    date: str  # the column of the step's date
    document: str | None = None  # the column of its document number (certificate, decision)
    issuer: str | None = None  # the column of the body that issued it
    detail: tuple[str, ...] = ()  # columns kept in the event's JSON detail, under their names

    @property
    def detail_column(self) -> str | None:
        """The staged column holding the detail's JSON (candidate_load)."""
        return f"{self.step.name}_detail" if self.detail else None


# In pipeline order: the order also breaks ties between steps of one day, as the step
# commands record them, and it is the order whose dates must follow one another (R-order).
STEP_FIELDS: tuple[StepField, ...] = (
    StepField(Step.sourced, "source_date", detail=("mentor",)),
    StepField(Step.class_passed, "class_date", document="certificate_no"),
    StepField(Step.application, "application_date"),
    StepField(Step.cell_vote, "vote_date", detail=("votes_for", "official_members")),
    StepField(Step.committee_resolution, "committee_date"),
    StepField(Step.decision, "decision_date", document="decision_no", issuer="decision_body"),
    StepField(Step.ceremony, "ceremony_date"),
    StepField(Step.official, "official_date"),
)
FIELD_OF: dict[Step, StepField] = {f.step: f for f in STEP_FIELDS}

# The one step outside the pipeline's columns: how a candidate left it, when, and why.
EXIT_STEPS = (Step.rejected, Step.withdrawn, Step.struck_off)
EXIT, EXIT_DATE, EXIT_NOTE = "exit", "exit_date", "exit_reason"
# Every date column of a row, in the order a row's dates are judged and reported.
DATE_COLUMNS = (*(f.date for f in STEP_FIELDS), EXIT_DATE)
