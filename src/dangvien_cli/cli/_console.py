"""The clerk's stderr, and the one boundary every command runs in: each failure becomes one
line in the clerk's language and the documented exit code, never a traceback.
"""

import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import typer

from dangvien_cli.cli._help import stopped_at_a_question
from dangvien_cli.errors import DangvienError, RuleViolation, one_line, os_reason
from dangvien_cli.i18n import t

err_console = None


def stderr_console():  # type: ignore[no-untyped-def]
    global err_console
    if err_console is None:
        from rich.console import Console

        # A script reads one line a message; a person at a terminal reads it broken at
        # spaces to the width (the terminal itself would cut it mid-word).
        err_console = Console(
            stderr=True,
            markup=False,
            highlight=False,
            emoji=False,
            soft_wrap=not sys.stderr.isatty(),
        )
    return err_console


def warn(text: str) -> None:
    stderr_console().print(f"{t('warning.prefix')}: {text}", style="yellow")


def info(text: str) -> None:
    stderr_console().print(text)


def error(text: str) -> None:
    """A refusal's one line: "Lỗi: …" in red."""
    stderr_console().print(f"{t('error.prefix')}: {text}", style="red")


def _end_the_line_of_an_interrupted_table() -> None:
    """Ctrl-C can stop a table mid-row at a terminal: the notice starts a line of its own."""
    from dangvien_cli.render_table import output_is_terminal

    if output_is_terminal(sys.stdout):
        with suppress(OSError, ValueError):
            sys.stdout.write("\n")
            sys.stdout.flush()


@contextmanager
def error_boundary() -> Iterator[None]:
    """Turn every failure into one line on stderr and the documented exit code."""
    try:
        yield
    except typer.Abort as exc:
        raise stopped_at_a_question(exc) from None
    except (typer.Exit, typer.TyperException):
        raise
    except DangvienError as exc:
        # One line, never a whole ID card or phone number, whatever value it echoes back;
        # at a terminal, several broken rules as a list, one per line.
        lines = exc.lines() if isinstance(exc, RuleViolation) else []
        if len(lines) > 1 and sys.stderr.isatty():
            head = t("rule.refused_many", count=len(lines))
            error(head)
            for line in lines:
                stderr_console().print(f"  • {one_line(line)}", style="red")
        else:
            error(one_line(exc.message()))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _end_the_line_of_an_interrupted_table()
        stderr_console().print(t("error.interrupted"))
        raise typer.Exit(130) from None
    except BrokenPipeError:
        # The reader went away (`dangvien … | head`): stop quietly, as a SIGPIPE would.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(141) from None
    except OverflowError:
        # A date or number computed from a value the user gave ran past what Python's
        # dates can hold (--within 99999999 days): the value, not the program, is wrong.
        error(t("error.out_of_range"))
        raise typer.Exit(1) from None
    except Exception as exc:
        from dangvien_cli.dialect import engine_refusal

        refusal = engine_refusal(exc)
        if refusal is None and isinstance(exc, OSError) and exc.strerror:
            # The machine refused: a full disk, a folder where a file was named, no right.
            where = f"{exc.filename}: " if exc.filename else ""
            refusal = DangvienError("error.os", reason=f"{where}{os_reason(exc)}")
        if refusal is not None:
            error(one_line(refusal.message()))
            raise typer.Exit(1) from None
        if os.environ.get("DANGVIEN_DEBUG") == "1":
            traceback.print_exc()
        kind = type(exc).__name__
        stderr_console().print(f"{t('error.prefix')}: {t('error.unexpected', kind=kind)}")
        raise typer.Exit(1) from None
