"""The command tree. Built after the language is known, since help texts are translated.

``dangvien --version`` is answered before Typer is even imported: scripts call it often.
"""

import os
import sys

from dangvien_cli import __version__
from dangvien_cli.i18n import lang_from_argv, set_lang

GROUPS = (
    ("db", "dangvien_cli.cli.database", "help.db"),
    ("unit", "dangvien_cli.cli.units", "help.unit"),
    ("period", "dangvien_cli.cli.periods", "help.period"),
    ("quota", "dangvien_cli.cli.quotas", "help.quota"),
    ("candidate", "dangvien_cli.cli.candidate.commands", "help.candidate"),
    ("admission", "dangvien_cli.cli.admissions", "help.admission"),
    ("member", "dangvien_cli.cli.members", "help.member"),
    ("class", "dangvien_cli.cli.classes", "help.class"),
    ("report", "dangvien_cli.cli.reports", "help.report"),
    ("audit", "dangvien_cli.cli.audit", "help.audit"),
    ("export", "dangvien_cli.cli.exports", "help.export"),
)


def invoked_group(args: list[str], root=None) -> str | None:  # type: ignore[no-untyped-def]
    """The command group `args` name (`unit` in `dangvien --db x.db unit list`), if any, as
    Click's own parser of the root's options (those of ``root``, a ``typer.Typer``, or of
    ``root_app()``) reads the command line; no callback runs. Unannotated, like the other
    functions here: ``--version`` is answered without importing ``typing``."""
    import typer
    from typer._click.exceptions import UsageError

    command = typer.main.get_command(root or root_app())
    context = command.context_class(command, info_name="dangvien", **command.context_settings)
    parser = command.make_parser(context)
    try:
        _, rest, _ = parser.parse_args(list(args))
    except UsageError:  # the root's own usage error, whatever group follows
        return None
    return rest[0] if rest else None


def root_app():  # type: ignore[no-untyped-def]
    """The root of the command tree: its options, no group yet."""
    import typer

    from dangvien_cli.cli import _words
    from dangvien_cli.cli._context import HelpGroup
    from dangvien_cli.i18n import t

    _words.install()
    app = typer.Typer(
        cls=HelpGroup,
        help=t("app.help"),
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root_options())
    return app


def _root_options():  # type: ignore[no-untyped-def]
    """The root callback: its help texts are read in the language of this invocation."""
    from typing import Annotated

    import typer

    from dangvien_cli.cli._context import AppContext, lang_callback
    from dangvien_cli.i18n import t
    from dangvien_cli.render import OutputFormat

    def version_callback(value: bool) -> None:
        if value:
            typer.echo(f"dangvien {__version__}")
            raise typer.Exit()

    def root(
        ctx: typer.Context,
        db: Annotated[str | None, typer.Option("--db", help=t("opt.db"))] = None,
        output_format: Annotated[
            OutputFormat, typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False)
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
        ctx.obj = AppContext(db=db, fmt=output_format, actor=actor)

    return root


def build_app(args: list[str] | None = None):  # type: ignore[no-untyped-def]
    """The command tree. Given the command line, only the group it names is built in full
    (building every command costs more than a whole --help); the other groups stay empty,
    which is all the root --help and a mistyped name need. Without it, everything is built.
    """
    import importlib

    import typer

    from dangvien_cli.i18n import t

    app = root_app()
    wanted = invoked_group(args, app) if args is not None else None
    for name, module, help_key in GROUPS:
        if args is None or name == wanted:
            group = importlib.import_module(module).build()
        else:
            group = typer.Typer()
        app.add_typer(group, name=name, help=t(help_key))
    from dangvien_cli.cli.demo import register as register_demo

    register_demo(app)
    return app


# Set by the shell's completion script (`dangvien --install-completion`): the command line
# being completed is in the environment, not in argv.
COMPLETE_VAR = "_DANGVIEN_COMPLETE"


def completed_words() -> list[str]:
    """The words typed so far, as bash, zsh, fish or PowerShell hand them to Typer, minus the
    program's name: enough to build the group being completed."""
    import shlex

    typed = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
    try:
        words = shlex.split(typed)
    except ValueError:  # an unclosed quote while typing
        words = typed.split()
    return words[1:]


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):
        sys.stdout.write(f"dangvien {__version__}\n")
        return
    asked = lang_from_argv(args)
    from_profile = asked == os.environ.get("DANGVIEN_LANG", "").strip().lower()
    if set_lang(asked) != asked and asked and from_profile:
        # --lang is refused as a usage error; a variable set long ago in a profile is only
        # said, every time, so that the clerk learns why the words are Vietnamese.
        from dangvien_cli.cli._console import warn
        from dangvien_cli.i18n import t

        warn(t("lang.env_unknown", value=asked[:20]))
    app = build_app(completed_words() if COMPLETE_VAR in os.environ else args)
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
