"""dangvien demo: the source's story, loaded through the same imports a clerk runs."""

from datetime import date
from typing import Annotated

import typer

from dangvien_cli.cli._context import app_ctx, command, info
from dangvien_cli.cli._options import opt
from dangvien_cli.i18n import t


def register(app: typer.Typer) -> None:
    @command(app, "demo", help_key="help.demo")
    def demo(*, as_of: Annotated[str | None, opt("--as-of", help_key="opt.as_of")] = None) -> None:
        from dangvien_cli.cli.reports.quota import show_quota_table
        from dangvien_cli.db import describe
        from dangvien_cli.errors import DangvienError
        from dangvien_cli.i18n import t
        from dangvien_cli.services.demo import load_demo
        from dangvien_cli.services.reports.quota import report_quota
        from dangvien_cli.values import parse_date

        ctx = app_ctx()
        ctx.create = True
        try:
            with ctx.session(write=True) as session:
                counts = load_demo(session)
        except DangvienError as exc:
            if exc.key != "demo.not_empty":
                raise
            # Run twice (the README's quick start again): say so and leave the data alone.
            info(t("demo.not_empty", where=describe(ctx.url)))
            return
        from dangvien_cli.dialect import refresh_statistics

        refresh_statistics(ctx.engine())
        info(t_loaded(describe(ctx.url), counts))
        day = parse_date(as_of) or date(2021, 12, 31)
        with ctx.reader() as reader:
            rows = report_quota(reader, period_code="2021", as_of=day, depth=2)
        show_quota_table(rows, ctx.fmt, by="unit", period="2021", as_of=day)
        if ctx.fmt.value != "table":
            return  # scripts get one document: the 2021 table
        # The map of 1/7/2025 (examples/restructuring_2025.csv): the term 2020-2025 at its end
        # counts the city's admissions for the seven new wards that hold its wards now.
        info(t("demo.restructured"))
        end = date(2025, 12, 31)
        with ctx.reader() as reader:
            rows = report_quota(reader, period_code="2020-2025", as_of=end, depth=2)
        show_quota_table(rows, ctx.fmt, by="unit", period="2020-2025", as_of=end)


def t_loaded(where: str, counts: dict[str, int]) -> str:
    from dangvien_cli.i18n import fmt_int

    return t(
        "demo.loaded",
        where=where,
        units=fmt_int(counts["units"]),
        candidates=fmt_int(counts["candidates"]),
    )
