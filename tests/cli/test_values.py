"""cli/_values.py converts the command line's values without pydantic; Typer's own conversion
is the reference. Every parameter of every command, on the same inputs, must come out the
same: the same value of the same type, or the same refusal in the same words."""

from __future__ import annotations

import pytest
import typer.main
from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from dangvien_cli.cli import build_app
from dangvien_cli.cli._values import DirectValues

pytestmark = pytest.mark.no_database


def every_parameter() -> list[tuple[str, object, object]]:
    """(command path, its Click command, the parameter), once per distinct kind of value."""
    found: dict[tuple, tuple[str, object, object]] = {}

    def walk(command: object, path: str) -> None:
        for param in command.params:  # type: ignore[attr-defined]
            info = param.type_descriptor.parameter_info
            kind = (repr(param.type_descriptor.annotation), info.min, info.max, param.nargs)
            found.setdefault(kind, (f"{path} {param.name}", command, param))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(build_app()), "dangvien")
    return sorted(found.values(), key=lambda item: item[0])


PARAMETERS = every_parameter()
TEXTS = [
    "0", "1", "-1", "+5", "007", "-0", "2024", "1.5", "-2.25", "1,5", "1.", ".5", "1e3",
    "1_000", " 1", "1 ", "", "x", "١٢", "inf", "nan", "9" * 30, "table", "TABLE", "csv",
    "ndjson", "yaml", "death", "Tử trần", "-", "a b", "/nonexistent/dir/file.csv",
]  # fmt: skip


def outcome(converter: object, value: object, param: object, ctx: Context) -> tuple:
    try:
        got = converter.coerce(value, param=param, ctx=ctx)  # type: ignore[attr-defined]
    except BadParameter as exc:
        return ("refused", exc.format_message())
    return ("value", type(got).__name__, repr(got))  # repr: nan is not equal to itself


def same(param: object, command: object, value: object) -> None:
    ctx = Context(command)  # type: ignore[arg-type]
    ours = outcome(DirectValues(param), value, param, ctx)
    typers = outcome(build_runtime_param(param.type_descriptor), value, param, ctx)  # type: ignore[attr-defined]
    assert ours == typers, (param.name, value)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("path", "command", "param"), PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_every_parameter_converts_as_typer_does(path, command, param):
    multi = param.multiple or param.nargs == -1
    values = [tuple(TEXTS[:3]), ("1", "x"), (), None] if multi else [*TEXTS, None]
    for value in values:
        same(param, command, value)


def test_the_ordinary_values_never_reach_pydantic():
    """Not a tautology: the inputs a clerk types are converted directly (none handed back)."""
    by_kind = {repr(p.type_descriptor.annotation): (c, p) for _, c, p in PARAMETERS}
    typed = [
        ("<class 'int'>", "2024"),
        ("<class 'str'>", "Lan"),
        ("<class 'float'>", "90.5"),
        ("<class 'pathlib.Path'>", "out.csv"),
        ("<enum 'OutputFormat'>", "csv"),
        ("list[str]", ("P01", "P02")),
    ]
    for kind, text in typed:
        command, param = by_kind[kind]
        direct = DirectValues(param)
        assert direct.direct, kind
        direct.coerce(text, param=param, ctx=Context(command))
        assert direct._typer is None, kind


NUMBERS = [item for item in PARAMETERS if "int" in repr(item[2].type_descriptor.annotation)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="0123456789+-._ e١x", max_size=8), pick=st.integers(0, 1000))
def test_typed_numbers_come_out_as_typer_makes_them(text, pick):
    _, command, param = NUMBERS[pick % len(NUMBERS)]
    if param.multiple or param.nargs == -1:
        same(param, command, (text,))
    else:
        same(param, command, text)
