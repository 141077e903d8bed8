"""What the report commands share: their options, the day they are computed for, the
checked --output, and the first cell (label) and progress bar of the quota-like rows."""

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from dangvien_cli.cli._context import new_group
from dangvien_cli.cli._options import UnitFilterOpt, opt, required
from dangvien_cli.i18n import t
from dangvien_cli.render import Column
from dangvien_cli.render_output import OUTPUTS

# The report group; each module of this package declares its commands in it when imported.
group = new_group()

LABEL = Column("label", "col.unit", min_width=16, flex=True)
CODE = Column("unit_code", "col.code", kind="code")
SOURCE = Column("source", "col.source", labels="quota_source")
TARGET = Column("target", "col.target", "int")
ADMITTED = Column("admitted", "col.admitted", "int")
PERCENT = Column("percent", "col.percent", "percent")
BAR = Column("progress", "col.progress", "bar", tick="elapsed")
EXPECTED = Column("expected", "col.expected", "number")
REMAINING = Column("remaining", "col.remaining", "int")
STATUS = Column("status", "col.status", "status")
QUOTA_COLUMNS = [LABEL, SOURCE, TARGET, ADMITTED, PERCENT, BAR, REMAINING, STATUS]

PeriodOpt = Annotated[str, required("--period", help_key="arg.period")]
PaceDayOpt = Annotated[str | None, opt("--as-of", help_key="opt.as_of")]
DayOpt = Annotated[str | None, opt("--as-of", help_key="opt.as_of_day")]
UnitOpt = UnitFilterOpt
DepthOpt = Annotated[int | None, opt("--depth", help_key="opt.depth", min=1)]
OutputOpt = Annotated[Path | None, opt("--output", "-o", help_key="opt.output")]


def report_day(as_of: str | None) -> date:
    from dangvien_cli.values import parse_date

    return parse_date(as_of) or date.today()


def checked_output(output: Path | None) -> Path | None:
    """Refuse an --output the reports cannot write before any work is done (exit 2)."""
    if output is not None and output.suffix.lower() not in OUTPUTS:
        raise typer.BadParameter(t("report.bad_output", path=output))
    return output


def progress(row: Mapping[str, Any]) -> dict[str, Any]:
    target = row.get("target")
    return {
        "progress": row["admitted"] / target if target else None,
        "elapsed": row["elapsed_percent"] / 100 if "elapsed_percent" in row else None,
    }


def labels(row: Mapping[str, Any]) -> dict[str, str]:
    """The first cell of a row, in full and (``short_label``) for a narrow terminal."""
    if row.get("row_type") == "total":
        label = t("report.total_row")
    elif row.get("row_type") == "block":
        label = t(f"block.{row['block']}") if row["block"] else t("report.no_block")
    else:
        indent = "  " * row.get("depth", 0)
        label = indent + row["unit_name"]
        return {"label": label, "short_label": f"{indent}{row['unit_code']} {row['unit_name']}"}
    return {"label": label, "short_label": label}
