"""The one table of which candidate column holds which step (STEP_FIELDS) is what the
import reads, the bulk load stages and the export writes: a column named there and missing
elsewhere would silently drop a step's date or number on the way in or out."""

from __future__ import annotations

from dangvien_cli.services import exports
from dangvien_cli.services.imports import candidate_load, candidates
from dangvien_cli.services.imports.step_fields import (
    EXIT,
    EXIT_DATE,
    EXIT_NOTE,
    EXIT_STEPS,
    STEP_FIELDS,
)
from dangvien_cli.services.pipeline import STAGE_AFTER
from dangvien_cli.vocab import Step


def columns_named() -> list[str]:
    named = [EXIT, EXIT_DATE, EXIT_NOTE]
    for f in STEP_FIELDS:
        named += [f.date, *(c for c in (f.document, f.issuer) if c), *f.detail]
    return named


def test_every_step_column_is_read_by_the_import_and_written_by_the_export():
    imported = {spec.key for spec in candidates.FIELDS}
    exported, _source = exports.SOURCES["candidates"]
    assert set(columns_named()) <= imported
    assert set(columns_named()) <= set(exported)
    assert len(columns_named()) == len(set(columns_named()))  # no column holds two things


def test_the_bulk_load_stages_every_steps_columns():
    staged = set(candidate_load.STAGE_COLUMNS)
    for f in STEP_FIELDS:
        assert {f.date, *(c for c in (f.document, f.issuer, f.detail_column) if c)} <= staged


def test_steps_run_in_pipeline_order_and_exits_stay_outside():
    pipeline = [step for step in STAGE_AFTER if step not in EXIT_STEPS]
    assert [f.step for f in STEP_FIELDS] == pipeline
    assert set(EXIT_STEPS) == {Step.rejected, Step.withdrawn, Step.struck_off}
