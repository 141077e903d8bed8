"""dangvien report …: quota, behind, pipeline, composition, deadlines and document, one
module each, as services/reports/ holds them.

Each command parses its options, opens one read session, calls one service and hands the
rows to ``render.deliver``. Script formats (json, csv, tsv) carry the service's keys
unchanged, as documented in each service module; the table and the workbook add
display-only keys (labels, bars).
"""

import importlib

import typer

# In the order the help lists the commands: each module declares its own when imported.
MODULES = ("quota", "pipeline", "composition", "deadlines", "document")


def build() -> typer.Typer:
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}")
    from dangvien_cli.cli.reports._shared import group

    return group
