"""dangvien db …: where the database is, its schema, its backups."""

import typer

from dangvien_cli.cli._context import app_ctx, command, info
from dangvien_cli.i18n import t


def build() -> typer.Typer:
    group = typer.Typer(no_args_is_help=True)

    @command(group, "path", help_key="help.db.path", records=False)
    def path() -> None:
        from dangvien_cli.db import describe

        typer.echo(describe(app_ctx().url))

    @command(group, "upgrade", help_key="help.db.upgrade", records=False)
    def upgrade() -> None:
        from dangvien_cli.db import describe
        from dangvien_cli.db import upgrade as run_upgrade

        url = app_ctx().url
        before, after = run_upgrade(url)
        if before == after:
            info(t("db.up_to_date", rev=after))
        else:
            info(t("db.upgraded", where=describe(url), before=before or "∅", after=after))

    return group
