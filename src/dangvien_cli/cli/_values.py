"""The values typed on a command line, converted without pydantic where nothing can go wrong.

Typer 0.29 converts every parameter's value through a pydantic ``TypeAdapter``, even an
option left out, and building the first one imports pydantic: ~50 ms, a quarter of what
``report quota`` costs before its query runs. The values dangvien's commands take are of a
few plain kinds (text, whole numbers with a lower bound, numbers, paths, a closed list, lists
of those); ``DirectValues`` converts the ordinary case of each exactly as Typer's adapter
would, and hands everything else to Typer's own conversion: a value pydantic would refuse
(so the refusal keeps its words, cli/_words.py), or a kind not listed here.
tests/cli/test_values.py runs both on the same inputs.

Typer has no setting for this: its parameters build their converter on first use
(``_TyperParameter.get_runtime_param``) unless one is already in ``_runtime_param``; the
command classes (cli/_help.py, ``get_params``) put one there before parsing.
"""

import re
from enum import Enum
from pathlib import Path
from typing import Any

from typer._param_types import coerce_cli_choice, coerce_cli_path

_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")


class _Refer(Exception):
    """Not an ordinary value: Typer's own conversion decides (and words any refusal)."""


class DirectValues:
    """Stands in for Typer's converter of one parameter (the ``RuntimeParam`` interface:
    ``coerce(value, param, ctx)``)."""

    def __init__(self, param: Any) -> None:
        descriptor = param.type_descriptor
        self.info = descriptor.parameter_info
        self.multi = param.multiple or param.nargs == -1
        annotation = descriptor.annotation
        self.item = annotation.__args__[0] if descriptor.is_list else annotation
        plain = self.info.parser is None and not descriptor.is_file and not descriptor.is_tuple
        self.direct = plain and self.multi == descriptor.is_list and self._knows(self.item)
        self.descriptor = descriptor
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # as Typer's: nothing given
            return () if self.multi else None
        if self.direct:
            try:
                if self.multi and isinstance(value, (list, tuple)):
                    return [self._one(item, param, ctx) for item in value]
                if not self.multi:
                    return self._one(value, param, ctx)
            except _Refer:
                pass
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self.descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)

    def _knows(self, kind: Any) -> bool:
        if isinstance(kind, type) and issubclass(kind, Enum):
            return True
        if kind in (int, float):
            return not self.info.clamp
        return kind in (str, Path)

    def _one(self, value: Any, param: Any, ctx: Any) -> Any:
        kind = self.item
        if not isinstance(value, str):
            raise _Refer
        if kind is str:
            return value
        if kind is int:
            if not _WHOLE.fullmatch(value):
                raise _Refer
            return self._bounded(int(value))
        if kind is float:
            if not _DECIMAL.fullmatch(value):
                raise _Refer
            return self._bounded(float(value))
        if kind is Path:
            if not value:
                raise _Refer
            # A Path already made skips pydantic; existence and access are Typer's checks.
            return coerce_cli_path(Path(value), self.info, path_type=Path, param=param, ctx=ctx)
        try:
            return coerce_cli_choice(
                value, choices=tuple(kind), case_sensitive=self.info.case_sensitive, ctx=ctx
            )
        except ValueError:
            raise _Refer from None

    def _bounded(self, number: float) -> float:
        low, high = self.info.min, self.info.max
        if (low is not None and number < low) or (high is not None and number > high):
            raise _Refer
        return number


def convert_directly(params: list[Any]) -> None:
    """Give each of a command's parameters a DirectValues, once; Typer's own converter is
    kept for what DirectValues hands back."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None:
            param._runtime_param = DirectValues(param)
