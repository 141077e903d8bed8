"""The command tree. Built after the language is known, since help texts are translated.

``dangvien --version`` is answered before Typer is even imported: scripts call it often.
"""

import sys

from dangvien_cli import __version__
from dangvien_cli.i18n import lang_from_argv, set_lang

GROUPS = (
    ("db", "dangvien_cli.cli.database", "help.db"),
    ("unit", "dangvien_cli.cli.units", "help.unit"),
    ("period", "dangvien_cli.cli.periods", "help.period"),
    ("quota", "dangvien_cli.cli.quotas", "help.quota"),
    ("candidate", "dangvien_cli.cli.candidates", "help.candidate"),
    ("admission", "dangvien_cli.cli.admissions", "help.admission"),
    ("member", "dangvien_cli.cli.members", "help.member"),
    ("report", "dangvien_cli.cli.reports", "help.report"),
)


def build_app():  # type: ignore[no-untyped-def]
    import importlib
    from typing import Annotated

    import typer

    from dangvien_cli.cli._context import AppContext, lang_callback, set_app_ctx
    from dangvien_cli.i18n import t
    from dangvien_cli.render import OutputFormat

    app = typer.Typer(
        help=t("app.help"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"dangvien {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        db: Annotated[str | None, typer.Option("--db", help=t("opt.db"))] = None,
        output_format: Annotated[
            OutputFormat, typer.Option("--format", "-f", help=t("opt.format"))
        ] = OutputFormat.table,
        lang: Annotated[
            str | None, typer.Option("--lang", help=t("opt.lang"), callback=lang_callback)
        ] = None,
        actor: Annotated[str | None, typer.Option("--actor", help=t("opt.actor"))] = None,
        version: Annotated[
            bool,
            typer.Option(
                "--version", help=t("opt.version"), callback=version_callback, is_eager=True
            ),
        ] = False,
    ) -> None:
        set_app_ctx(AppContext(db=db, fmt=output_format, actor=actor))

    for name, module, help_key in GROUPS:
        app.add_typer(importlib.import_module(module).build(), name=name, help=t(help_key))
    from dangvien_cli.cli.demo import register as register_demo

    register_demo(app)
    return app


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"dangvien {__version__}\n")
        return
    set_lang(lang_from_argv(args))
    app = build_app()
    try:
        app(args=args, prog_name="dangvien")
    except SystemExit:
        raise
    except Exception as exc:  # a failure outside any command's own boundary
        from dangvien_cli.cli._context import stderr_console
        from dangvien_cli.i18n import t

        stderr_console().print(
            f"{t('error.prefix')}: {t('error.unexpected', kind=type(exc).__name__)}"
        )
        raise SystemExit(1) from None
