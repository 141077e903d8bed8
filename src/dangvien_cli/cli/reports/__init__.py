"""dangvien report …: quota, behind, pipeline, composition, deadlines and document, one
module each, as services/reports/ holds them.

Each command parses its options, opens one read session, calls one service and hands the
rows to ``render.deliver``. Script formats (json, csv, tsv) carry the service's keys
unchanged, as documented in each service module; the table and the workbook add
display-only keys (labels, bars).
"""

import typer

from dangvien_cli.cli._context import new_group


def build() -> typer.Typer:
    from dangvien_cli.cli.reports import composition, deadlines, document, pipeline, quota

    group = new_group()
    for module in (quota, pipeline, composition, deadlines, document):
        module.register(group)
    return group
